package dev.solosuccess.sdk;

/**
 * The root of the SoloSuccess API: documents, search and inference on one data set.
 *
 * <p>Obtain one from {@code SoloEngine.open(EngineConfig)} (in-process) and share it: a client is
 * thread-safe and meant to live as long as the application. Closing it releases files, native
 * memory and threads; {@link #close()} is idempotent, and any call after it throws {@link
 * ClosedException}.
 *
 * <pre>{@code
 * try (SoloClient solo = SoloEngine.open(EngineConfig.builder(Path.of("solo-data")).build())) {
 *   solo.documents().ingest(IngestRequest.of(Path.of("docs")));
 *   for (SearchHit hit : solo.search().search("refund window").hits()) {
 *     System.out.println(hit.rank() + ". " + hit.source() + ": " + hit.snippet());
 *   }
 * }
 * }</pre>
 */
public interface SoloClient extends AutoCloseable {

  /** Ingestion, listing and deletion of documents. */
  DocumentService documents();

  /** Lexical, semantic and hybrid search over the ingested chunks. */
  SearchService search();

  /** Local model inference: embeddings. */
  InferenceService inference();

  /** The audit trail of every access through this client's engine. */
  AuditService audit();

  /** Releases every resource; idempotent, never throws a checked exception. */
  @Override
  void close();
}
