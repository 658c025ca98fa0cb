package dev.solosuccess.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndexSettingsTest {

  @Test
  void ofUsesTheDocumentedBm25Defaults() {
    IndexSettings s = IndexSettings.of(384, VectorSimilarity.DOT_PRODUCT, "all-minilm-l6-v2");

    assertThat(s.bm25K1()).isEqualTo(IndexSettings.DEFAULT_BM25_K1).isEqualTo(0.9f);
    assertThat(s.bm25B()).isEqualTo(IndexSettings.DEFAULT_BM25_B).isEqualTo(0.4f);
    assertThat(s.dimension()).isEqualTo(384);
    assertThat(s.similarity()).isEqualTo(VectorSimilarity.DOT_PRODUCT);
    assertThat(s.vectorSpace()).isEqualTo("all-minilm-l6-v2");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 384, IndexSettings.MAX_DIMENSION})
  void dimensionsInRangeAreAccepted(int dimension) {
    assertThat(IndexSettings.of(dimension, VectorSimilarity.COSINE, "m").dimension())
        .isEqualTo(dimension);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, IndexSettings.MAX_DIMENSION + 1, Integer.MAX_VALUE})
  void dimensionsOutOfRangeAreRefusedNamingTheValue(int dimension) {
    assertThatThrownBy(() -> IndexSettings.of(dimension, VectorSimilarity.COSINE, "m"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..4096")
        .hasMessageEndingWith("got " + dimension);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void blankVectorSpaceIsRefused(String space) {
    assertThatThrownBy(() -> IndexSettings.of(8, VectorSimilarity.COSINE, space))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vectorSpace");
    assertThatThrownBy(() -> IndexSettings.of(8, VectorSimilarity.COSINE, null))
        .isExactlyInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void similarityIsRequired() {
    assertThatThrownBy(() -> IndexSettings.of(8, null, "m"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("similarity");
  }

  @ParameterizedTest
  @ValueSource(floats = {-0.1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
  void badK1IsRefusedNamingTheValue(float k1) {
    assertThatThrownBy(() -> new IndexSettings(8, VectorSimilarity.COSINE, "m", k1, 0.5f))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bm25K1")
        .hasMessageEndingWith("got " + k1);
  }

  @ParameterizedTest
  @ValueSource(floats = {-0.01f, 1.01f, Float.NaN, Float.POSITIVE_INFINITY})
  void badBIsRefusedNamingTheValue(float b) {
    assertThatThrownBy(() -> new IndexSettings(8, VectorSimilarity.COSINE, "m", 1.2f, b))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bm25B")
        .hasMessageEndingWith("got " + b);
  }

  @Test
  void boundaryBm25ValuesAreAccepted() {
    assertThat(new IndexSettings(8, VectorSimilarity.COSINE, "m", 0f, 0f).bm25K1()).isZero();
    assertThat(new IndexSettings(8, VectorSimilarity.COSINE, "m", 3f, 1f).bm25B()).isEqualTo(1f);
  }
}
