/**
 * Search structures, independent of the engine: one Lucene index holding each chunk's BM25 text and
 * HNSW vector, the {@link dev.solosuccess.index.VectorIndex} backends (Lucene HNSW in float32 or
 * int8, hnswlib, exact), metadata filters applied inside the retrievers, and rank fusion.
 */
module dev.solosuccess.index {
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  // An automatic module named after its jar file (hnswlib-core-<version>.jar).
  requires hnswlib.core;

  exports dev.solosuccess.index;
  // Crash points for the kill harness: the engine arms its own store points through the same switch.
  exports dev.solosuccess.index.internal.faults to
      dev.solosuccess.engine;
}
