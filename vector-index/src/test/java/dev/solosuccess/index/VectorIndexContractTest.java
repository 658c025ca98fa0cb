package dev.solosuccess.index;

import static dev.solosuccess.index.Vectors.axis;
import static dev.solosuccess.index.Vectors.randomUnit;
import static dev.solosuccess.index.Vectors.scaled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link VectorIndex} backend must do, checked with the same assertions for each: a
 * subclass names its backend and encoding. Random data comes from a printed, replayable seed
 * ({@link TestSeed}); expectations are computed by brute force in the test.
 */
abstract class VectorIndexContractTest {

  static final int DIM = 16;
  static final int MAX_K = 500;

  @TempDir Path dir;
  TestSeed random;
  VectorIndex index;

  /** The backend under test. */
  abstract VectorBackend backend();

  VectorEncoding encoding() {
    return VectorEncoding.FLOAT32;
  }

  VectorIndexConfig.Builder config(VectorSimilarity similarity) {
    return VectorIndexConfig.builder(DIM, similarity)
        .backend(backend())
        .encoding(encoding())
        .vectorSpace("test")
        .maxK(MAX_K);
  }

  VectorIndex open(VectorIndexConfig config) {
    return VectorIndex.open(dir.resolve("index"), config);
  }

  /** Replaces the test's index by a new cosine one in another folder. */
  void reopenForCosine() {
    index.close();
    index = VectorIndex.open(dir.resolve("cosine"), config(VectorSimilarity.COSINE).build());
  }

  @BeforeEach
  void openIndex(TestInfo test) {
    random = TestSeed.random(test);
    index = open(config(VectorSimilarity.DOT_PRODUCT).build());
  }

  @AfterEach
  void closeIndex() {
    index.close();
  }

  // ---- the brute-force model ----

  /** The exact top k of {@code live} by dot product among those {@code accept}s, best first. */
  static List<VectorHit> exactTop(
      Map<String, VectorEntry> live, float[] q, int k, Predicate<VectorEntry> accept) {
    List<VectorHit> all = new ArrayList<>();
    for (VectorEntry e : live.values()) {
      if (accept.test(e)) {
        all.add(new VectorHit(e.id(), Vectors.dot(q, e.vector())));
      }
    }
    all.sort(Comparator.comparingDouble(VectorHit::score).reversed().thenComparing(VectorHit::id));
    return all.subList(0, Math.min(k, all.size()));
  }

  static List<String> ids(List<VectorHit> hits) {
    return hits.stream().map(VectorHit::id).toList();
  }

