package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.store.AuditLog;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.NotFoundException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs an action and appends its audit entry when it ends, with its outcome: who (the engine's
 * principal), what, which documents, and counts. Never content: no document text, no query, no
 * text sent to a model. Thread-safe.
 */
public final class Auditor {

  /** The principal of an engine opened without security: one local administrator. */
  public static final String LOCAL_ADMIN = dev.solosuccess.sdk.Principal.LOCAL_ADMIN;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AuditLog log;
  private final String actor;
  private final java.util.Map<String, String> tags;

  public Auditor(AuditLog log, String actor) {
    this(log, actor, java.util.Map.of());
  }

  /**
   * @param tags fields added to the detail of every entry, such as the break-glass session under
   *     which the actor acts
   */
  public Auditor(AuditLog log, String actor, java.util.Map<String, String> tags) {
    this.log = log;
    this.actor = actor;
    this.tags = java.util.Map.copyOf(tags);
  }

  /** What an action touched: document ids and a few counts or parameters (never content). */
  public record Entry(List<String> targets, ObjectNode detail) {
    public static Entry of(List<String> targets) {
      return new Entry(targets, JSON.createObjectNode());
    }

    public static Entry none() {
      return of(List.of());
    }

    public Entry with(String key, long value) {
      detail.put(key, value);
      return this;
    }

    public Entry with(String key, String value) {
      detail.put(key, value);
      return this;
    }
  }

  /**
   * Runs {@code body}; then appends an entry made by {@code describe} from its result, or, if it
   * throws, an entry with the kind of failure and {@code requested} as targets.
   */
  public <T> T call(
      String action,
      List<String> requested,
      Supplier<T> body,
      Function<? super T, Entry> describe) {
    T result;
    try {
      result = body.get();
    } catch (RuntimeException e) {
      log.append(actor, action, requested, detail(Entry.none()), outcome(e));
      throw e;
    }
    Entry entry = describe.apply(result);
    log.append(actor, action, entry.targets(), detail(entry), "ok");
    return result;
  }

  /** {@link #call} for an action without a result. */
  public void run(String action, List<String> requested, Runnable body) {
    call(
        action,
        requested,
        () -> {
          body.run();
          return null;
        },
        r -> Entry.of(requested));
  }

  /** Appends an entry now, for actions whose result must name their own entry. */
  public dev.solosuccess.sdk.AuditEntry append(String action, Entry entry, String outcome) {
    return log.append(actor, action, entry.targets(), detail(entry), outcome);
  }

  /** Appends the entry of a failed action. */
  public void failed(String action, List<String> requested, RuntimeException e) {
    log.append(actor, action, requested, detail(Entry.none()), outcome(e));
  }

  private String detail(Entry entry) {
    tags.forEach(entry.detail()::put);
    return JSON.writeValueAsString(entry.detail());
  }

  /** The audit log itself, for {@code audit()} calls. */
  public AuditLog log() {
    return log;
  }

  public String actor() {
    return actor;
  }

  private static String outcome(RuntimeException e) {
    if (e instanceof dev.solosuccess.sdk.UpstreamException u) {
      return u.code(); // upstream-unavailable (retriable) or upstream-failed
    }
    if (e instanceof dev.solosuccess.sdk.AccessDeniedException) {
      return "denied";
    }
    if (e instanceof NotFoundException) {
      return "not-found";
    }
    if (e instanceof InvalidInputException) {
      return "invalid";
    }
    return "error";
  }
}
