package dev.solosuccess.index;

import java.util.Map;
import java.util.Random;

/** Vectors and chunks for the index tests. */
final class Vectors {

  private Vectors() {}

  /** A random direction, L2-normalized, so it is valid for {@link VectorSimilarity#DOT_PRODUCT}. */
  static float[] randomUnit(Random random, int dimension) {
    float[] v = new float[dimension];
    double norm = 0;
    do {
      for (int i = 0; i < dimension; i++) {
        v[i] = (float) random.nextGaussian();
      }
      norm = Math.sqrt(dot(v, v));
    } while (norm < 1e-3);
    for (int i = 0; i < dimension; i++) {
      v[i] = (float) (v[i] / norm);
    }
    return v;
  }

  /** A unit vector along one axis. */
  static float[] axis(int dimension, int i) {
    float[] v = new float[dimension];
    v[i] = 1;
    return v;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  static double cosine(float[] a, float[] b) {
    return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
  }

  static float[] scaled(float[] v, float factor) {
    float[] s = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = v[i] * factor;
    }
    return s;
  }

  static IndexedChunk chunk(String chunkId, String documentId, String text, float[] vector) {
    return new IndexedChunk(chunkId, documentId, text, vector, Map.of());
  }

  static IndexedChunk chunk(
      String chunkId, String documentId, String text, float[] vector, Map<String, String> attrs) {
    return new IndexedChunk(chunkId, documentId, text, vector, attrs);
  }
}
