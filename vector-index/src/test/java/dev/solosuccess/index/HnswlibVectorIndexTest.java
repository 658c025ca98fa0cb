package dev.solosuccess.index;

import static dev.solosuccess.index.Vectors.randomUnit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@link VectorIndex} contract for {@link VectorBackend#HNSWLIB}, and its tombstones. */
class HnswlibVectorIndexTest extends VectorIndexContractTest {

  @Override
  VectorBackend backend() {
    return VectorBackend.HNSWLIB;
  }

  @Test
  void manyUpdatesRebuildTheGraphWithoutLosingOrResurrectingEntries() {
    Map<String, VectorEntry> live = new LinkedHashMap<>(addRandom(200, 1));
    long sequence = 1;
    // Every update moves a vector, leaving a tombstone in hnswlib's graph: 3,000 of them pass the
    // rebuild threshold (more tombstones than max(1024, live entries)) twice.
    for (int i = 0; i < 3000; i++) {
      String id = "v" + random.nextInt(200);
      VectorEntry e = VectorEntry.of(id, randomUnit(random, DIM), Map.of("bucket", "b" + (i % 3)));
      index.upsert(e, ++sequence);
      live.put(id, e);
    }
    index.delete("v7", ++sequence);
    live.remove("v7");
    index.commit();
    index.close();
    index = open(config(VectorSimilarity.DOT_PRODUCT).build());

    assertThat(index.size()).isEqualTo(live.size());
    for (int q = 0; q < 10; q++) {
      float[] query = randomUnit(random, DIM);
      List<VectorHit> all = index.search(query, MAX_K, IndexFilter.none());
      assertThat(all).hasSize(live.size());
      assertHitsAreCurrent(all, live, query);
      assertThat(ids(index.search(query, 10, IndexFilter.none())))
          .as("%s", random)
          .isEqualTo(ids(exactTop(live, query, 10, e -> true)));
    }
  }
}
