package dev.solosuccess.sdk;

import java.util.List;
import java.util.Optional;

/**
 * Documents: ingest (parse, chunk, embed, store, index), read back and delete.
 *
 * <p>Every method that changes data returns only after the change is durable in the system of
 * record; a search issued after it returns sees the change. Implementations are thread-safe; writes
 * are applied one at a time in the order they commit.
 *
 * <p>Access control: reading needs the reader, writer or admin role, changing the writer or admin
 * role ({@link Role}). A caller with access labels ({@link Principal#labels()}) sees, counts,
 * changes and replaces only documents that carry one of its labels; any other document is answered
 * exactly as one that does not exist ({@link NotFoundException}, an empty {@link #get}).
 */
public interface DocumentService {

  /**
   * Ingests one document and returns it as stored. A document that already exists under the same id
   * is replaced atomically (a search never sees a mix of its old and new chunks); one whose content
   * is unchanged is returned as it is, without re-embedding. Content already stored under another
   * source is a duplicate: as the engine is configured, it is stored with the original's chunks
   * and vectors copied (nothing is embedded), or not stored, and the original is returned.
   *
   * @throws UnsupportedFormatException if the format is not one the engine parses
   * @throws LimitExceededException if the input exceeds a configured limit
   * @throws InvalidInputException if the input cannot be read or holds no text
   * @throws StorageException if the change could not be made durable (nothing is then stored)
   */
  Document ingest(DocumentSource source);

  /**
   * Ingests files and folders (folders recursively, files in path order). A file that cannot be
   * ingested is reported in {@link IngestSummary#skipped()} with the reason, and the batch goes on;
   * each ingested file is durable as soon as the listener hears of it.
   *
   * @throws InvalidInputException if a named path does not exist
   * @throws StorageException if the store fails; files ingested before the failure stay ingested
   */
  IngestSummary ingest(IngestRequest request);

  /** The document with this id, if there is one. */
  Optional<Document> get(String documentId);

  /** All documents, ordered by source. */
  List<Document> list();

  /** The number of documents. */
  long count();

  /**
   * The chunks of a document, in order.
   *
   * @throws NotFoundException if there is no such document
   */
  List<Chunk> chunks(String documentId);

  /**
   * The access labels of a document (see {@link IngestRequest#labels()}), sorted; empty for an
   * unlabelled document.
   *
   * @throws NotFoundException if there is no such document (or the caller may not see it)
   */
  java.util.Set<String> labels(String documentId);

  /**
   * The extracted text of a document: normalized, with pages and blocks separated by blank lines.
   * Chunk offsets ({@link Provenance}) point into it, so a chunk can be shown with its context.
   *
   * @throws NotFoundException if there is no such document
   */
  String text(String documentId);

  /**
   * Deletes a document: its chunks and vectors are gone from the store and from every index when
   * this returns.
   *
   * @throws NotFoundException if there is no such document
   */
  void delete(String documentId);

  /**
   * Erases a document for good: its text, chunks, vectors and metadata leave the store, the index
   * and the embedding cache, and the store's file is rewritten when the engine closes. Unlike
   * {@link #delete}, nothing of it stays in any file afterwards (verified by reading every byte).
   *
   * @throws NotFoundException if there is no such document
   */
  ErasureReceipt erase(String documentId);

  /**
   * Erases every document whose metadata has {@code key} equal to {@code value} (compared as
   * canonical strings, like an equality filter): a patient's records by {@code patient_id}, say.
   * Erasing nothing is not an error.
   *
   * @throws InvalidInputException if the key or value is blank
   */
  ErasureReceipt eraseWhere(String key, String value);
}
