package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.security.Caller;
import dev.solosuccess.sdk.AuditService;
import dev.solosuccess.sdk.DocumentService;
import dev.solosuccess.sdk.InferenceService;
import dev.solosuccess.sdk.Principal;
import dev.solosuccess.sdk.SearchService;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.UserService;
import java.time.Duration;
import java.util.List;

/**
 * A {@link SoloClient} acting as one caller on a shared engine. It owns nothing: {@link #close()}
 * does nothing, and its calls fail with {@link dev.solosuccess.sdk.ClosedException} once the
 * engine is closed. Thread-safe.
 */
public final class BoundClient implements SoloClient {

  private final EngineParts parts;
  private final Caller caller;
  private final Auditor auditor;
  private final EngineDocuments documents;
  private final EngineSearch search;
  private final EngineInference inference;
  private final EngineAudit audit;
  private final UserService users;

  BoundClient(
      EngineParts parts,
      Caller caller,
      Auditor auditor,
      EngineDocuments documents,
      EngineSearch search,
      EngineInference inference,
      EngineAudit audit,
      UserService users) {
    this.parts = parts;
    this.caller = caller;
    this.auditor = auditor;
    this.documents = documents;
    this.search = search;
    this.inference = inference;
    this.audit = audit;
    this.users = users;
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
    caller.requireActive();
    return caller.principal();
  }

  /** The caller this client acts as. */
  public Caller caller() {
    return caller;
  }

  @Override
  public SoloClient breakGlass(String reason, Duration ttl) {
    return parts.lifecycle().call(
        () -> {
          Caller glass;
          try {
            glass = caller.breakGlass(reason, ttl);
          } catch (RuntimeException e) {
            auditor.failed("break-glass.start", List.of(), e);
            throw e;
          }
          Caller.BreakGlass session = glass.breakGlassSession().orElseThrow();
          auditor.append(
              "break-glass.start",
              Auditor.Entry.none()
                  .with("breakGlass", session.id())
                  .with("reason", session.reason())
                  .with("expiresAt", session.expiresAt().toString())
                  .with("ttlSeconds", ttl.toSeconds()),
              "ok");
          return parts.bind(glass);
        });
  }

  /** Does nothing: the engine owns every resource. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "BoundClient[" + caller.actor() + "]";
  }
}
