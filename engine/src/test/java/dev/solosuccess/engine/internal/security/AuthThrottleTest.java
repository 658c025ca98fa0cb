package dev.solosuccess.engine.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.LimitExceededException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock the test moves: per-key doubling locks, global window. */
class AuthThrottleTest {

  @Test
  void keyLocksDoubleAfterTheFreeFailuresUpToTheMaximum() {
    AtomicLong now = new AtomicLong(1_000_000);
    AuthThrottle t = new AuthThrottle(now::get);
    for (int f = 1; f < AuthThrottle.FREE_FAILURES; f++) {
      assertThat(t.lockedUntil(f)).as("failure %d is free", f).isZero();
    }
    assertThat(t.lockedUntil(5) - now.get()).isEqualTo(1_000);
    assertThat(t.lockedUntil(6) - now.get()).isEqualTo(2_000);
    assertThat(t.lockedUntil(9) - now.get()).isEqualTo(16_000);
    assertThat(t.lockedUntil(1_000) - now.get()).isEqualTo(AuthThrottle.MAX_LOCK.toMillis());

    long until = t.lockedUntil(7);
    assertThatThrownBy(() -> t.checkKey(7, until))
        .isInstanceOf(LimitExceededException.class)
        .satisfies(e -> assertThat(((LimitExceededException) e).retryAfter())
            .contains(Duration.ofMillis(4_000)));
    now.addAndGet(4_000);
    t.checkKey(7, until); // the lock is over
  }

  @Test
  void tooManyFailuresInAMinuteStopEveryAttemptUntilTheWindowMoves() {
    AtomicLong now = new AtomicLong(5_000_000);
    AuthThrottle t = new AuthThrottle(now::get);
    for (int i = 0; i < AuthThrottle.GLOBAL_FAILURES - 1; i++) {
      t.failed();
      now.addAndGet(100);
    }
    t.checkGlobal();
    t.failed();
    assertThatThrownBy(t::checkGlobal)
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("too many failed authentications");
    // The oldest failure leaves the one-minute window 60 s after it happened.
    now.set(5_000_000 + AuthThrottle.WINDOW_MS);
    t.checkGlobal();
  }
}
