package dev.solosuccess.engine.internal.server;

import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.internal.wire.WireMessages;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Break-glass sessions of remote callers. {@code POST /api/v1/break-glass} starts one on the
 * engine ({@code client.breakGlass(reason, ttl)}, audited there) and answers a random token; a call
 * that sends it in {@code X-Solo-Break-Glass} runs on that session's client. A token is bound to
 * the principal that started it: another key's caller sending it is refused. The engine's own
 * client enforces the ttl (and says "expired"); sessions are forgotten a while after it.
 * Thread-safe.
 */
final class BreakGlassSessions {

  /** How long an expired session is kept, so its caller hears the engine's "expired". */
  static final Duration KEEP_AFTER_EXPIRY = Duration.ofMinutes(10);

  private record Session(String principal, SoloClient client, Instant expiresAt) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  BreakGlassSessions(Clock clock) {
    this.clock = clock;
  }

  /** Starts a session (the engine checks the reason, the ttl and the role) and names its token. */
  WireMessages.BreakGlassSession start(SoloClient caller, String reason, Duration ttl) {
    SoloClient glass = caller.breakGlass(reason, ttl);
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    Instant expires = clock.instant().plus(ttl);
    sessions.put(token, new Session(caller.principal().name(), glass, expires));
    forgetExpired();
    return new WireMessages.BreakGlassSession(token, expires);
  }

  /** The client of a session started by the same principal. */
  SoloClient resolve(String token, SoloClient caller) {
    Session s = sessions.get(token.strip());
    if (s == null || !s.principal().equals(caller.principal().name())) {
      throw new AccessDeniedException("no break-glass session with that token for this caller");
    }
    return s.client();
  }

  private void forgetExpired() {
    Instant cutoff = clock.instant().minus(KEEP_AFTER_EXPIRY);
    sessions.values().removeIf(s -> s.expiresAt().isBefore(cutoff));
  }
}
