package dev.solosuccess.sdk;

/**
 * A passage of a document: the unit that is embedded, indexed and returned by a chunk search.
 *
 * @param id stable within its document version: {@code <documentId>#<index>}
 * @param documentId the document it belongs to
 * @param index 0-based position within the document
 * @param text the passage
 * @param tokens its length in the embedding model's word pieces (without special tokens)
 * @param provenance page and character offsets within the document's extracted text
 */
public record Chunk(
    String id, String documentId, int index, String text, int tokens, Provenance provenance) {}
