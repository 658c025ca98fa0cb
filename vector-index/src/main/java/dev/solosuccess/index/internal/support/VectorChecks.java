package dev.solosuccess.index.internal.support;

import dev.solosuccess.index.VectorSimilarity;

/** The validation every backend applies, with the same messages. Stateless. */
public final class VectorChecks {

  /** How far from 1 the length of a vector indexed for dot product may be. */
  static final double UNIT_TOLERANCE = 1e-3;

  private VectorChecks() {}

  /**
   * Checks a vector: dimension, finite components, non-zero length, and for {@code indexing} under
   * {@link VectorSimilarity#DOT_PRODUCT} unit length.
   *
   * @return the vector's L2 norm
   */
  public static double check(
      float[] vector, int dimension, VectorSimilarity similarity, boolean indexing) {
    if (vector.length != dimension) {
      throw new IllegalArgumentException(
          "dimension must be " + dimension + ", got " + vector.length);
    }
    double norm = 0;
    float squared = 0; // as Lucene computes it, in float
    for (int i = 0; i < vector.length; i++) {
      float v = vector[i];
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("vector component " + i + " must be finite, got " + v);
      }
      norm += (double) v * v;
      squared += v * v;
    }
    norm = Math.sqrt(norm);
    if (norm == 0) {
      throw new IllegalArgumentException("vector must not be all zeros");
    }
    // Lucene normalizes and compares vectors in float: a length that is zero or infinite there
    // (components all below about 4e-23, or one above about 1.8e19) failed a segment flush, and
    // the failed flush closed the index writer for good.
    if (squared == 0 || Float.isInfinite(squared)) {
      throw new IllegalArgumentException("vector length must be representable in float, got "
          + norm + " (its components are too " + (squared == 0 ? "small" : "large") + ")");
    }
    if (indexing
        && similarity == VectorSimilarity.DOT_PRODUCT
        && Math.abs(norm - 1) > UNIT_TOLERANCE) {
      throw new IllegalArgumentException(
          "vectors must have unit length for DOT_PRODUCT, got length " + norm);
    }
    return norm;
  }

  public static void checkK(int k, int maxK) {
    if (k < 1 || k > maxK) {
      throw new IllegalArgumentException("k must be in 1.." + maxK + ", got " + k);
    }
  }

  public static void checkSequence(long sequence, long applied) {
    if (sequence < applied) {
      throw new IllegalArgumentException(
          "sequence must be >= " + applied + " (the last applied), got " + sequence);
    }
  }

  /**
   * The vector to compare by dot product: itself for {@link VectorSimilarity#DOT_PRODUCT}, a
   * unit-length copy for {@link VectorSimilarity#COSINE} (so that the dot product is the cosine).
   */
  public static float[] comparable(float[] vector, double norm, VectorSimilarity similarity) {
    if (similarity == VectorSimilarity.DOT_PRODUCT) {
      return vector;
    }
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return unit;
  }
}
