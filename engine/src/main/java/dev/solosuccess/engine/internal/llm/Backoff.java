package dev.solosuccess.engine.internal.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Waits between retries: exponential from an initial delay, each jittered down to between half and
 * all of itself (so that clients failing together do not retry together), capped; a server's
 * {@code Retry-After} (seconds or an HTTP date) takes the place of the computed delay; one longer
 * than the cap ends the retries rather than retrying sooner than the server asked. Thread-safe.
 */
final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final RandomGenerator random;

  Backoff(Duration initial, Duration max, RandomGenerator random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /**
   * The wait before retry number {@code retry} (0 for the first retry), or null when the server
   * asked for a longer wait than the cap allows.
   *
   * @param retryAfter the server's {@code Retry-After} header, or null
   */
  Duration delay(int retry, String retryAfter, Instant now) {
    Optional<Duration> asked = retryAfter(retryAfter, now);
    if (asked.isPresent()) {
      return asked.get().compareTo(max) > 0 ? null : asked.get();
    }
    double exp = initial.toMillis() * Math.pow(2, Math.min(retry, 30));
    double capped = Math.min(exp, max.toMillis());
    double jittered = capped * (0.5 + 0.5 * random.nextDouble());
    return Duration.ofMillis(Math.max(1, Math.round(jittered)));
  }

  /** A {@code Retry-After} value: delay-seconds or an HTTP date (RFC 9110 section 10.2.3). */
  static Optional<Duration> retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException e) {
        return Optional.empty(); // more digits than a long: ignore, use the computed delay
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
