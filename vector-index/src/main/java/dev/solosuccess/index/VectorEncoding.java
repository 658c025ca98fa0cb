package dev.solosuccess.index;

/** How an approximate index stores the vectors its graph is searched on. */
public enum VectorEncoding {
  /** Full-precision floats: 4 bytes per dimension. */
  FLOAT32,
  /**
   * Lucene's scalar quantization to 7-bit integers (one byte per dimension, 4× smaller to scan),
   * with the float vectors kept beside them: the graph is searched on the bytes and the candidates
   * are rescored on the floats, so reported scores are exact similarities. Lucene HNSW only.
   */
  INT8
}
