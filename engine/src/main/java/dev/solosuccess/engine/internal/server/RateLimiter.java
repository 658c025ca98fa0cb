package dev.solosuccess.engine.internal.server;

import dev.solosuccess.sdk.LimitExceededException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per principal (one API key each): {@code requests} per {@code period}, refilled
 * greedily, in bursts of at most {@code requests}. One key's burst never slows another's. The map
 * holds one small bucket per principal that has called, which the principals table bounds.
 *
 * <p>Thread-safe (Bucket4j's lock-free buckets).
 */
final class RateLimiter {

  private final int requests;
  private final Duration period;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int requests, Duration period) {
    this.requests = requests;
    this.period = period;
  }

  /**
   * Takes one token of {@code principal}'s bucket.
   *
   * @throws LimitExceededException with {@code retryAfter} when the bucket is empty
   */
  void acquire(String principal) {
    Bucket bucket =
        buckets.computeIfAbsent(
            principal,
            p ->
                Bucket.builder()
                    .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, period))
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new LimitExceededException(
          "rate limit of " + requests + " requests per " + period + " reached for this API key",
          "rateLimit",
          requests,
          requests + 1L,
          Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }
  }
}
