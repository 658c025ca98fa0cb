package dev.solosuccess.sdk;

/**
 * The root of the SoloSuccess API: documents, search and inference on one data set.
 *
 * <p>Obtain one from {@code SoloEngine.open(EngineConfig)} (in-process) and share it, or bind one
 * to a principal with {@code engine.authenticate(apiKey)} when the data folder's security is
 * configured (see {@link UserService}); or connect to a {@code solo serve} with {@link
 * #connect(java.net.URI, String)}, which gives the same interface over HTTPS. A client is
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

  /**
   * A client of a {@code solo serve} at {@code base} (its root, e.g. {@code
   * https://solo.internal:8443}), acting as the principal of {@code apiKey}, with the JDK's trusted
   * certificate roots and the default timeouts: {@code connect(base, apiKey,
   * RemoteOptions.defaults())}.
   */
  static SoloClient connect(java.net.URI base, String apiKey) {
    return connect(base, apiKey, RemoteOptions.defaults());
  }

  /**
   * A client of a {@code solo serve}: the same interface, semantics and exceptions as an engine in
   * the process (a call the server refuses throws what the engine would have thrown, with its
   * message; a missing or revoked key throws {@link AccessDeniedException}), over HTTPS with the
   * key as a Bearer token. Ingesting folders walks them on this machine and uploads each file. The
   * key is checked once here. Thread-safe; {@link #close()} ends its connections.
   *
   * <pre>{@code
   * try (SoloClient solo = SoloClient.connect(URI.create("https://localhost:8443"), apiKey,
   *     RemoteOptions.builder().trustStore(Path.of("trust.p12"), password).build())) {
   *   solo.documents().ingest(IngestRequest.of(Path.of("docs")));
   * }
   * }</pre>
   *
   * @throws InvalidInputException if the URI is not http(s) or the key is blank
   * @throws AccessDeniedException if the server does not know the key (or it is revoked)
   * @throws UpstreamException if the server cannot be reached
   */
  static SoloClient connect(java.net.URI base, String apiKey, RemoteOptions options) {
    return dev.solosuccess.sdk.internal.remote.RemoteClient.connect(base, apiKey, options);
  }

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
