package dev.solosuccess.engine.internal.security;

import dev.solosuccess.sdk.LimitExceededException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Slows down guessing of API keys. Per key: the first {@value #FREE_FAILURES} failed attempts cost
 * nothing; each further one locks the key for twice as long as the one before (1 s, 2 s, 4 s, ...
 * up to {@link #MAX_LOCK}), during which even the right key is refused; a success clears it. The
 * per-key state lives in the store, so it survives restarts of the CLI. Globally (in memory): after
 * {@value #GLOBAL_FAILURES} failures of any kind within a minute, every attempt is refused until
 * the minute has passed since the oldest of them. Refusals are {@link LimitExceededException}s
 * with a retry-after. Thread-safe (synchronized).
 */
public final class AuthThrottle {

  static final int FREE_FAILURES = 5;
  static final Duration MAX_LOCK = Duration.ofMinutes(15);
  static final int GLOBAL_FAILURES = 100;
  static final long WINDOW_MS = 60_000;

  private final LongSupplier clockMs;
  private final Deque<Long> recentFailures = new ArrayDeque<>();

  public AuthThrottle(LongSupplier clockMs) {
    this.clockMs = clockMs;
  }

  public long now() {
    return clockMs.getAsLong();
  }

  /** Refuses the attempt if the global failure rate is too high. */
  public synchronized void checkGlobal() {
    long now = now();
    while (!recentFailures.isEmpty() && recentFailures.peekFirst() <= now - WINDOW_MS) {
      recentFailures.pollFirst();
    }
    if (recentFailures.size() >= GLOBAL_FAILURES) {
      long wait = recentFailures.peekFirst() + WINDOW_MS - now;
      throw refused(
          "too many failed authentications on this engine (" + recentFailures.size()
              + " in the last minute)",
          "authenticationFailures",
          GLOBAL_FAILURES,
          recentFailures.size(),
          wait);
    }
  }

  /** Refuses the attempt if the key is locked. */
  public void checkKey(int failures, long lockedUntilMs) {
    long wait = lockedUntilMs - now();
    if (wait > 0) {
      throw refused(
          "too many failed attempts with this API key (" + failures + ")",
          "keyFailures",
          FREE_FAILURES,
          failures,
          wait);
    }
  }

  /** Counts a failure globally. */
  public synchronized void failed() {
    recentFailures.addLast(now());
    if (recentFailures.size() > GLOBAL_FAILURES) {
      recentFailures.pollFirst();
    }
  }

  /** The time until which a key with {@code failures} failed attempts is locked. */
  public long lockedUntil(int failures) {
    if (failures < FREE_FAILURES) {
      return 0;
    }
    int doublings = Math.min(failures - FREE_FAILURES, 20);
    long lock = Math.min(1000L << doublings, MAX_LOCK.toMillis());
    return now() + lock;
  }

  private static LimitExceededException refused(
      String what, String limit, long max, long actual, long waitMs) {
    Duration retry = Duration.ofMillis(Math.max(1, waitMs));
    return new LimitExceededException(
        what + "; retry after " + Math.max(1, (waitMs + 999) / 1000) + " s",
        limit,
        max,
        actual,
        retry);
  }
}
