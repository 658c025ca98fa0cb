package dev.solosuccess.index;

import java.util.Map;
import java.util.Objects;

/**
 * What the index keeps of one chunk: its text for BM25, its vector, and the attributes that filters
 * match on.
 *
 * @param chunkId unique across the index
 * @param documentId the document the chunk belongs to; writes replace and delete whole documents
 * @param text analyzed for BM25, not stored
 * @param vector the embedding; kept by reference, so do not change it afterwards
 * @param attributes exact-match terms for {@link IndexFilter.Terms} (not stored)
 * @param numbers finite numbers for {@link IndexFilter.NumericRange} (not stored); a separate name
 *     space from {@code attributes}, so one name may have a term and a number
 * @param labels access labels for {@link IndexFilter.Labels} (not stored); empty for none
 */
public record IndexedChunk(
    String chunkId,
    String documentId,
    String text,
    float[] vector,
    Map<String, String> attributes,
    Map<String, Double> numbers,
    java.util.Set<String> labels) {

  public IndexedChunk {
    labels = java.util.Set.copyOf(labels);
    Objects.requireNonNull(chunkId, "chunkId");
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(vector, "vector");
    attributes = Map.copyOf(attributes);
    numbers = Map.copyOf(numbers);
    for (Map.Entry<String, Double> n : numbers.entrySet()) {
      if (!Double.isFinite(n.getValue())) {
        throw new IllegalArgumentException(
            "number '" + n.getKey() + "' of chunk " + chunkId + " must be finite, got "
                + n.getValue());
      }
    }
  }

  /** A chunk without access labels. */
  public IndexedChunk(
      String chunkId,
      String documentId,
      String text,
      float[] vector,
      Map<String, String> attributes,
      Map<String, Double> numbers) {
    this(chunkId, documentId, text, vector, attributes, numbers, java.util.Set.of());
  }

  /** A chunk with term attributes only. */
  public IndexedChunk(
      String chunkId, String documentId, String text, float[] vector, Map<String, String> attributes) {
    this(chunkId, documentId, text, vector, attributes, Map.of());
  }
}