  Map<String, VectorEntry> addRandom(int n, long sequence) {
    Map<String, VectorEntry> live = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      VectorEntry e =
          new VectorEntry(
              "v" + i,
              randomUnit(random, DIM),
              Map.of("bucket", Integer.toString(i % 10)),
              Map.of("i", (double) i));
      index.upsert(e, sequence);
      live.put(e.id(), e);
    }
    return live;
  }

  /** Each hit is live, its score the similarity of its current vector, and the order is by score. */
  static void assertHitsAreCurrent(List<VectorHit> hits, Map<String, VectorEntry> live, float[] q) {
    double previous = Double.POSITIVE_INFINITY;
    for (VectorHit h : hits) {
      assertThat(live).as("hit %s must be a live entry", h.id()).containsKey(h.id());
      assertThat(h.score())
          .as("score of %s", h.id())
          .isCloseTo(Vectors.dot(q, live.get(h.id()).vector()), within(1e-4));
      assertThat(h.score()).isLessThanOrEqualTo(previous + 1e-6);
      previous = h.score();
    }
  }

  // ---- search ----

  @Test
  void findsTheExactNeighboursOfSmallData() {
    Map<String, VectorEntry> live = addRandom(300, 1);

    for (int query = 0; query < 20; query++) {
      float[] q = randomUnit(random, DIM);
      List<VectorHit> hits = index.search(q, 10, IndexFilter.none());
      List<VectorHit> expected = exactTop(live, q, 10, e -> true);

      assertThat(ids(hits)).as("query %d, %s", query, random).isEqualTo(ids(expected));
      assertHitsAreCurrent(hits, live, q);
    }
  }

  @Test
  void scoresAreTheSimilarity() {
    for (int i = 0; i < 4; i++) {
      index.upsert(VectorEntry.of("axis" + i, axis(DIM, i)), 1);
    }
    List<VectorHit> hits = index.search(axis(DIM, 2), 4, IndexFilter.none());

    assertThat(hits.get(0).id()).isEqualTo("axis2");
    assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-5));
    assertThat(hits.subList(1, 4)).allSatisfy(h -> assertThat(h.score()).isCloseTo(0, within(1e-5)));
  }

  @Test
  void kAboveTheSizeReturnsEveryEntry() {
    addRandom(7, 1);
    assertThat(index.search(randomUnit(random, DIM), 50, IndexFilter.none())).hasSize(7);
  }

  @Test
  void cosineIgnoresLength() {
    reopenForCosine();
    float[] a = randomUnit(random, DIM);
    float[] b = randomUnit(random, DIM);
    index.upsert(VectorEntry.of("a", scaled(a, 7f)), 1);
    index.upsert(VectorEntry.of("b", scaled(b, 0.01f)), 1);

    List<VectorHit> hits = index.search(scaled(a, 3f), 2, IndexFilter.none());

    assertThat(ids(hits)).containsExactly("a", "b");
    assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-4));
    assertThat(hits.get(1).score()).isCloseTo(Vectors.cosine(a, b), within(1e-4));
  }

  // ---- writes ----

  @Test
  void upsertReplacesTheVectorAndAttributes() {
    float[] old = axis(DIM, 0);
    float[] now = axis(DIM, 1);
    index.upsert(VectorEntry.of("x", old, Map.of("team", "a")), 1);
    index.upsert(VectorEntry.of("y", axis(DIM, 2)), 2);
    index.upsert(VectorEntry.of("x", now, Map.of("team", "b")), 3);

    assertThat(index.size()).isEqualTo(2);
    List<VectorHit> nearOld = index.search(old, 2, IndexFilter.none());
    assertThat(nearOld).allSatisfy(h -> assertThat(h.score()).isCloseTo(0, within(1e-5)));
    assertThat(ids(index.search(now, 1, IndexFilter.none()))).containsExactly("x");
    assertThat(index.search(now, 5, IndexFilter.of(Map.of("team", "a")))).isEmpty();
    assertThat(ids(index.search(now, 5, IndexFilter.of(Map.of("team", "b"))))).containsExactly("x");
  }

  @Test
  void deletesAndUpdatesLeaveNoStaleHit() {
    Map<String, VectorEntry> live = addRandom(400, 1);
    long sequence = 1;
    List<String> ids = new ArrayList<>(live.keySet());
    for (int op = 0; op < 600; op++) {
      String id = ids.get(random.nextInt(ids.size()));
      sequence++;
      if (random.nextBoolean()) {
        index.delete(id, sequence);
        live.remove(id);
      } else {
        VectorEntry e =
            new VectorEntry(
                id, randomUnit(random, DIM), Map.of("bucket", Integer.toString(op % 10)), Map.of());
        index.upsert(e, sequence);
        live.put(id, e);
      }
    }
    assertThat(index.size()).isEqualTo(live.size());
    assertThat(index.appliedSequence()).isEqualTo(sequence);

    for (int query = 0; query < 10; query++) {
      float[] q = randomUnit(random, DIM);
      List<VectorHit> all = index.search(q, MAX_K, IndexFilter.none());
      assertThat(all).as("every live entry, %s", random).hasSize(live.size());
      assertHitsAreCurrent(all, live, q);
      List<VectorHit> top = index.search(q, 10, IndexFilter.of(Map.of("bucket", "3")));
      assertHitsAreCurrent(top, live, q);
      assertThat(ids(top))
          .as("%s", random)
          .isEqualTo(ids(exactTop(live, q, 10, e -> "3".equals(e.attributes().get("bucket")))));
    }
  }

  @Test
  void deletingAnUnknownIdIsANoOpThatAdvancesTheSequence() {
    addRandom(3, 1);
    index.delete("nope", 5);
    assertThat(index.size()).isEqualTo(3);
    assertThat(index.appliedSequence()).isEqualTo(5);
  }

  // ---- filters ----

  @Test
  void filteredSearchReturnsKHitsWhenKMatchAndKeepsRecall() {
    Map<String, VectorEntry> live = addRandom(2000, 1);
    IndexFilter tenPercent = IndexFilter.of(Map.of("bucket", "7"));
    int found = 0;
    int queries = 30;
    for (int query = 0; query < queries; query++) {
      float[] q = randomUnit(random, DIM);
      List<VectorHit> hits = index.search(q, 10, tenPercent);
      List<VectorHit> expected =
          exactTop(live, q, 10, e -> "7".equals(e.attributes().get("bucket")));

      assertThat(hits).as("%s", random).hasSize(10);
      assertThat(hits).allSatisfy(h -> assertThat(h.id()).endsWith("7"));
      assertHitsAreCurrent(hits, live, q);
      Set<String> truth = new HashSet<>(ids(expected));
      found += (int) hits.stream().filter(h -> truth.contains(h.id())).count();
    }
    assertThat(found / (10.0 * queries)).as("filtered recall@10, %s", random).isGreaterThan(0.95);
  }

  @Test
  void verySelectiveFilterReturnsWhatMatches() {
    Map<String, VectorEntry> live = addRandom(2000, 1);
    IndexFilter three = IndexFilter.of(IndexFilter.range("i", 100, 102));
    float[] q = randomUnit(random, DIM);

    List<VectorHit> hits = index.search(q, 10, three);

    assertThat(ids(hits)).containsExactlyElementsOf(ids(exactTop(live, q, 10, e -> {
      double i = e.numbers().get("i");
      return i >= 100 && i <= 102;
    })));
    assertThat(index.search(q, 10, IndexFilter.of(Map.of("bucket", "none")))).isEmpty();
  }

  @Test
  void filterClausesAreAnded() {
    Map<String, VectorEntry> live = addRandom(500, 1);
    IndexFilter both =
        IndexFilter.of(IndexFilter.terms("bucket", "1", "2"), IndexFilter.range("i", 0, 99));
    float[] q = randomUnit(random, DIM);

    List<VectorHit> hits = index.search(q, 50, both);

    assertThat(ids(hits))
        .containsExactlyElementsOf(
            ids(
                exactTop(
                    live,
                    q,
                    50,
                    e ->
                        Set.of("1", "2").contains(e.attributes().get("bucket"))
                            && e.numbers().get("i") <= 99)));
    assertThat(hits).hasSize(20);
  }

  // ---- validation ----

  @Test
  void rejectsAVectorOfTheWrongDimension() {
    assertThatThrownBy(() -> index.upsert(VectorEntry.of("x", new float[DIM - 1]), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension must be " + DIM + ", got " + (DIM - 1));
    index.upsert(VectorEntry.of("x", axis(DIM, 0)), 1);
    assertThatThrownBy(() -> index.search(new float[DIM + 1], 1, IndexFilter.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension must be " + DIM + ", got " + (DIM + 1));
  }

  @Test
  void rejectsNonFiniteComponents() {
    for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      float[] v = axis(DIM, 0);
      v[3] = bad;
      assertThatThrownBy(() -> index.upsert(VectorEntry.of("x", v), 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("component 3 must be finite, got " + bad);
      assertThatThrownBy(() -> index.search(v, 1, IndexFilter.none()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("component 3 must be finite");
    }
    assertThat(index.size()).isZero();
  }

  @Test
  void rejectsZeroVectorsUnderCosineAndNonUnitOnesUnderDotProduct() {
    assertThatThrownBy(() -> index.upsert(VectorEntry.of("x", scaled(axis(DIM, 0), 2f)), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unit length for DOT_PRODUCT, got length 2.0");
    reopenForCosine();
    assertThatThrownBy(() -> index.upsert(VectorEntry.of("x", new float[DIM]), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be all zeros");
    assertThatThrownBy(() -> index.search(new float[DIM], 1, IndexFilter.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be all zeros");
  }

  /**
   * Found by the fuzzer (seed 20261126, case 7730): a vector of tiny components has a non-zero
   * length in double but zero in float; the int8 Lucene index accepted it, failed the next flush
   * ("Cannot normalize a zero-length vector") and its writer stayed closed for every later call.
   */
  @Test
  void rejectsVectorsWhoseLengthIsZeroOrInfiniteInFloatAndStaysUsable() {
    reopenForCosine();
    float[] tiny = new float[DIM];
    java.util.Arrays.fill(tiny, Float.MIN_VALUE);
    float[] huge = axis(DIM, 1);
    huge[2] = 1e30f;
    for (float[] v : List.of(tiny, huge)) {
      assertThatThrownBy(() -> index.upsert(VectorEntry.of("x", v), 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be representable in float");
      assertThatThrownBy(() -> index.search(v, 1, IndexFilter.none()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be representable in float");
    }
    index.upsert(VectorEntry.of("y", axis(DIM, 0)), 2);
    index.commit();
    assertThat(ids(index.search(axis(DIM, 0), 1, IndexFilter.none()))).containsExactly("y");
  }

  @Test
  void rejectsKOutsideOneToTheConfiguredMaximum() {
    index.upsert(VectorEntry.of("x", axis(DIM, 0)), 1);
    for (int k : new int[] {0, -1, MAX_K + 1}) {
      assertThatThrownBy(() -> index.search(axis(DIM, 0), k, IndexFilter.none()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("k must be in 1.." + MAX_K + ", got " + k);
    }
    assertThat(index.search(axis(DIM, 0), MAX_K, IndexFilter.none())).hasSize(1);
  }

  @Test
  void rejectsBlankIds() {
    assertThatThrownBy(() -> VectorEntry.of(" ", axis(DIM, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id must not be blank");
  }

  @Test
  void emptyIndexFindsNothing() {
    assertThat(index.size()).isZero();
    assertThat(index.search(axis(DIM, 0), 10, IndexFilter.none())).isEmpty();
    assertThat(index.search(axis(DIM, 0), 10, IndexFilter.of(Map.of("a", "b")))).isEmpty();
    index.upsert(VectorEntry.of("x", axis(DIM, 0)), 1);
    index.delete("x", 2);
    assertThat(index.search(axis(DIM, 0), 10, IndexFilter.none())).isEmpty();
  }

  // ---- sequence and persistence ----

  @Test
  void sequenceNumbersNeverGoBack() {
    assertThat(index.appliedSequence()).isZero();
    assertThat(index.committedSequence()).isZero();
    index.upsert(VectorEntry.of("x", axis(DIM, 0)), 5);
    index.upsert(VectorEntry.of("y", axis(DIM, 1)), 5); // one change may write several entries
    assertThatThrownBy(() -> index.upsert(VectorEntry.of("z", axis(DIM, 2)), 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sequence must be >= 5 (the last applied), got 4");
    assertThatThrownBy(() -> index.delete("x", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 3");
    assertThat(index.appliedSequence()).isEqualTo(5);
    assertThat(index.committedSequence()).isZero();
    index.commit();
    assertThat(index.committedSequence()).isEqualTo(5);
    assertThat(index.size()).isEqualTo(2);
  }

  @Test
  void committedEntriesAndSequenceSurviveAReopen() {
    Map<String, VectorEntry> live = addRandom(300, 3);
    index.delete("v0", 4);
    live.remove("v0");
    index.upsert(new VectorEntry("v1", axis(DIM, 0), Map.of("bucket", "x"), Map.of()), 6);
    live.put("v1", new VectorEntry("v1", axis(DIM, 0), Map.of("bucket", "x"), Map.of()));
    index.commit();
    float[] q = randomUnit(random, DIM);
    List<VectorHit> before = index.search(q, 10, IndexFilter.none());
    index.upsert(VectorEntry.of("uncommitted", q), 7);
    index.close();

    index = open(config(VectorSimilarity.DOT_PRODUCT).build());

    assertThat(index.committedSequence()).isEqualTo(6);
    assertThat(index.appliedSequence()).isEqualTo(6);
    assertThat(index.size()).isEqualTo(live.size());
    assertThat(ids(index.search(q, 10, IndexFilter.none()))).isEqualTo(ids(before));
    assertThat(ids(index.search(axis(DIM, 0), 1, IndexFilter.of(Map.of("bucket", "x")))))
        .containsExactly("v1");
    assertHitsAreCurrent(index.search(q, MAX_K, IndexFilter.none()), live, q);
    // Writes go on after a reopen.
    index.upsert(VectorEntry.of("later", q), 8);
    index.commit();
    assertThat(ids(index.search(q, 1, IndexFilter.none()))).containsExactly("later");
  }

  @Test
  void reopeningWithAnotherDimensionOrSpaceIsRefused() {
    index.upsert(VectorEntry.of("x", axis(DIM, 0)), 1);
    index.commit();
    index.close();
    VectorIndexConfig other =
        VectorIndexConfig.builder(DIM * 2, VectorSimilarity.DOT_PRODUCT)
            .backend(backend())
            .encoding(encoding())
            .vectorSpace("test")
            .build();
    assertThatThrownBy(() -> open(other))
        .isInstanceOf(IncompatibleIndexException.class)
        .hasMessageContaining("dimension must be " + DIM * 2 + ", got " + DIM);
    assertThatThrownBy(() -> open(config(VectorSimilarity.DOT_PRODUCT).vectorSpace("m2").build()))
        .isInstanceOf(IncompatibleIndexException.class)
        .hasMessageContaining("vector space must be m2, got test");
    index = open(config(VectorSimilarity.DOT_PRODUCT).build());
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void callsAfterCloseFailAndCloseIsIdempotent() {
    index.close();
    index.close();
    assertThatThrownBy(() -> index.search(axis(DIM, 0), 1, IndexFilter.none()))
        .isInstanceOf(IndexClosedException.class);
    assertThatThrownBy(() -> index.upsert(VectorEntry.of("x", axis(DIM, 0)), 1))
        .isInstanceOf(IndexClosedException.class);
    assertThatThrownBy(() -> index.commit()).isInstanceOf(IndexClosedException.class);
    assertThatThrownBy(() -> index.size()).isInstanceOf(IndexClosedException.class);
  }

  @Test
  void concurrentSearchesSeeConsistentResultsWhileWritesGoOn() throws Exception {
    Map<String, VectorEntry> live = addRandom(500, 1);
    float[] q = randomUnit(random, DIM);
    List<String> expected = ids(exactTop(live, q, 5, e -> true));
    Map<String, Throwable> failures = new HashMap<>();
    Thread searcher =
        Thread.ofPlatform()
            .name("contract-searcher")
            .start(
                () -> {
                  try {
                    for (int i = 0; i < 200; i++) {
                      assertThat(ids(index.search(q, 5, IndexFilter.none()))).isEqualTo(expected);
                    }
                  } catch (Throwable t) {
                    synchronized (failures) {
                      failures.put("search", t);
                    }
                  }
                });
    // Writes of far-away vectors (opposite to the query) never enter its top 5.
    float[] far = scaled(q, -1f);
    for (int i = 0; i < 200; i++) {
      index.upsert(VectorEntry.of("far" + i, far), 2 + i);
    }
    searcher.join();
    assertThat(failures).isEmpty();
  }
}
