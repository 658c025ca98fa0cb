package dev.solosuccess.engine.internal.model;

import java.nio.FloatBuffer;

/**
 * Token states to sentence vectors, as a {@link ModelSpec} says: mean over the tokens under the
 * attention mask, or the first ([CLS]) token, then L2 normalization. Padding never changes a vector,
 * because only masked-in positions are read. Stateless.
 */
final class Pooler {

  private Pooler() {}

  /**
   * Pools one batch's token states into the rows of {@code out}.
   *
   * @param states row-major {@code [rows, len, dimension]} token states
   * @param mask row-major {@code [rows, len]} attention mask
   * @param rows the index in {@code out} of each batch row
   * @param len the batch's padded length
   */
  static void pool(
      FloatBuffer states, long[] mask, int[] rows, int len, ModelSpec spec, float[][] out) {
    int dim = spec.dimension();
    for (int i = 0; i < rows.length; i++) {
      float[] v = new float[dim];
      int base = i * len * dim;
      if (spec.pooling() == ModelSpec.Pooling.CLS) {
        states.get(base, v);
      } else {
        float[] token = new float[dim];
        int count = 0;
        for (int t = 0; t < len; t++) {
          if (mask[i * len + t] == 0) {
            continue;
          }
          states.get(base + t * dim, token);
          for (int d = 0; d < dim; d++) {
            v[d] += token[d];
          }
          count++;
        }
        for (int d = 0; d < dim; d++) {
          v[d] /= count;
        }
      }
      if (spec.normalize()) {
        normalize(v);
      }
      out[rows[i]] = v;
    }
  }

  /** Scales {@code v} to unit length (a zero vector stays zero). */
  static void normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    float inv = (float) (1.0 / Math.max(Math.sqrt(sum), 1e-12));
    for (int d = 0; d < v.length; d++) {
      v[d] *= inv;
    }
  }
}
