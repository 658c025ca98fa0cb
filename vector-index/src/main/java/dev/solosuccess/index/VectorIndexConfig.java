package dev.solosuccess.index;

import java.util.Objects;

/**
 * What a {@link VectorIndex} is and how it searches. Immutable; made by {@link #builder(int,
 * VectorSimilarity)}, which checks the combination. The backend, dimension, similarity, vector
 * space and encoding are recorded in the index on creation and checked on every open.
 *
 * <pre>{@code
 * VectorIndexConfig config =
 *     VectorIndexConfig.builder(384, VectorSimilarity.DOT_PRODUCT)
 *         .backend(VectorBackend.LUCENE_HNSW)
 *         .encoding(VectorEncoding.INT8)
 *         .vectorSpace("all-minilm-l6-v2")
 *         .build();
 * }</pre>
 *
 * @param backend the implementation
 * @param dimension the vector length, 1 to {@link IndexSettings#MAX_DIMENSION}
 * @param similarity how vectors are compared
 * @param vectorSpace names the producer of the vectors, such as an embedding model id
 * @param encoding how the graph stores vectors; {@link VectorEncoding#INT8} for Lucene HNSW only
 * @param hnsw the graph's parameters (ignored by {@link VectorBackend#EXACT})
 * @param maxK the largest k a search may ask for
 * @param exactBelow a filtered search of {@link VectorBackend#HNSWLIB} that matches fewer entries
 *     than this (estimated) compares them all instead of walking the graph: below this count a
 *     scan is faster than the graph and exact. Lucene makes the same choice by itself.
 */
public record VectorIndexConfig(
    VectorBackend backend,
    int dimension,
    VectorSimilarity similarity,
    String vectorSpace,
    VectorEncoding encoding,
    HnswParameters hnsw,
    int maxK,
    int exactBelow) {

  /** Deep enough for any result page and for fusion candidates (the engine asks for at most 10,000). */
  public static final int DEFAULT_MAX_K = 10_000;

  /**
   * On the vector benchmark (SciFact sentences, 2 cores) an exact scan cost as much as an HNSW
   * search at recall@10 0.95 at 1,900 to 4,900 vectors (five runs); hnswlib's filtered scan also
   * evaluates the filter on every entry, which moves its break-even to the low end. See {@code
   * benchmarks/README.md}.
   */
  public static final int DEFAULT_EXACT_BELOW = 2_000;

  public VectorIndexConfig {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(similarity, "similarity");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(hnsw, "hnsw");
    if (dimension < 1 || dimension > IndexSettings.MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "dimension must be in 1.." + IndexSettings.MAX_DIMENSION + ", got " + dimension);
    }
    if (vectorSpace == null || vectorSpace.isBlank()) {
      throw new IllegalArgumentException("vectorSpace must not be blank");
    }
    if (encoding != VectorEncoding.FLOAT32 && backend != VectorBackend.LUCENE_HNSW) {
      throw new IllegalArgumentException(
          "encoding " + encoding + " needs backend LUCENE_HNSW, got " + backend);
    }
    if (maxK < 1) {
      throw new IllegalArgumentException("maxK must be >= 1, got " + maxK);
    }
    if (exactBelow < 0) {
      throw new IllegalArgumentException("exactBelow must be >= 0, got " + exactBelow);
    }
  }

  public static Builder builder(int dimension, VectorSimilarity similarity) {
    return new Builder(dimension, similarity);
  }

  /** A builder with these settings, to change some of them. */
  public Builder toBuilder() {
    return new Builder(dimension, similarity)
        .backend(backend)
        .vectorSpace(vectorSpace)
        .encoding(encoding)
        .hnsw(hnsw)
        .maxK(maxK)
        .exactBelow(exactBelow);
  }

  /** Not thread-safe. */
  public static final class Builder {
    private final int dimension;
    private final VectorSimilarity similarity;
    private VectorBackend backend = VectorBackend.LUCENE_HNSW;
    private String vectorSpace = "unnamed";
    private VectorEncoding encoding = VectorEncoding.FLOAT32;
    private HnswParameters hnsw = HnswParameters.defaults();
    private int maxK = DEFAULT_MAX_K;
    private int exactBelow = DEFAULT_EXACT_BELOW;

    private Builder(int dimension, VectorSimilarity similarity) {
      this.dimension = dimension;
      this.similarity = similarity;
    }

    public Builder backend(VectorBackend b) {
      this.backend = b;
      return this;
    }

    public Builder vectorSpace(String space) {
      this.vectorSpace = space;
      return this;
    }

    public Builder encoding(VectorEncoding e) {
      this.encoding = e;
      return this;
    }

    public Builder hnsw(HnswParameters parameters) {
      this.hnsw = parameters;
      return this;
    }

    public Builder maxK(int k) {
      this.maxK = k;
      return this;
    }

    public Builder exactBelow(int count) {
      this.exactBelow = count;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public VectorIndexConfig build() {
      return new VectorIndexConfig(
          backend, dimension, similarity, vectorSpace, encoding, hnsw, maxK, exactBelow);
    }
  }
}
