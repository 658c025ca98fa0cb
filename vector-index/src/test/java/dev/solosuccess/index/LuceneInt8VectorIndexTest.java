package dev.solosuccess.index;

/** The {@link VectorIndex} contract for {@link VectorBackend#LUCENE_HNSW} with INT8 vectors. */
class LuceneInt8VectorIndexTest extends VectorIndexContractTest {

  @Override
  VectorBackend backend() {
    return VectorBackend.LUCENE_HNSW;
  }

  @Override
  VectorEncoding encoding() {
    return VectorEncoding.INT8;
  }
}
