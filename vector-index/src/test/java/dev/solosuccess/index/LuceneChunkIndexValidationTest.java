package dev.solosuccess.index;

import static dev.solosuccess.index.LuceneChunkIndexTest.ids;
import static dev.solosuccess.index.Vectors.axis;
import static dev.solosuccess.index.Vectors.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the Lucene {@link ChunkIndex} refuses, and that a refused write changes nothing. */
class LuceneChunkIndexValidationTest {

  private static final int DIM = 8;

  @TempDir Path dir;
  private ChunkIndex index;

  @BeforeEach
  void open() {
    index =
        ChunkIndex.open(
            dir.resolve("index"), IndexSettings.of(DIM, VectorSimilarity.DOT_PRODUCT, "test"));
    index.replaceDocument("keep", List.of(chunk("keep#0", "keep", "kept text", axis(DIM, 0))));
  }

  @AfterEach
  void close() {
    index.close();
  }

  static Stream<Arguments> badVectors() {
    float[] nan = axis(DIM, 0);
    nan[2] = Float.NaN;
    float[] inf = axis(DIM, 0);
    inf[5] = Float.POSITIVE_INFINITY;
    float[] negInf = axis(DIM, 0);
    negInf[7] = Float.NEGATIVE_INFINITY;
    return Stream.of(
        Arguments.of("3 components", new float[] {1, 0, 0}, "dimension must be 8, got 3"),
        Arguments.of("9 components", new float[9], "dimension must be 8, got 9"),
        Arguments.of("NaN", nan, "component 2 must be finite, got NaN"),
        Arguments.of("+infinity", inf, "component 5 must be finite, got Infinity"),
        Arguments.of("-infinity", negInf, "component 7 must be finite, got -Infinity"),
        Arguments.of("zeros", new float[DIM], "must not be all zeros"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badVectors")
  void writingABadVectorFailsNamingTheProblem(String what, float[] vector, String message) {
    assertThatThrownBy(() -> index.replaceDocument("d", List.of(chunk("d#0", "d", "text", vector))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
    assertThat(index.chunkCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badVectors")
  void searchingWithABadVectorFailsNamingTheProblem(String what, float[] vector, String message) {
    assertThatThrownBy(() -> index.searchVector(vector, 5, IndexFilter.none()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @ValueSource(floats = {0.5f, 0.99f, 1.01f, 2f})
  void dotProductIndexRefusesToWriteVectorsThatAreNotUnitLength(float length) {
    float[] v = Vectors.scaled(axis(DIM, 3), length);

    assertThatThrownBy(() -> index.replaceDocument("d", List.of(chunk("d#0", "d", "text", v))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unit length")
        .hasMessageContaining("got length " + (double) length);
  }

  @Test
  void dotProductIndexAcceptsUnitVectorsWithinRoundingAndQueriesOfAnyLength() {
    float[] almost = Vectors.scaled(axis(DIM, 3), 1.0005f);
    index.replaceDocument("d", List.of(chunk("d#0", "d", "text", almost)));

    List<ScoredChunk> hits =
        index.searchVector(Vectors.scaled(axis(DIM, 3), 0.25f), 1, IndexFilter.none());

    assertThat(ids(hits)).containsExactly("d#0");
  }

  @Test
  void cosineIndexAcceptsVectorsOfAnyNonZeroLengthButNotZero(@TempDir Path other) {
    try (ChunkIndex cosine =
        ChunkIndex.open(other, IndexSettings.of(DIM, VectorSimilarity.COSINE, "test"))) {
      cosine.replaceDocument(
          "d", List.of(chunk("d#0", "d", "text", Vectors.scaled(axis(DIM, 1), 40f))));
      assertThat(cosine.searchVector(axis(DIM, 1), 1, IndexFilter.none()).get(0).score())
          .isCloseTo(1.0, within(1e-4));

      assertThatThrownBy(
              () -> cosine.replaceDocument("z", List.of(chunk("z#0", "z", "text", new float[DIM]))))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("all zeros");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void kBelowOneIsRefusedByBothSearches(int k) {
    assertThatThrownBy(() -> index.searchText("kept", k, IndexFilter.none()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k must be >= 1, got " + k);
    assertThatThrownBy(() -> index.searchVector(axis(DIM, 0), k, IndexFilter.none()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k must be >= 1, got " + k);
  }

  @Test
  void aChunkOfAnotherDocumentIsRefused() {
    IndexedChunk stray = chunk("b#0", "b", "stray", axis(DIM, 1));

    assertThatThrownBy(() -> index.replaceDocument("a", List.of(stray)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b#0")
        .hasMessageContaining("document b")
        .hasMessageContaining("not a");
    assertThat(index.chunkCount()).isEqualTo(1);
  }

  @Test
  void aRefusedReplacementLeavesTheOldChunksInPlace() {
    index.replaceDocument("a", List.of(chunk("a#0", "a", "original alpha", axis(DIM, 1))));

    List<IndexedChunk> halfBad =
        List.of(
            chunk("a#1", "a", "replacement alpha", axis(DIM, 2)),
            chunk("a#2", "a", "replacement alpha", new float[] {1, 2, 3}));
    assertThatThrownBy(() -> index.replaceDocument("a", halfBad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 3");

    assertThat(ids(index.searchText("alpha", 10, IndexFilter.none()))).containsExactly("a#0");
    assertThat(index.chunkCount()).isEqualTo(2);
  }

  @Test
  void aValidCallAfterRefusedOnesStillWorks() {
    assertThatThrownBy(() -> index.searchVector(new float[3], 1, IndexFilter.none()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> index.commit(1)).doesNotThrowAnyException();
    assertThat(ids(index.searchText("kept", 1, IndexFilter.none()))).containsExactly("keep#0");
  }
}
