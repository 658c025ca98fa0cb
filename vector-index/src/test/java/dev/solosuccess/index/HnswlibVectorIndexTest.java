package dev.solosuccess.index;

/** The {@link VectorIndex} contract for {@link VectorBackend#HNSWLIB}. */
class HnswlibVectorIndexTest extends VectorIndexContractTest {

  @Override
  VectorBackend backend() {
    return VectorBackend.HNSWLIB;
  }
}
