package dev.solosuccess.index;

import static dev.solosuccess.index.Vectors.axis;
import static dev.solosuccess.index.Vectors.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches of the Lucene {@link ChunkIndex} on a real index folder: BM25 text search, HNSW vector
 * search with and without filters, and what writes do to both.
 */
class LuceneChunkIndexTest {

  private static final int DIM = 4;

  @TempDir Path dir;
  private ChunkIndex index;

  @BeforeEach
  void open() {
    index =
        ChunkIndex.open(
            dir.resolve("index"), IndexSettings.of(DIM, VectorSimilarity.DOT_PRODUCT, "test"));
  }

  @AfterEach
  void close() {
    index.close();
  }

  // ---- BM25 ----

  @Test
  void chunkWithTheQueryTermsRanksAboveOneWithFewerOrNone() {
    index.replaceDocument(
        "d1", List.of(chunk("both", "d1", "The refund window for opened items", axis(DIM, 0))));
    index.replaceDocument(
        "d2", List.of(chunk("one", "d2", "Close the window before you leave", axis(DIM, 1))));
    index.replaceDocument(
        "d3", List.of(chunk("none", "d3", "Shipping takes five business days", axis(DIM, 2))));

    List<ScoredChunk> hits = index.searchText("refund window", 10, IndexFilter.none());

    assertThat(ids(hits)).as("hits of 'refund window': %s", hits).containsExactly("both", "one");
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    assertThat(hits.get(0).documentId()).isEqualTo("d1");
  }

  @Test
  void englishStemmingMatchesOtherFormsOfAWord() {
    index.replaceDocument(
        "d1", List.of(chunk("c1", "d1", "Ask for a refund within thirty days", axis(DIM, 0))));
    index.replaceDocument(
        "d2", List.of(chunk("c2", "d2", "Items were shipped yesterday", axis(DIM, 1))));

    assertThat(ids(index.searchText("refunds", 10, IndexFilter.none()))).containsExactly("c1");
    assertThat(ids(index.searchText("REFUNDED", 10, IndexFilter.none()))).containsExactly("c1");
    assertThat(ids(index.searchText("shipping", 10, IndexFilter.none()))).containsExactly("c2");
  }

  @Test
  void queryOfOnlyStopWordsFindsNothing() {
    index.replaceDocument(
        "d1", List.of(chunk("c1", "d1", "the cost of shipping and handling", axis(DIM, 0))));

    assertThat(index.searchText("the of and", 10, IndexFilter.none())).isEmpty();
    assertThat(index.searchText("   ", 10, IndexFilter.none())).isEmpty();
    assertThat(index.searchText("shipping", 10, IndexFilter.none()))
        .hasSize(1); // the chunk is there
  }

  @Test
  void documentSearchScoresWholeDocumentsWithDocumentStatistics() {
    // d1's two chunks share the query terms between them; no chunk of it holds both.
    index.replaceDocument(
        "d1",
        List.of(
            chunk("d1a", "d1", "The refund policy for opened items", axis(DIM, 0)),
            chunk("d1b", "d1", "A window of thirty days applies", axis(DIM, 1))),
        "The refund policy for opened items. A window of thirty days applies");
    index.replaceDocument(
        "d2",
        List.of(chunk("d2a", "d2", "Close the window before you leave", axis(DIM, 2))),
        "Close the window before you leave");
    index.replaceDocument(
        "d3", List.of(chunk("d3a", "d3", "A refund window without document text", axis(DIM, 3))));

    List<ScoredChunk> documents = index.searchDocuments("refund window", 10, IndexFilter.none());

    // d3 has no document text; d1 holds both terms, d2 one; each comes as its first chunk.
    assertThat(ids(documents)).containsExactly("d1a", "d2a");
    assertThat(documents.get(0).documentId()).isEqualTo("d1");
    assertThat(documents.get(0).score()).isGreaterThan(documents.get(1).score());
    // Chunk search is unchanged by document text: d3's chunk holds both terms.
    assertThat(ids(index.searchText("refund window", 10, IndexFilter.none())).get(0))
        .isEqualTo("d3a");
    // The text goes with the document: replaced without it, or deleted, the document is gone.
    index.replaceDocument(
        "d1", List.of(chunk("d1a", "d1", "The refund policy for opened items", axis(DIM, 0))));
    assertThat(ids(index.searchDocuments("refund", 10, IndexFilter.none()))).isEmpty();
    index.deleteDocument("d2");
    assertThat(index.searchDocuments("window", 10, IndexFilter.none())).isEmpty();
    assertThat(index.searchDocuments("the of", 10, IndexFilter.none())).isEmpty();
  }

