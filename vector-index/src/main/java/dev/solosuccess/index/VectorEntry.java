package dev.solosuccess.index;

import java.util.Map;
import java.util.Objects;

/**
 * One vector of a {@link VectorIndex}, with the attributes that {@link IndexFilter}s match on.
 *
 * @param id unique in the index; not blank
 * @param vector kept by reference: do not change it afterwards
 * @param attributes exact-match terms for {@link IndexFilter.Terms}
 * @param numbers finite numbers for {@link IndexFilter.NumericRange}
 */
public record VectorEntry(
    String id, float[] vector, Map<String, String> attributes, Map<String, Double> numbers) {

  public VectorEntry {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank, got '" + id + "'");
    }
    Objects.requireNonNull(vector, "vector");
    attributes = Map.copyOf(attributes);
    numbers = Map.copyOf(numbers);
    for (Map.Entry<String, Double> n : numbers.entrySet()) {
      if (!Double.isFinite(n.getValue())) {
        throw new IllegalArgumentException(
            "number '" + n.getKey() + "' of " + id + " must be finite, got " + n.getValue());
      }
    }
  }

  /** An entry without attributes. */
  public static VectorEntry of(String id, float[] vector) {
    return new VectorEntry(id, vector, Map.of(), Map.of());
  }

  /** An entry with term attributes only. */
  public static VectorEntry of(String id, float[] vector, Map<String, String> attributes) {
    return new VectorEntry(id, vector, attributes, Map.of());
  }
}
