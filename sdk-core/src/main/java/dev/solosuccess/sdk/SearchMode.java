package dev.solosuccess.sdk;

/** Which retrievers a search uses. */
public enum SearchMode {
  /** BM25 over the chunk text (English analysis: lower case, stop words, stemming). */
  LEXICAL,
  /** Approximate nearest neighbours of the query's embedding (HNSW). */
  SEMANTIC,
  /** Both, fused by reciprocal rank fusion: robust when either one alone misses. */
  HYBRID
}
