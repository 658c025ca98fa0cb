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
  void filteredSearchThroughTheGraphKeepsRecallAndFallsBackWhenTooFewPass() {
    index.close();
    // exactBelow 0: every filtered search over-fetches from the graph first.
    index = open(config(VectorSimilarity.DOT_PRODUCT).exactBelow(0).build());
    Map<String, VectorEntry> live = addRandom(2000, 1);
    int found = 0;
    for (int q = 0; q < 30; q++) {
      float[] query = randomUnit(random, DIM);
      List<VectorHit> hits = index.search(query, 10, IndexFilter.of(Map.of("bucket", "4")));
      assertThat(hits).as("%s", random).hasSize(10);
      assertHitsAreCurrent(hits, live, query);
      List<String> truth = ids(exactTop(live, query, 10, e -> "4".equals(e.attributes().get("bucket"))));
      found += (int) hits.stream().filter(h -> truth.contains(h.id())).count();
      // 3 of 2,000 pass: the sample sees none or almost none, and the scan finds all three.
      List<VectorHit> few = index.search(query, 10, IndexFilter.of(IndexFilter.range("i", 10, 12)));
      assertThat(ids(few)).containsExactlyInAnyOrder("v10", "v11", "v12");
    }
    assertThat(found / 300.0).as("filtered recall@10, %s", random).isGreaterThan(0.95);
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
