package dev.solosuccess.engine;

/** What BM25 scores when a search ranks documents ({@link dev.solosuccess.sdk.Grouping#DOCUMENT}). */
public enum LexicalScope {
  /**
   * The whole document, as one unit with document-level statistics, as search engines that index
   * whole documents score it; the hit shows the document's best-scoring chunk. Chunks cut for the
   * embedding model split a short document's words over several units, which BM25 scores worse.
   */
  DOCUMENT,
  /** Each chunk on its own; a document scores its best chunk. */
  CHUNK
}
