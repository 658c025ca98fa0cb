package dev.solosuccess.engine;

/**
 * What ingestion does with the protected health information in documents; set with {@link
 * EngineConfig.Builder#phiPolicy(PhiPolicy)}, with the redaction's mode, types and key from {@link
 * EngineConfig.Builder#phiRedaction(dev.solosuccess.sdk.RedactionOptions)}.
 */
public enum PhiPolicy {
  /** Text is stored, embedded and indexed as extracted. */
  NONE,
  /**
   * The extracted text is redacted before it is chunked: the store, the search index, the vectors
   * and the embedding cache only ever see the redacted text, and {@code documents().text(id)}
   * returns it. The parser's title and author are redacted too, and its creation date dropped.
   */
  REDACT_BEFORE_STORE,
  /**
   * The original text is stored as the document's text ({@code documents().text(id)} returns it),
   * while the chunks (their stored text, the BM25 index, the vectors, snippets and the embedding
   * cache) come from the redacted text, so search neither matches nor shows an identifier. Chunk
   * offsets still point into the original. The title and author are redacted, the creation date
   * dropped. Keep such a data folder encrypted: the original is in it.
   */
  INDEX_REDACTED
}
