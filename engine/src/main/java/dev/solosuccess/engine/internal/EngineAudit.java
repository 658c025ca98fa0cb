package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.security.Caller;
import dev.solosuccess.engine.internal.security.Permission;
import dev.solosuccess.sdk.AuditEntry;
import dev.solosuccess.sdk.AuditHead;
import dev.solosuccess.sdk.AuditService;
import dev.solosuccess.sdk.AuditVerification;
import dev.solosuccess.sdk.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@link AuditService} of an in-process engine. Reading the trail is itself audited ({@code
 * audit.verify}, {@code audit.read}), after the read, so a verification covers the trail as it was
 * when it began. Auditors and admins only. Thread-safe.
 */
public final class EngineAudit implements AuditService {

  static final int MAX_LIMIT = 10_000;

  private final Lifecycle lifecycle;
  private final Auditor auditor;
  private final Caller caller;

  public EngineAudit(Lifecycle lifecycle, Auditor auditor, Caller caller) {
    this.lifecycle = lifecycle;
    this.auditor = auditor;
    this.caller = caller;
  }

  @Override
  public AuditHead head() {
    return lifecycle.call(
        () -> {
          try {
            caller.require(Permission.AUDIT);
          } catch (RuntimeException e) {
            auditor.failed("audit.head", List.of(), e);
            throw e;
          }
          return auditor.log().head();
        });
  }

  @Override
  public AuditVerification verify() {
    return verifyAgainst(null);
  }

  @Override
  public AuditVerification verify(AuditHead expected) {
    return verifyAgainst(Objects.requireNonNull(expected, "expected"));
  }

  private AuditVerification verifyAgainst(AuditHead expected) {
    return lifecycle.call(
        () ->
            auditor.call(
                "audit.verify",
                List.of(),
                () -> {
                  caller.require(Permission.AUDIT);
                  return auditor.log().verify(expected);
                },
                v ->
                    Auditor.Entry.none()
                        .with("entries", v.entries())
                        .with("intact", v.intact() ? "yes" : "no")));
  }

  @Override
  public List<AuditEntry> entries(long afterSequence, int limit) {
    checkLimit(limit);
    return lifecycle.call(
        () ->
            auditor.call(
                "audit.read",
                List.of(),
                () -> {
                  caller.require(Permission.AUDIT);
                  return auditor.log().after(afterSequence, limit);
                },
                r -> Auditor.Entry.none().with("entries", r.size())));
  }

  @Override
  public List<AuditEntry> entriesSince(Instant since, int limit) {
    Objects.requireNonNull(since, "since");
    checkLimit(limit);
    return lifecycle.call(
        () ->
            auditor.call(
                "audit.read",
                List.of(),
                () -> {
                  caller.require(Permission.AUDIT);
                  return auditor.log().since(since, limit);
                },
                r -> Auditor.Entry.none().with("entries", r.size())));
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit must be in 1.." + MAX_LIMIT + ", got " + limit);
    }
  }
}
