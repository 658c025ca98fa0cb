package dev.solosuccess.sdk;

import java.time.Instant;
import java.util.List;

/**
 * The audit trail: an append-only, hash-chained record of every access to documents, search and
 * inference. Each entry's hash covers the previous entry's hash, so a modified, deleted, inserted
 * or reordered entry breaks the chain at that entry. Thread-safe.
 *
 * <p>A chain alone cannot stop someone with write access to the data folder from rewriting the
 * whole trail with fresh hashes: keep {@link #head()} elsewhere from time to time and verify
 * against it ({@link #verify(AuditHead)}).
 */
public interface AuditService {

  /** The last entry's sequence number and hash. */
  AuditHead head();

  /** Checks every entry from the first to the current head. */
  AuditVerification verify();

  /**
   * Checks every entry, and that the entry at {@code expected.sequence()} still has {@code
   * expected.hash()}: a trail rewritten or cut short since that head was kept fails.
   */
  AuditVerification verify(AuditHead expected);

  /**
   * Entries in sequence order, starting after {@code afterSequence}.
   *
   * @param limit the most entries, 1 to 10,000
   */
  List<AuditEntry> entries(long afterSequence, int limit);

  /**
   * Entries at or after {@code since}, in sequence order, at most {@code limit}.
   *
   * @param limit the most entries, 1 to 10,000
   */
  List<AuditEntry> entriesSince(Instant since, int limit);
}
