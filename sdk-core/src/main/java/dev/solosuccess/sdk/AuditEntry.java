package dev.solosuccess.sdk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the audit trail: who did what to which documents, when, and how it ended. Entries
 * never hold document text, queries or other content: a query appears only as its SHA-256.
 *
 * @param sequence position in the trail, from 1, without gaps
 * @param at when the action ended
 * @param actor the principal that acted ({@code local-admin} for an engine opened without
 *     security)
 * @param action what was done, such as {@code search}, {@code document.ingest}, {@code
 *     document.read}, {@code document.delete}, {@code inference.summarize}
 * @param targets ids of the documents the action touched or returned, in order
 * @param detail counts and parameters, as compact JSON (no content); an entry made under
 *     break-glass access carries its session id as {@code breakGlass}
 * @param outcome {@code ok}, or the kind of failure ({@code invalid}, {@code not-found}, {@code
 *     denied} for access control, {@code error})
 * @param hash SHA-256 (hex) of the previous entry's hash and this entry's fields: the chain that
 *     {@link AuditService#verify()} checks
 */
public record AuditEntry(
    long sequence,
    Instant at,
    String actor,
    String action,
    List<String> targets,
    String detail,
    String outcome,
    String hash) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    targets = List.copyOf(targets);
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(hash, "hash");
  }
}
