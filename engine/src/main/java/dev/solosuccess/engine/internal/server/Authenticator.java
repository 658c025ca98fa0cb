package dev.solosuccess.engine.internal.server;

import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.Principal;
import dev.solosuccess.sdk.SoloClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Turns a request's {@code Authorization: Bearer <key>} into the engine-bound client of the key's
 * principal. A verified key's client is reused for a short time (the engine audits each
 * authentication and hashes the key; doing so per request would fill the audit trail), keyed by
 * the SHA-256 of the key so that no key is kept in memory longer than the request. A revoked
 * principal's cached client is refused by the engine at its next call; the cache only saves the
 * lookup. Failures are not cached: the engine throttles them itself.
 *
 * <p>Thread-safe.
 */
final class Authenticator {

  /** Keys cached at most; beyond it, expired entries go, and if none did, all go. */
  private static final int MAX_ENTRIES = 10_000;

  private static final String SCHEME = "Bearer ";

  /** A verified key's client and principal, until {@code expiresAtNanos}. */
  record Bound(SoloClient client, Principal principal, long expiresAtNanos) {}

  private final Function<String, SoloClient> engineAuthenticate;
  private final long ttlNanos;
  private final LongSupplier clock;
  private final Map<String, Bound> cache = new ConcurrentHashMap<>();

  Authenticator(Function<String, SoloClient> engineAuthenticate, Duration ttl, LongSupplier clock) {
    this.engineAuthenticate = engineAuthenticate;
    this.ttlNanos = ttl.toNanos();
    this.clock = clock;
  }

  /**
   * The principal's client for an {@code Authorization} header value.
   *
   * @throws Unauthenticated if the header is missing or not a Bearer key, or the engine refuses
   *     the key as unknown or revoked
   * @throws dev.solosuccess.sdk.LimitExceededException if the engine throttles failed attempts
   */
  Bound authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw new Unauthenticated("an API key is required: send Authorization: Bearer <key>");
    }
    if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw new Unauthenticated("the Authorization header must use the Bearer scheme");
    }
    String key = authorization.substring(SCHEME.length()).strip();
    if (key.isEmpty()) {
      throw new Unauthenticated("the Bearer token is empty");
    }
    String hash = sha256(key);
    long now = clock.getAsLong();
    Bound hit = cache.get(hash);
    if (hit != null && now - hit.expiresAtNanos() < 0) {
      return hit;
    }
    SoloClient client;
    try {
      client = engineAuthenticate.apply(key);
    } catch (AccessDeniedException e) {
      cache.remove(hash);
      throw new Unauthenticated(e.getMessage());
    }
    Bound bound = new Bound(client, client.principal(), now + ttlNanos);
    if (ttlNanos > 0) {
      if (cache.size() >= MAX_ENTRIES) {
        cache.values().removeIf(b -> now - b.expiresAtNanos() >= 0);
        if (cache.size() >= MAX_ENTRIES) {
          cache.clear();
        }
      }
      cache.put(hash, bound);
    }
    return bound;
  }

  private static String sha256(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