  @Test
  void documentSearchHonoursTheFilter() {
    index.replaceDocument(
        "d1",
        List.of(new IndexedChunk("c1", "d1", "refund", axis(DIM, 0), Map.of("team", "hr"))),
        "refund policy");
    index.replaceDocument(
        "d2",
        List.of(new IndexedChunk("c2", "d2", "refund", axis(DIM, 1), Map.of("team", "ops"))),
        "refund policy");

    assertThat(ids(index.searchDocuments("refund", 10, IndexFilter.of(Map.of("team", "ops")))))
        .containsExactly("c2");
  }

  @Test
  void kLimitsTheNumberOfTextHits() {
    for (int i = 0; i < 7; i++) {
      index.replaceDocument(
          "d" + i, List.of(chunk("c" + i, "d" + i, "invoice number " + i, axis(DIM, i % DIM))));
    }
    assertThat(index.searchText("invoice", 3, IndexFilter.none())).hasSize(3);
    assertThat(index.searchText("invoice", 100, IndexFilter.none())).hasSize(7);
  }

  @Test
  void filterRestrictsTextHitsToChunksWithAllItsTerms(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    String[] teams = {"support", "sales", "Support"};
    String[] langs = {"en", "de"};
    Map<String, Map<String, String>> attributes = new HashMap<>();
    for (int i = 0; i < 60; i++) {
      Map<String, String> attrs = new HashMap<>();
      if (random.nextInt(5) > 0) {
        attrs.put("team", teams[random.nextInt(teams.length)]);
      }
      if (random.nextInt(5) > 0) {
        attrs.put("lang", langs[random.nextInt(langs.length)]);
      }
      attributes.put("c" + i, attrs);
      index.replaceDocument(
          "d" + i, List.of(chunk("c" + i, "d" + i, "invoice " + i, axis(DIM, i % DIM), attrs)));
    }
    List<Map<String, String>> filters =
        List.of(
            Map.of("team", "support"),
            Map.of("team", "Support"),
            Map.of("lang", "de"),
            Map.of("team", "support", "lang", "en"),
            Map.of("team", "sales", "lang", "de"),
            Map.of("team", "nobody"),
            Map.of("region", "eu"));
    for (Map<String, String> filter : filters) {
      Set<String> expected = new HashSet<>();
      attributes.forEach(
          (id, attrs) -> {
            if (attrs.entrySet().containsAll(filter.entrySet())) {
              expected.add(id);
            }
          });

      List<ScoredChunk> hits = index.searchText("invoice", 100, IndexFilter.of(filter));

      assertThat(ids(hits))
          .as("text hits for filter %s (%s)", filter, random)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(index.searchText("invoice", 100, IndexFilter.none())).hasSize(60);
  }

  // ---- HNSW ----

  @Test
  void nearestNeighbourComesFirstAndScoresAreDotProducts(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    int dim = 8;
    try (ChunkIndex vectors =
        ChunkIndex.open(
            dir.resolve("vectors"), IndexSettings.of(dim, VectorSimilarity.DOT_PRODUCT, "test"))) {
      List<float[]> stored = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        float[] v = Vectors.randomUnit(random, dim);
        stored.add(v);
        vectors.replaceDocument("d" + i, List.of(chunk("c" + i, "d" + i, "text", v)));
        if (i == 150 || i == 320) {
          vectors.chunkCount(); // a search between writes: the index then has several segments
        }
      }
      for (int q = 0; q < 10; q++) {
        float[] query = Vectors.randomUnit(random, dim);
        int nearest = bruteForceNearest(stored, query, i -> true);

        // k = 20: Lucene's HNSW beam is k wide; a beam of 1 often stops at a local optimum.
        List<ScoredChunk> hits = vectors.searchVector(query, 20, IndexFilter.none());

        assertThat(hits).as("hits of query %d (%s)", q, random).hasSize(20);
        assertThat(hits.get(0).chunkId())
            .as(
                "nearest of query %d by dot product is c%d with %s (%s); hits %s",
                q, nearest, Vectors.dot(stored.get(nearest), query), random, hits)
            .isEqualTo("c" + nearest);
        for (ScoredChunk hit : hits) {
          float[] v = stored.get(Integer.parseInt(hit.chunkId().substring(1)));
          assertThat(hit.score())
              .as("score of %s (%s)", hit, random)
              .isCloseTo(Vectors.dot(query, v), within(1e-4));
          assertThat(hit.documentId()).isEqualTo("d" + hit.chunkId().substring(1));
        }
        assertThat(hits)
            .as("best first (%s)", random)
            .isSortedAccordingTo(Comparator.comparingDouble(ScoredChunk::score).reversed());
      }
    }
  }

