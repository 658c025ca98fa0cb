package dev.solosuccess.engine.internal.security;

import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.Principal;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who calls a service: the engine's local administrator (no principal bound), or a principal,
 * possibly under break-glass access. Every service method asks {@link #require} first; the
 * document scope ({@link #scope()}) then decides what the caller sees. Immutable and thread-safe.
 *
 * <p>The local administrator acts only while the data folder has no principal: once one is added,
 * {@link #require} refuses an unbound caller, so an application cannot bypass access control by
 * skipping authentication.
 */
public final class Caller {

  /** The longest break-glass access. */
  public static final Duration MAX_BREAK_GLASS = Duration.ofHours(4);

  static final int MAX_REASON = 500;

  /** A break-glass session: its id (in every audit entry made under it), reason and end. */
  public record BreakGlass(String id, String reason, Instant expiresAt) {}

  private final Security security;
  private final Principal principal; // null: the local administrator
  private final BreakGlass breakGlass; // null: normal access

  private Caller(Security security, Principal principal, BreakGlass breakGlass) {
    this.security = security;
    this.principal = principal;
    this.breakGlass = breakGlass;
  }

  /** The engine's own caller when no principal is bound. */
  public static Caller localAdmin(Security security) {
    return new Caller(security, null, null);
  }

  /** A caller bound to an authenticated principal. */
  public static Caller of(Security security, Principal principal) {
    return new Caller(security, principal, null);
  }

  /** Whether this is the unbound local administrator. */
  public boolean unbound() {
    return principal == null;
  }

  /**
   * Checks that the caller may act now and has {@code permission}.
   *
   * @throws AccessDeniedException if not, saying why (never with a key)
   */
  public void require(Permission permission) {
    requireActive();
    if (principal != null && !permission.allows(principal.role())) {
      throw new AccessDeniedException(
          "principal " + principal.name() + " (role "
              + principal.role().name().toLowerCase(java.util.Locale.ROOT) + ") may not "
              + permission.description());
    }
  }

  /**
   * Checks that the caller may act at all now: bound while security is configured, not revoked,
   * break-glass access not expired.
   *
   * @throws AccessDeniedException if not
   */
  public void requireActive() {
    if (principal == null) {
      if (security.configured()) {
        throw new AccessDeniedException(
            "security is configured for this data folder: bind a principal to call it"
                + " (SoloEngine.authenticate(apiKey) or EngineConfig.Builder.apiKey; the CLI reads"
                + " SOLO_API_KEY or --api-key-file)");
      }
      return;
    }
    if (security.revoked(principal.name())) {
      throw new AccessDeniedException("the API key of principal " + principal.name()
          + " was revoked");
    }
    if (breakGlass != null && !Instant.now().isBefore(breakGlass.expiresAt())) {
      throw new AccessDeniedException(
          "the break-glass access of principal " + principal.name() + " expired at "
              + breakGlass.expiresAt() + "; start a new one if the emergency goes on");
    }
  }

  /**
   * A caller like this one that sees every document until {@code ttl} has passed.
   *
   * @throws InvalidInputException if the reason is blank or too long, or the ttl out of range
   * @throws AccessDeniedException if the role may not break the glass
   */
  public Caller breakGlass(String reason, Duration ttl) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("break-glass access needs a reason");
    }
    if (reason.length() > MAX_REASON) {
      throw new InvalidInputException(
          "a break-glass reason must be at most " + MAX_REASON + " characters, got "
              + reason.length());
    }
    if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_BREAK_GLASS) > 0) {
      throw new InvalidInputException(
          "break-glass ttl must be from 1 second to " + MAX_BREAK_GLASS.toHours() + " hours, got "
              + ttl);
    }
    require(Permission.BREAK_GLASS);
    // An unbound local administrator stays unbound: its session ends when security is configured.
    return new Caller(
        security,
        principal,
        new BreakGlass(UUID.randomUUID().toString(), reason.strip(), Instant.now().plus(ttl)));
  }

  /** The principal: a synthetic {@code local-admin} admin when none is bound. */
  public Principal principal() {
    if (principal != null) {
      return principal;
    }
    return new Principal(
        Principal.LOCAL_ADMIN, PrincipalKind.PERSON, Role.ADMIN, Set.of(), Instant.EPOCH, false);
  }

  public String actor() {
    return principal == null ? Principal.LOCAL_ADMIN : principal.name();
  }

  public Optional<BreakGlass> breakGlassSession() {
    return Optional.ofNullable(breakGlass);
  }

  /** Fields every audit entry of this caller carries: the break-glass session, if any. */
  public Map<String, String> auditTags() {
    return breakGlass == null ? Map.of() : Map.of("breakGlass", breakGlass.id());
  }

  /**
   * The labels that bound what the caller sees: empty when it sees everything (no labels, or
   * break-glass access).
   */
  public Optional<Set<String>> scope() {
    if (principal == null || principal.labels().isEmpty() || breakGlass != null) {
      return Optional.empty();
    }
    return Optional.of(principal.labels());
  }

  /**
   * Whether the caller sees a document with these labels: an unrestricted caller sees every
   * document; a restricted one, those that carry at least one of its labels.
   */
  public boolean sees(Set<String> documentLabels) {
    Optional<Set<String>> scope = scope();
    return scope.isEmpty() || !Collections.disjoint(scope.get(), documentLabels);
  }

  /**
   * Whether the caller may change (replace, delete, erase) a document with these labels: as {@link
   * #sees}, but by the principal's own labels even under break-glass access, which widens what is
   * read, not what is changed.
   */
  public boolean mayChange(Set<String> documentLabels) {
    if (principal == null || principal.labels().isEmpty()) {
      return true;
    }
    return !Collections.disjoint(principal.labels(), documentLabels);
  }

  /**
   * The labels of documents this caller ingests: the requested ones (each among the principal's
   * own when it has labels), else the principal's own.
   *
   * @throws AccessDeniedException naming a requested label the principal does not have
   */
  public Set<String> ingestLabels(Set<String> requested) {
    Set<String> own = principal == null ? Set.of() : principal.labels();
    if (requested.isEmpty()) {
      return own;
    }
    if (!own.isEmpty()) {
      for (String label : requested) {
        if (!own.contains(label)) {
          throw new AccessDeniedException(
              "principal " + actor() + " may not label documents '" + label + "' (its labels: "
                  + String.join(", ", own) + ")");
        }
      }
    }
    return requested;
  }
}
