package dev.solosuccess.sdk;

/** The stages of ingestion, as timed in {@link IngestSummary#stages()}. */
public enum IngestStage {
  /** Reading files, hashing their content and telling their format. */
  READ,
  /** Extracting text and structure. */
  PARSE,
  /** Cutting text into chunks. */
  CHUNK,
  /** Running the embedding model. */
  EMBED,
  /** Committing documents, chunks and vectors to the store (the durable acknowledgement). */
  STORE,
  /** Applying and committing the search index. */
  INDEX
}
