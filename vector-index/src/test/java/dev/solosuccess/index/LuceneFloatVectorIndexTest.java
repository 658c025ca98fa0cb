package dev.solosuccess.index;

/** The {@link VectorIndex} contract for {@link VectorBackend#LUCENE_HNSW}. */
class LuceneFloatVectorIndexTest extends VectorIndexContractTest {

  @Override
  VectorBackend backend() {
    return VectorBackend.LUCENE_HNSW;
  }
}
