/**
 * Search structures, independent of the engine: one Lucene index holding each chunk's BM25 text and
 * HNSW vector, metadata filters applied inside both retrievers, and rank fusion.
 */
module dev.solosuccess.index {
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;

  exports dev.solosuccess.index;
}
