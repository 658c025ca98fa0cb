package dev.solosuccess.index;

import java.util.Objects;

/**
 * What an index is built for. Recorded in the index on creation and checked on every open: vectors
 * of another dimension or from another embedding model must not be mixed into it.
 *
 * @param dimension the vector length, 1 to 4096
 * @param similarity how vectors are compared
 * @param vectorSpace names the producer of the vectors, such as an embedding model id
 * @param bm25K1 BM25 term-frequency saturation; read at search time, so it may change between opens
 * @param bm25B BM25 length normalization, 0 to 1; read at search time
 * @param vectorEncoding how the HNSW graph stores vectors; recorded and checked on open (an index
 *     of another encoding is rebuilt by its owner)
 * @param hnsw the graph's parameters: the build-time ones apply to segments written afterwards, the
 *     search candidates to every search
 * @param textAnalysis how BM25 text is cut into terms; recorded and checked on open (an index of
 *     another analysis is rebuilt by its owner)
 */
public record IndexSettings(
    int dimension,
    VectorSimilarity similarity,
    String vectorSpace,
    float bm25K1,
    float bm25B,
    VectorEncoding vectorEncoding,
    HnswParameters hnsw,
    TextAnalysis textAnalysis) {

  /** The most dimensions Lucene's HNSW vectors accept by default. */
  public static final int MAX_DIMENSION = 4096;

  /**
   * BM25 k1 of the Anserini BEIR baselines, which rank short scientific and web passages better
   * than Lucene's 1.2.
   */
  public static final float DEFAULT_BM25_K1 = 0.9f;

  /** BM25 b of the Anserini BEIR baselines (Lucene's default is 0.75). */
  public static final float DEFAULT_BM25_B = 0.4f;

  public IndexSettings {
    if (dimension < 1 || dimension > MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "dimension must be in 1.." + MAX_DIMENSION + ", got " + dimension);
    }
    Objects.requireNonNull(similarity, "similarity");
    Objects.requireNonNull(vectorEncoding, "vectorEncoding");
    Objects.requireNonNull(hnsw, "hnsw");
    Objects.requireNonNull(textAnalysis, "textAnalysis");
    if (vectorSpace == null || vectorSpace.isBlank()) {
      throw new IllegalArgumentException("vectorSpace must not be blank");
    }
    if (!(bm25K1 >= 0) || Float.isInfinite(bm25K1)) {
      throw new IllegalArgumentException("bm25K1 must be a finite number >= 0, got " + bm25K1);
    }
    if (!(bm25B >= 0 && bm25B <= 1)) {
      throw new IllegalArgumentException("bm25B must be in 0..1, got " + bm25B);
    }
  }

  /** Settings with {@link TextAnalysis#ENGLISH} text analysis. */
  public IndexSettings(
      int dimension,
      VectorSimilarity similarity,
      String vectorSpace,
      float bm25K1,
      float bm25B,
      VectorEncoding vectorEncoding,
      HnswParameters hnsw) {
    this(
        dimension, similarity, vectorSpace, bm25K1, bm25B, vectorEncoding, hnsw,
        TextAnalysis.ENGLISH);
  }

  /** Settings with float32 vectors and the default HNSW parameters. */
  public IndexSettings(
      int dimension, VectorSimilarity similarity, String vectorSpace, float bm25K1, float bm25B) {
    this(
        dimension,
        similarity,
        vectorSpace,
        bm25K1,
        bm25B,
        VectorEncoding.FLOAT32,
        HnswParameters.defaults());
  }

  /** These settings with vectors stored in {@code encoding}. */
  public IndexSettings withVectorEncoding(VectorEncoding encoding) {
    return new IndexSettings(
        dimension, similarity, vectorSpace, bm25K1, bm25B, encoding, hnsw, textAnalysis);
  }

  /** These settings with other HNSW parameters. */
  public IndexSettings withHnsw(HnswParameters parameters) {
    return new IndexSettings(
        dimension, similarity, vectorSpace, bm25K1, bm25B, vectorEncoding, parameters,
        textAnalysis);
  }

  /** These settings with another text analysis. */
  public IndexSettings withTextAnalysis(TextAnalysis analysis) {
    return new IndexSettings(
        dimension, similarity, vectorSpace, bm25K1, bm25B, vectorEncoding, hnsw, analysis);
  }

  /** Settings with the default BM25 parameters, float32 vectors and the default HNSW parameters. */
  public static IndexSettings of(int dimension, VectorSimilarity similarity, String vectorSpace) {
    return new IndexSettings(dimension, similarity, vectorSpace, DEFAULT_BM25_K1, DEFAULT_BM25_B);
  }
}
