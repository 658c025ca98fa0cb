package dev.solosuccess.sdk;

/**
 * Hears about a batch ingestion as it runs, for progress displays and logs. Called on the ingesting
 * thread, one event at a time; keep it quick. An exception thrown by a listener aborts the batch.
 */
public interface IngestListener {

  /** A listener that ignores every event. */
  IngestListener NONE = new IngestListener() {};

  /** The batch found this many files (and in-memory sources) to consider. */
  default void started(int files) {}

  /** A file is about to be parsed, chunked and embedded. */
  default void fileStarted(String source, IngestProgress progress) {}

  /** A document was stored (new or replaced); it is durable and searchable. */
  default void ingested(Document document, IngestProgress progress) {}

  /** A file's content was already stored under the same id; nothing was done. */
  default void unchanged(Document document, IngestProgress progress) {}

  /**
   * A file's content is already stored under another source; it was then stored too (its chunks
   * copied) or skipped, as {@link DuplicateFile#kept()} says.
   */
  default void duplicate(DuplicateFile duplicate, IngestProgress progress) {}

  /** A file was not ingested. */
  default void skipped(SkippedFile skipped, IngestProgress progress) {}
}
