package dev.solosuccess.engine.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");

  @Test
  void retryAfterInSecondsOrAsAnHttpDate() {
    assertThat(Backoff.retryAfter("7", NOW)).contains(Duration.ofSeconds(7));
    assertThat(Backoff.retryAfter(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(Backoff.retryAfter("Thu, 26 Nov 2026 06:00:30 GMT", NOW))
        .contains(Duration.ofSeconds(30));
    assertThat(Backoff.retryAfter("Thu, 26 Nov 2026 05:59:00 GMT", NOW)).contains(Duration.ZERO);
    assertThat(Backoff.retryAfter("soon", NOW)).isEmpty();
    assertThat(Backoff.retryAfter("-3", NOW)).isEmpty();
    assertThat(Backoff.retryAfter("99999999999999999999999", NOW)).isEmpty();
    assertThat(Backoff.retryAfter(null, NOW)).isEmpty();
  }

  @Test
  void exponentialJitteredBetweenHalfAndAllOfTheStepAndCapped() {
    long seed = new Random().nextLong();
    System.out.println("BackoffTest seed " + seed);
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(seed));
    for (int round = 0; round < 200; round++) {
      for (int retry = 0; retry < 8; retry++) {
        long step = Math.min(100L << retry, 2000);
        long ms = b.delay(retry, null, NOW).toMillis();
        assertThat(ms).as("retry %d, seed %d", retry, seed).isBetween(step / 2, step);
      }
    }
  }

  @Test
  void theServersRetryAfterReplacesTheStepUnlessOverTheCap() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), new Random(1));
    assertThat(b.delay(0, "3", NOW)).isEqualTo(Duration.ofSeconds(3));
    assertThat(b.delay(5, "10", NOW)).isEqualTo(Duration.ofSeconds(10));
    assertThat(b.delay(0, "11", NOW)).isNull();
  }
}
