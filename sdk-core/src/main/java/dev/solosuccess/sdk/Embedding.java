package dev.solosuccess.sdk;

import java.util.Arrays;

/**
 * A vector from an embedding model, L2-normalized by the engine's built-in models.
 *
 * @param model the id of the model that produced it
 * @param vector the components; the record keeps its own copy and {@link #vector()} returns a copy
 */
public record Embedding(String model, float[] vector) {

  public Embedding {
    if (model == null || model.isBlank()) {
      throw new InvalidInputException("embedding model id must not be blank");
    }
    if (vector == null || vector.length == 0) {
      throw new InvalidInputException("embedding vector must not be empty");
    }
    vector = vector.clone();
  }

  /** A copy of the components. */
  @Override
  public float[] vector() {
    return vector.clone();
  }

  public int dimension() {
    return vector.length;
  }

  /**
   * Cosine similarity with another embedding of the same dimension.
   *
   * @throws InvalidInputException if the dimensions differ
   */
  public double cosine(Embedding other) {
    float[] b = other.vector;
    if (b.length != vector.length) {
      throw new InvalidInputException(
          "dimension must be " + vector.length + ", got " + b.length);
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < vector.length; i++) {
      dot += (double) vector[i] * b[i];
      na += (double) vector[i] * vector[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Embedding e && model.equals(e.model) && Arrays.equals(vector, e.vector);
  }

  @Override
  public int hashCode() {
    return 31 * model.hashCode() + Arrays.hashCode(vector);
  }

  @Override
  public String toString() {
    return "Embedding[model=" + model + ", dimension=" + vector.length + "]";
  }
}