  @Test
  void cosineScoresAreCosinesOfVectorsOfAnyLength(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    int dim = 6;
    try (ChunkIndex vectors =
        ChunkIndex.open(
            dir.resolve("cosine"), IndexSettings.of(dim, VectorSimilarity.COSINE, "test"))) {
      List<float[]> stored = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        float[] v =
            Vectors.scaled(Vectors.randomUnit(random, dim), 0.01f + 50 * random.nextFloat());
        stored.add(v);
        vectors.replaceDocument("d" + i, List.of(chunk("c" + i, "d" + i, "text", v)));
      }
      float[] query = Vectors.scaled(Vectors.randomUnit(random, dim), 7.5f);
      int nearest = -1;
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < stored.size(); i++) {
        if (Vectors.cosine(stored.get(i), query) > best) {
          best = Vectors.cosine(stored.get(i), query);
          nearest = i;
        }
      }

      List<ScoredChunk> hits = vectors.searchVector(query, 40, IndexFilter.none());

      assertThat(hits).hasSize(40);
      assertThat(hits.get(0).chunkId()).as("%s", random).isEqualTo("c" + nearest);
      for (ScoredChunk hit : hits) {
        float[] v = stored.get(Integer.parseInt(hit.chunkId().substring(1)));
        assertThat(hit.score())
            .as("score of %s (%s)", hit, random)
            .isCloseTo(Vectors.cosine(query, v), within(1e-4));
      }
    }
  }

  @Test
  void filteredVectorSearchFindsKHitsAmongAFewPercentOfChunks(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    int dim = 16;
    int n = 2000;
    int k = 10;
    try (ChunkIndex vectors =
        ChunkIndex.open(
            dir.resolve("filtered"), IndexSettings.of(dim, VectorSimilarity.DOT_PRODUCT, "test"))) {
      List<float[]> stored = new ArrayList<>();
      Set<Integer> red = pick(random, n, n / 20); // 5%, spread over every segment
      for (int i = 0; i < n; i++) {
        float[] v = Vectors.randomUnit(random, dim);
        stored.add(v);
        Map<String, String> attrs =
            Map.of(
                "color",
                red.contains(i) ? "red" : "blue",
                "shape",
                i % 2 == 0 ? "round" : "square");
        vectors.replaceDocument("d" + i, List.of(chunk("c" + i, "d" + i, "text", v, attrs)));
        if (i % 400 == 399) {
          vectors.chunkCount();
        }
      }
      double recall = 0;
      int queries = 20;
      for (int q = 0; q < queries; q++) {
        float[] query = Vectors.randomUnit(random, dim);

        List<ScoredChunk> hits =
            vectors.searchVector(query, k, IndexFilter.of(Map.of("color", "red")));

        assertThat(hits).as("red hits of query %d (%s)", q, random).hasSize(k);
        Set<String> got = new HashSet<>(ids(hits));
        assertThat(got)
            .as("hits must all be red (%s)", random)
            .allMatch(id -> red.contains(Integer.parseInt(id.substring(1))));
        List<Integer> exact = bruteForceTop(stored, query, k, red::contains);
        recall += exact.stream().filter(i -> got.contains("c" + i)).count() / (double) k;
      }
      assertThat(recall / queries)
          .as("mean recall@%d of the filtered search (%s)", k, random)
          .isGreaterThanOrEqualTo(0.9);

      // Two terms: red and round, about 2.5%.
      List<ScoredChunk> both =
          vectors.searchVector(
              Vectors.randomUnit(random, dim),
              k,
              IndexFilter.of(Map.of("color", "red", "shape", "round")));
      assertThat(both)
          .as("%s", random)
          .hasSize(k)
          .allSatisfy(
              hit -> {
                int i = Integer.parseInt(hit.chunkId().substring(1));
                assertThat(red.contains(i) && i % 2 == 0).as("%s is red and round", hit).isTrue();
              });
    }
  }

  @Test
  void filteredVectorSearchReturnsAllMatchesWhenFewerThanK(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    int dim = 16;
    int n = 2000;
    try (ChunkIndex vectors =
        ChunkIndex.open(
            dir.resolve("few"), IndexSettings.of(dim, VectorSimilarity.DOT_PRODUCT, "test"))) {
      Set<Integer> rare = pick(random, n, 4);
      for (int i = 0; i < n; i++) {
        Map<String, String> attrs =
            rare.contains(i) ? Map.of("tag", "rare") : Map.of("tag", "common");
        vectors.replaceDocument(
            "d" + i,
            List.of(chunk("c" + i, "d" + i, "text", Vectors.randomUnit(random, dim), attrs)));
        if (i % 500 == 499) {
          vectors.chunkCount();
        }
      }

      List<ScoredChunk> hits =
          vectors.searchVector(
              Vectors.randomUnit(random, dim), 10, IndexFilter.of(Map.of("tag", "rare")));

      assertThat(ids(hits))
          .as("%s", random)
          .containsExactlyInAnyOrderElementsOf(rare.stream().map(i -> "c" + i).toList());
      assertThat(
              vectors.searchVector(
                  Vectors.randomUnit(random, dim), 10, IndexFilter.of(Map.of("tag", "absent"))))
          .isEmpty();
    }
  }

  // ---- typed filter clauses: terms, term sets, numeric ranges, AND ----

  /** A chunk's filterable attributes in the random corpus of the clause tests. */
  private record Attrs(String team, Double year, Double score) {
    boolean matches(IndexFilter filter) {
      for (IndexFilter.Clause c : filter.clauses()) {
        boolean ok =
            switch (c) {
              case IndexFilter.Terms t ->
                  team != null && t.field().equals("team") && t.values().contains(team);
              case IndexFilter.NumericRange r -> {
                Double v = r.field().equals("year") ? year : score;
                yield v != null && v >= r.min() && v <= r.max();
              }
              case IndexFilter.Labels l -> false; // this corpus has no labels
            };
        if (!ok) {
          return false;
        }
      }
      return true;
    }
  }

  @Test
  void everyClauseTypeAndTheirConjunctionMatchExactlyTheRightChunksInBothRetrievers(
      TestInfo info) {
    TestSeed random = TestSeed.random(info);
    int dim = 8;
    int n = 300;
    String[] teams = {"support", "sales", "Support", "hr"};
    try (ChunkIndex index =
        ChunkIndex.open(
            dir.resolve("clauses"), IndexSettings.of(dim, VectorSimilarity.DOT_PRODUCT, "test"))) {
      Map<String, Attrs> corpus = new HashMap<>();
      for (int i = 0; i < n; i++) {
        String team = random.nextInt(6) > 0 ? teams[random.nextInt(teams.length)] : null;
        Double year = random.nextInt(6) > 0 ? (double) (2015 + random.nextInt(11)) : null;
        Double score =
            random.nextInt(6) > 0 ? (random.nextInt(10) == 0 ? -0.0 : random.nextGaussian()) : null;
        Map<String, String> terms = new HashMap<>();
        Map<String, Double> numbers = new HashMap<>();
        if (team != null) {
          terms.put("team", team);
        }
        if (year != null) {
          numbers.put("year", year);
          terms.put("year", Long.toString(year.longValue()));
        }
        if (score != null) {
          numbers.put("score", score);
        }
        corpus.put("c" + i, new Attrs(team, year, score == null ? null : score + 0.0));
        index.replaceDocument(
            "d" + i,
            List.of(
                new IndexedChunk(
                    "c" + i, "d" + i, "invoice " + i, Vectors.randomUnit(random, dim), terms,
                    numbers)));
        if (i % 100 == 99) {
          index.chunkCount(); // several segments
        }
      }
      for (int round = 0; round < 60; round++) {
        List<IndexFilter.Clause> clauses = new ArrayList<>();
        int kinds = 1 + random.nextInt(3);
        for (int c = 0; c < kinds; c++) {
          switch (random.nextInt(3)) {
            case 0 -> {
              Set<String> values = new HashSet<>();
              for (int v = 1 + random.nextInt(3); v > 0; v--) {
                values.add(random.nextInt(8) == 0 ? "nobody" : teams[random.nextInt(teams.length)]);
              }
              clauses.add(new IndexFilter.Terms("team", values));
            }
            case 1 -> {
              double lo = random.nextBoolean() ? Double.NEGATIVE_INFINITY : 2014 + random.nextInt(13);
              double hi =
                  random.nextBoolean()
                      ? Double.POSITIVE_INFINITY
                      : Math.max(lo, 2014 + random.nextInt(13));
              clauses.add(IndexFilter.range("year", lo, hi));
            }
            default -> {
              double a = random.nextGaussian();
              double b = random.nextInt(4) == 0 ? a : random.nextGaussian();
              clauses.add(
                  random.nextInt(5) == 0
                      ? IndexFilter.range("score", 0.0, 0.0)
                      : IndexFilter.range("score", Math.min(a, b), Math.max(a, b)));
            }
          }
        }
        IndexFilter filter = IndexFilter.of(clauses);
        Set<String> expected = new HashSet<>();
        corpus.forEach(
            (id, attrs) -> {
              if (attrs.matches(filter)) {
                expected.add(id);
              }
            });

        assertThat(ids(index.searchText("invoice", n, filter)))
            .as("text hits for %s (%s)", filter, random)
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(index.searchVector(Vectors.randomUnit(random, dim), n, filter)))
            .as("vector hits for %s (%s)", filter, random)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  @Test
  void rangeBoundsAreInclusiveAndInfiniteBoundsOpen() {
    double[] years = {2019, 2020, 2021, Math.nextUp(2021.0), 2022};
    for (int i = 0; i < years.length; i++) {
      index.replaceDocument(
          "d" + i,
          List.of(
              new IndexedChunk(
                  "c" + i, "d" + i, "memo", axis(DIM, i % DIM), Map.of(),
                  Map.of("year", years[i]))));
    }
    index.replaceDocument("t", List.of(chunk("t", "t", "memo", axis(DIM, 0), Map.of("year", "2020"))));

    assertThat(ids(index.searchText("memo", 10, IndexFilter.of(IndexFilter.range("year", 2020, 2021)))))
        .containsExactlyInAnyOrder("c1", "c2");
    assertThat(
            ids(
                index.searchText(
                    "memo",
                    10,
                    IndexFilter.of(IndexFilter.range("year", Math.nextUp(2021.0), 1e300)))))
        .containsExactlyInAnyOrder("c3", "c4");
    assertThat(
            ids(
                index.searchVector(
                    axis(DIM, 1),
                    10,
                    IndexFilter.of(
                        IndexFilter.range(
                            "year", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)))))
        .as("an open range matches every chunk with the number, and only those")
        .containsExactlyInAnyOrder("c0", "c1", "c2", "c3", "c4");
    assertThat(ids(index.searchText("memo", 10, IndexFilter.of(IndexFilter.terms("year", "2020")))))
        .as("terms and numbers are separate name spaces")
        .containsExactly("t");
  }

  @Test
  void filteredVectorSearchFindsKHitsForRangesSetsAndTheirConjunction(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    int dim = 16;
    int n = 2000;
    int k = 10;
    try (ChunkIndex vectors =
        ChunkIndex.open(
            dir.resolve("typed"), IndexSettings.of(dim, VectorSimilarity.DOT_PRODUCT, "test"))) {
      List<float[]> stored = new ArrayList<>();
      int[] year = new int[n];
      int[] color = new int[n];
      for (int i = 0; i < n; i++) {
        float[] v = Vectors.randomUnit(random, dim);
        stored.add(v);
        year[i] = 1900 + random.nextInt(200); // a decade is 5%
        color[i] = random.nextInt(40); // two colors are 5%
        vectors.replaceDocument(
            "d" + i,
            List.of(
                new IndexedChunk(
                    "c" + i, "d" + i, "text", v, Map.of("color", "c" + color[i]),
                    Map.of("year", (double) year[i]))));
        if (i % 400 == 399) {
          vectors.chunkCount();
        }
      }
      record Case(IndexFilter filter, IntPredicate allowed) {}
      List<Case> cases =
          List.of(
              new Case(
                  IndexFilter.of(IndexFilter.range("year", 2000, 2009)),
                  i -> year[i] >= 2000 && year[i] <= 2009),
              new Case(
                  IndexFilter.of(IndexFilter.terms("color", "c3", "c17")),
                  i -> color[i] == 3 || color[i] == 17),
              new Case(
                  IndexFilter.of(
                      IndexFilter.terms("color", "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7",
                          "c8", "c9"),
                      IndexFilter.range("year", 1950, 1969)),
                  i -> color[i] < 10 && year[i] >= 1950 && year[i] <= 1969));
      for (Case c : cases) {
        long matching = IntStream.range(0, n).filter(c.allowed()).count();
        assertThat(matching).as("%s (%s)", c.filter(), random).isGreaterThanOrEqualTo(2L * k);
        assertThat(matching).isLessThan(n / 10);
        double recall = 0;
        int queries = 10;
        for (int q = 0; q < queries; q++) {
          float[] query = Vectors.randomUnit(random, dim);

          List<ScoredChunk> hits = vectors.searchVector(query, k, c.filter());

          assertThat(hits).as("hits of %s, query %d (%s)", c.filter(), q, random).hasSize(k);
          assertThat(hits)
              .as("every hit matches %s (%s)", c.filter(), random)
              .allMatch(h -> c.allowed().test(Integer.parseInt(h.chunkId().substring(1))));
          Set<String> got = new HashSet<>(ids(hits));
          recall +=
              bruteForceTop(stored, query, k, c.allowed()).stream()
                      .filter(i -> got.contains("c" + i))
                      .count()
                  / (double) k;
        }
        assertThat(recall / queries)
            .as("mean recall@%d of %s (%s)", k, c.filter(), random)
            .isGreaterThanOrEqualTo(0.9);
      }
    }
  }

  // ---- writes as searches see them ----

  @Test
  void aWriteIsVisibleToTheNextSearchWithoutCommit() {
    assertThat(index.chunkCount()).isZero();

    index.replaceDocument(
        "d1", List.of(chunk("c1", "d1", "quarterly revenue report", axis(DIM, 0))));

    assertThat(index.chunkCount()).isEqualTo(1);
    assertThat(ids(index.searchText("revenue", 10, IndexFilter.none()))).containsExactly("c1");
    assertThat(ids(index.searchVector(axis(DIM, 0), 10, IndexFilter.none()))).containsExactly("c1");
    assertThat(index.committedSequence()).isZero();

    index.deleteDocument("d1");

    assertThat(index.chunkCount()).isZero();
    assertThat(index.searchText("revenue", 10, IndexFilter.none())).isEmpty();
  }

  @Test
  void replaceDocumentReplacesEveryChunkOfTheDocument() {
    float[] a0 = {1, 0, 0, 0};
    float[] a1 = {0, 1, 0, 0};
    float[] a2 = {0, 0, 1, 0};
    index.replaceDocument(
        "a",
        List.of(
            chunk("a#0", "a", "apple pie", a0),
            chunk("a#1", "a", "apple tart", a1),
            chunk("a#2", "a", "apple crumble", a2)));
    index.replaceDocument("b", List.of(chunk("b#0", "b", "apple juice", axis(DIM, 3))));
    assertThat(index.chunkCount()).isEqualTo(4);

    index.replaceDocument(
        "a", List.of(chunk("a#0", "a", "banana bread", a2), chunk("a#9", "a", "banana split", a2)));

    assertThat(index.chunkCount()).isEqualTo(3);
    assertThat(ids(index.searchText("apple", 10, IndexFilter.none()))).containsExactly("b#0");
    assertThat(ids(index.searchText("banana", 10, IndexFilter.none())))
        .containsExactlyInAnyOrder("a#0", "a#9");
    for (float[] old : List.of(a0, a1)) {
      assertThat(ids(index.searchVector(old, 10, IndexFilter.none())))
          .containsExactlyInAnyOrder("a#0", "a#9", "b#0")
          .doesNotContain("a#1", "a#2");
    }
    // a#0 is scored by its new vector, not its old one.
    ScoredChunk a0Hit =
        index.searchVector(a0, 10, IndexFilter.none()).stream()
            .filter(h -> h.chunkId().equals("a#0"))
            .findFirst()
            .orElseThrow();
    assertThat(a0Hit.score()).isCloseTo(0.0, within(1e-4));
  }

  @Test
  void replacingWithNoChunksRemovesTheDocument() {
    index.replaceDocument("a", List.of(chunk("a#0", "a", "apple pie", axis(DIM, 0))));
    index.replaceDocument("b", List.of(chunk("b#0", "b", "apple juice", axis(DIM, 1))));

    index.replaceDocument("a", List.of());

    assertThat(index.chunkCount()).isEqualTo(1);
    assertThat(ids(index.searchText("apple", 10, IndexFilter.none()))).containsExactly("b#0");
    assertThat(ids(index.searchVector(axis(DIM, 0), 10, IndexFilter.none())))
        .containsExactly("b#0");
  }

  @Test
  void deleteDocumentRemovesItsChunksOnly() {
    index.replaceDocument(
        "a",
        List.of(
            chunk("a#0", "a", "apple pie", axis(DIM, 0)),
            chunk("a#1", "a", "apple tart", axis(DIM, 1))));
    index.replaceDocument("b", List.of(chunk("b#0", "b", "apple juice", axis(DIM, 2))));

    index.deleteDocument("a");
    index.deleteDocument("no-such-document");

    assertThat(index.chunkCount()).isEqualTo(1);
    assertThat(ids(index.searchText("apple", 10, IndexFilter.none()))).containsExactly("b#0");
    assertThat(ids(index.searchVector(axis(DIM, 0), 10, IndexFilter.none())))
        .containsExactly("b#0");
  }

  @Test
  void deleteAllEmptiesTheIndex() {
    for (int i = 0; i < 20; i++) {
      index.replaceDocument(
          "d" + i, List.of(chunk("c" + i, "d" + i, "apple " + i, axis(DIM, i % DIM))));
    }
    index.commit(3);

    index.deleteAll();

    assertThat(index.chunkCount()).isZero();
    assertThat(index.searchText("apple", 10, IndexFilter.none())).isEmpty();
    assertThat(index.searchVector(axis(DIM, 0), 10, IndexFilter.none())).isEmpty();
    assertThat(index.committedSequence()).as("unchanged until the next commit").isEqualTo(3);

    index.replaceDocument("d1", List.of(chunk("new", "d1", "apple", axis(DIM, 0))));
    assertThat(ids(index.searchText("apple", 10, IndexFilter.none()))).containsExactly("new");
  }

  @Test
  void aSearchSeesAllOfADocumentsNewChunksOrNone(TestInfo info) throws Exception {
    TestSeed random = TestSeed.random(info);
    index.replaceDocument("other", List.of(chunk("o#0", "other", "ledger entry", axis(DIM, 3))));
    int versions = 200;
    Thread writer =
        new Thread(
            () -> {
              for (int v = 1; v <= versions; v++) {
                int size = 1 + (v % 4);
                List<IndexedChunk> chunks = new ArrayList<>();
                for (int c = 0; c < size; c++) {
                  chunks.add(
                      chunk(
                          "d#" + v + "." + c + "of" + size,
                          "d",
                          "ledger entry " + c,
                          axis(DIM, c % DIM)));
                }
                index.replaceDocument("d", chunks);
              }
            },
            "test-writer");
    List<String> problems = new ArrayList<>();
    writer.start();
    while (writer.isAlive()) {
      List<ScoredChunk> hits =
          random.nextBoolean()
              ? index.searchText("ledger", 100, IndexFilter.none())
              : index.searchVector(axis(DIM, random.nextInt(DIM)), 100, IndexFilter.none());
      Set<String> versionsSeen = new HashSet<>();
      int dChunks = 0;
      String size = null;
      for (ScoredChunk hit : hits) {
        if (hit.documentId().equals("d")) {
          dChunks++;
          versionsSeen.add(hit.chunkId().substring(2, hit.chunkId().indexOf('.')));
          size = hit.chunkId().substring(hit.chunkId().indexOf("of") + 2);
        }
      }
      if (versionsSeen.size() > 1 || (size != null && dChunks != Integer.parseInt(size))) {
        problems.add(ids(hits).toString());
      }
    }
    writer.join();
    assertThat(problems).as("searches that saw a mix of versions of document d").isEmpty();
    assertThat(index.chunkCount()).isEqualTo(1 + 1 + (versions % 4));
  }

  // ---- helpers ----

  static List<String> ids(List<ScoredChunk> hits) {
    return hits.stream().map(ScoredChunk::chunkId).toList();
  }

  static int bruteForceNearest(List<float[]> stored, float[] query, IntPredicate allowed) {
    return bruteForceTop(stored, query, 1, allowed).get(0);
  }

  static List<Integer> bruteForceTop(
      List<float[]> stored, float[] query, int k, IntPredicate allowed) {
    return IntStream.range(0, stored.size())
        .filter(allowed)
        .boxed()
        .sorted(
            Comparator.comparingDouble((Integer i) -> Vectors.dot(stored.get(i), query)).reversed())
        .limit(k)
        .toList();
  }

  static Set<Integer> pick(Random random, int n, int count) {
    List<Integer> all = new ArrayList<>(IntStream.range(0, n).boxed().toList());
    Collections.shuffle(all, random);
    return new HashSet<>(all.subList(0, count));
  }
}
