package dev.solosuccess.index;

/** The implementations of {@link VectorIndex}. */
public enum VectorBackend {
  /**
   * Every vector compared with the query (SIMD through Lucene's vector utilities): exact, the
   * ground truth, and the fastest choice for small collections.
   */
  EXACT,
  /** Lucene's HNSW graph ({@link VectorEncoding#FLOAT32} or {@link VectorEncoding#INT8}). */
  LUCENE_HNSW,
  /** hnswlib-java's in-memory HNSW graph, saved to one file on commit. */
  HNSWLIB
}
