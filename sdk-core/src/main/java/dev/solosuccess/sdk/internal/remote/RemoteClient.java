package dev.solosuccess.sdk.internal.remote;

import dev.solosuccess.sdk.AuditService;
import dev.solosuccess.sdk.DocumentService;
import dev.solosuccess.sdk.InferenceService;
import dev.solosuccess.sdk.Principal;
import dev.solosuccess.sdk.RemoteOptions;
import dev.solosuccess.sdk.SearchService;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.UserService;
import dev.solosuccess.sdk.internal.wire.WireMessages;
import java.net.URI;
import java.time.Duration;

/**
 * A {@link SoloClient} that calls a {@code solo serve} over HTTP(S): every method is one call (an
 * ingest of folders, one call per file) with the engine's semantics and exceptions. Thread-safe;
 * {@link #close()} is idempotent and ends the connection pool, and any later call throws {@link
 * dev.solosuccess.sdk.ClosedException}.
 */
public final class RemoteClient implements SoloClient {

  private final RemoteHttp http;
  private final RemoteDocuments documents;
  private final RemoteSearch search;
  private final RemoteInference inference;
  private final RemoteAudit audit;
  private final RemoteUsers users;

  private RemoteClient(RemoteHttp http) {
    this.http = http;
    this.documents = new RemoteDocuments(http);
    this.search = new RemoteSearch(http);
    this.inference = new RemoteInference(http);
    this.audit = new RemoteAudit(http);
    this.users = new RemoteUsers(http);
  }

  /**
   * Connects and checks the key with one call ({@code GET /api/v1/me}), as {@code
   * engine.authenticate} checks it.
   */
  public static SoloClient connect(URI base, String apiKey, RemoteOptions options) {
    RemoteHttp http = RemoteHttp.open(base, apiKey, options == null ? RemoteOptions.defaults() : options);
    RemoteClient client = new RemoteClient(http);
    try {
      client.principal();
    } catch (RuntimeException e) {
      http.close();
      throw e;
    }
    return client;
  }

  @Override
  public DocumentService documents() {
    return documents;
  }

  @Override
  public SearchService search() {
    return search;
  }

  @Override
  public InferenceService inference() {
    return inference;
  }

  @Override
  public AuditService audit() {
    return audit;
  }

  @Override
  public UserService users() {
    return users;
  }

  @Override
  public Principal principal() {
    return http.get(http.url("me").build(), Principal.class);
  }

  @Override
  public SoloClient breakGlass(String reason, Duration ttl) {
    WireMessages.BreakGlassSession session = http.post(http.url("break-glass").build(),
        new WireMessages.BreakGlass(reason, ttl), WireMessages.BreakGlassSession.class);
    return new RemoteClient(http.withBreakGlass(session.token()));
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "RemoteClient";
  }
}
