package dev.solosuccess.sdk;

/**
 * The root of the SoloSuccess API: documents, search and inference on one data set.
 *
 * <p>Obtain one from {@code SoloEngine.open(EngineConfig)} (in-process) and share it, or bind one
 * to a principal with {@code engine.authenticate(apiKey)} when the data folder's security is
 * configured (see {@link UserService}). A client is
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

  /** Principals and their API keys (admins only; see {@link UserService}). */
  UserService users();

  /**
   * The principal this client acts as: {@value Principal#LOCAL_ADMIN} for an engine opened without
   * security configured.
   *
   * @throws AccessDeniedException if the data folder's security is configured and no principal is
   *     bound
   */
  Principal principal();

  /**
   * Emergency access: a client that acts as this client's principal but sees every document,
   * whatever its labels, until {@code ttl} has passed. Its start (with the reason) and every call
   * made through it are audited as break-glass access. Allowed to admins, writers and readers.
   *
   * @param reason why access is needed, recorded in the audit trail (not blank, at most 500
   *     characters; no patient data)
   * @param ttl how long the access lasts, 1 second to 4 hours; afterwards every call throws {@link
   *     AccessDeniedException}
   * @throws InvalidInputException if the reason is blank or the ttl out of range
   * @throws AccessDeniedException if the principal's role may not break the glass
   */
  SoloClient breakGlass(String reason, java.time.Duration ttl);

  /** Releases every resource; idempotent, never throws a checked exception. */
  @Override
  void close();
}
