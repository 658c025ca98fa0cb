package dev.solosuccess.sdk;

/** What one search hit stands for. */
public enum Grouping {
  /** One hit per document, represented by its best chunk. */
  DOCUMENT,
  /** One hit per chunk; a document may appear several times. */
  CHUNK
}
