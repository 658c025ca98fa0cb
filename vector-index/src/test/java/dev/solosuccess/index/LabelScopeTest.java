package dev.solosuccess.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access labels in the index: a {@link IndexFilter.Labels} scope returns only chunks carrying one
 * of its labels, in BM25 (chunk and document fields) and vector search alike, and BM25 scores under
 * the scope equal the scores of an index that holds only the scope's chunks. Randomized: replay
 * with {@code -Dlabels.seed=N}.
 */
class LabelScopeTest {

  static final int DIM = 8;
  static final String[] WORDS = {
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
    "kilo", "lima", "mike", "november", "oscar", "papa"
  };

  @TempDir Path dir;

  record Doc(String id, List<String> chunks, Set<String> labels, List<float[]> vectors) {}

  @Test
  void aScopeFiltersAndScoresAsAnIndexOfItsChunksAlone() {
    long seed = Long.getLong("labels.seed", System.nanoTime());
    System.out.println("LabelScopeTest seed " + seed);
    Random random = new Random(seed);
    List<Set<String>> labelSets =
        List.of(Set.of("t:a"), Set.of("t:b"), Set.of("t:a", "t:b"), Set.of());
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      List<String> chunks = new ArrayList<>();
      List<float[]> vectors = new ArrayList<>();
      for (int c = 0; c < 1 + random.nextInt(3); c++) {
        StringBuilder t = new StringBuilder();
        // Tenant A's documents lean on the first words: their statistics differ from B's.
        int range = i % 4 == 0 ? 6 : WORDS.length;
        for (int w = 0; w < 3 + random.nextInt(12); w++) {
          t.append(WORDS[random.nextInt(range)]).append(' ');
        }
        chunks.add(t.toString());
        vectors.add(unit(random));
      }
      docs.add(new Doc("d" + i, chunks, labelSets.get(i % 4), vectors));
    }
    Set<String> scope = Set.of("t:b");
    try (ChunkIndex mixed = open("mixed");
        ChunkIndex alone = open("alone")) {
      for (Doc d : docs) {
        mixed.replaceDocument(d.id(), indexed(d), String.join("\n", d.chunks()));
        if (d.labels().contains("t:b")) {
          alone.replaceDocument(d.id(), indexed(d), String.join("\n", d.chunks()));
        }
      }
      mixed.commit(1);
      alone.commit(1);
      IndexFilter scoped = IndexFilter.of(IndexFilter.labels(scope));
      int compared = 0;
      for (int q = 0; q < 200; q++) {
        String query = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
        Map<String, Double> expected = scores(alone.searchText(query, 1000, IndexFilter.none()));
        Map<String, Double> actual = scores(mixed.searchText(query, 1000, scoped));
        assertSame(expected, actual, query, seed);
        assertSame(
            scores(alone.searchDocuments(query, 1000, IndexFilter.none())),
            scores(mixed.searchDocuments(query, 1000, scoped)),
            query,
            seed);
        float[] v = unit(random);
        for (ScoredChunk c : mixed.searchVector(v, 1000, scoped)) {
          assertThat(docs.get(Integer.parseInt(c.documentId().substring(1))).labels())
              .contains("t:b");
        }
        compared += expected.size();
      }
      assertThat(compared).isPositive();
      // After writes the scope's statistics are those of the new reader (not a cached old one)
      // and of live chunks only: compared with an index built afresh from B's documents now.
      Doc extra = new Doc("d999", List.of("alpha alpha bravo"), Set.of("t:b"),
          List.of(unit(random)));
      mixed.replaceDocument(extra.id(), indexed(extra), extra.chunks().get(0));
      mixed.deleteDocument("d1");
      try (ChunkIndex fresh = open("fresh")) {
        for (Doc d : docs) {
          if (d.labels().contains("t:b") && !d.id().equals("d1")) {
            fresh.replaceDocument(d.id(), indexed(d), String.join("\n", d.chunks()));
          }
        }
        fresh.replaceDocument(extra.id(), indexed(extra), extra.chunks().get(0));
        for (String query : List.of("alpha bravo", "charlie", "alpha kilo papa")) {
          assertSame(
              scores(fresh.searchText(query, 1000, IndexFilter.none())),
              scores(mixed.searchText(query, 1000, scoped)),
              query + " after writes",
              seed);
          assertSame(
              scores(fresh.searchDocuments(query, 1000, IndexFilter.none())),
              scores(mixed.searchDocuments(query, 1000, scoped)),
              query + " after writes",
              seed);
        }
      }
      // Without the scope, A's chunks are found and change B's scores: the check has teeth.
      Map<String, Double> open = scores(mixed.searchText("alpha", 1000, IndexFilter.none()));
      Map<String, Double> onlyB = scores(alone.searchText("alpha", 1000, IndexFilter.none()));
      assertThat(open.size()).isGreaterThan(onlyB.size());
      assertThat(onlyB.keySet().stream().anyMatch(k -> !open.get(k).equals(onlyB.get(k))))
          .isTrue();
    }
  }

  private static void assertSame(
      Map<String, Double> expected, Map<String, Double> actual, String query, long seed) {
    assertThat(actual.keySet()).as("%s (seed %d)", query, seed).isEqualTo(expected.keySet());
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      assertThat(actual.get(e.getKey()))
          .as("score of %s for '%s' (seed %d)", e.getKey(), query, seed)
          .isCloseTo(e.getValue(), org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  private ChunkIndex open(String name) {
    return ChunkIndex.open(
        dir.resolve(name), IndexSettings.of(DIM, VectorSimilarity.DOT_PRODUCT, "test"));
  }

  private static List<IndexedChunk> indexed(Doc d) {
    List<IndexedChunk> out = new ArrayList<>();
    for (int i = 0; i < d.chunks().size(); i++) {
      out.add(new IndexedChunk(d.id() + "#" + i, d.id(), d.chunks().get(i), d.vectors().get(i),
          Map.of(), Map.of(), d.labels()));
    }
    return out;
  }

  private static Map<String, Double> scores(List<ScoredChunk> hits) {
    Map<String, Double> out = new HashMap<>();
    hits.forEach(h -> out.put(h.chunkId(), h.score()));
    return out;
  }

  private static float[] unit(Random random) {
    float[] v = new float[DIM];
    double n = 0;
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) random.nextGaussian();
      n += v[i] * v[i];
    }
    for (int i = 0; i < DIM; i++) {
      v[i] /= (float) Math.sqrt(n);
    }
    return v;
  }
}
