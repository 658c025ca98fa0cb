package dev.solosuccess.engine.internal.store;

import dev.solosuccess.sdk.Metadata;
import java.util.List;

/**
 * A document version ready to be stored: parsed, chunked and embedded.
 *
 * @param metadata the caller's metadata
 * @param extracted the metadata the parser found (title, author, created, content_type, language)
 * @param text the extracted text that chunk offsets point into
 * @param pages page count, 0 for formats without pages
 * @param labels access labels; empty for an unlabelled document
 */
public record NewDocument(
    String id,
    String source,
    String mediaType,
    String sha256,
    Metadata metadata,
    Metadata extracted,
    String text,
    int pages,
    List<NewChunk> chunks,
    java.util.Set<String> labels) {

  public NewDocument {
    chunks = List.copyOf(chunks);
    labels = java.util.Set.copyOf(labels);
  }

  /** An unlabelled document. */
  public NewDocument(
      String id,
      String source,
      String mediaType,
      String sha256,
      Metadata metadata,
      Metadata extracted,
      String text,
      int pages,
      List<NewChunk> chunks) {
    this(id, source, mediaType, sha256, metadata, extracted, text, pages, chunks,
        java.util.Set.of());
  }
}
