package dev.solosuccess.index;

/** The {@link VectorIndex} contract for {@link VectorBackend#EXACT}. */
class ExactVectorIndexTest extends VectorIndexContractTest {

  @Override
  VectorBackend backend() {
    return VectorBackend.EXACT;
  }
}
