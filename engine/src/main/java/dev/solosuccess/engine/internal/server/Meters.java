package dev.solosuccess.engine.internal.server;

import dev.solosuccess.engine.InferenceListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The server's metrics in a Prometheus registry (Micrometer): requests per route template, method
 * and status with their latency; model batch sizes and latency (as the engine's {@link
 * InferenceListener}); gauges of stored documents and chunks, requests and uploads in flight.
 * Route templates ({@code /api/v1/documents/{id}}), never raw paths, so a document id never
 * becomes a label.
 *
 * <p>Thread-safe.
 */
public final class Meters implements InferenceListener {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** A route's request: its latency, with method, template and status as tags. */
  void request(String method, String route, int status, long nanos) {
    Timer.builder("solo.http.server.requests")
        .description("HTTP requests by route template")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .publishPercentileHistogram(false)
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  @Override
  public void embedded(String modelId, int inputs, Duration elapsed) {
    DistributionSummary.builder("solo.model.batch.size")
        .description("Texts per embedding model run")
        .tag("model", modelId)
        .register(registry)
        .record(inputs);
    Timer.builder("solo.model.latency")
        .description("Tokenization and model time per embedding run")
        .tag("model", modelId)
        .register(registry)
        .record(elapsed);
  }

  @Override
  public void embeddedFromCache(String modelId, int inputs) {
    Counter.builder("solo.model.cache.hits")
        .description("Texts answered from the embedding cache")
        .tag("model", modelId)
        .register(registry)
        .increment(inputs);
  }

  /** A gauge read at each scrape; NaN when {@code value} throws (the engine closed). */
  void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(
            name,
            value,
            v -> {
              try {
                return v.get().doubleValue();
              } catch (RuntimeException e) {
                return Double.NaN;
              }
            })
        .description(description)
        .strongReference(true) // the supplier lives only here; a weak one reads NaN after a GC
        .register(registry);
  }

  /** The Prometheus text exposition of every meter. */
  String scrape() {
    return registry.scrape();
  }
}
