package dev.solosuccess.sdk.internal.remote;

import dev.solosuccess.sdk.AuditEntry;
import dev.solosuccess.sdk.AuditHead;
import dev.solosuccess.sdk.AuditService;
import dev.solosuccess.sdk.AuditVerification;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;

/** {@link AuditService} over {@code /api/v1/audit}. Thread-safe. */
final class RemoteAudit implements AuditService {

  private static final TypeReference<List<AuditEntry>> ENTRIES = new TypeReference<>() {};

  private final RemoteHttp http;

  RemoteAudit(RemoteHttp http) {
    this.http = http;
  }

  @Override
  public AuditHead head() {
    return http.get(http.url("audit", "head").build(), AuditHead.class);
  }

  @Override
  public AuditVerification verify() {
    return http.get(http.url("audit", "verify").build(), AuditVerification.class);
  }

  @Override
  public AuditVerification verify(AuditHead expected) {
    Objects.requireNonNull(expected, "expected");
    return http.get(http.url("audit", "verify")
        .addQueryParameter("sequence", Long.toString(expected.sequence()))
        .addQueryParameter("hash", expected.hash()).build(), AuditVerification.class);
  }

  @Override
  public List<AuditEntry> entries(long afterSequence, int limit) {
    return http.get(http.url("audit", "entries")
        .addQueryParameter("after", Long.toString(afterSequence))
        .addQueryParameter("limit", Integer.toString(limit)).build(), ENTRIES);
  }

  @Override
  public List<AuditEntry> entriesSince(Instant since, int limit) {
    Objects.requireNonNull(since, "since");
    return http.get(http.url("audit", "entries")
        .addQueryParameter("since", since.toString())
        .addQueryParameter("limit", Integer.toString(limit)).build(), ENTRIES);
  }
}
