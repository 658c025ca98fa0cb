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
 * @param attributes exact-match filter terms (not stored)
 */
public record IndexedChunk(
    String chunkId, String documentId, String text, float[] vector, Map<String, String> attributes) {

  public IndexedChunk {
    Objects.requireNonNull(chunkId, "chunkId");
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(vector, "vector");
    attributes = Map.copyOf(attributes);
  }
}
