package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.server.Meters;

/**
 * Where {@link SoloServer} records its Prometheus metrics (served at {@code /metrics}). Give the
 * same object to the engine as its inference listener, so that model batch sizes and latency are
 * counted too:
 *
 * <pre>{@code
 * ServerMetrics metrics = ServerMetrics.create();
 * SoloEngine engine = SoloEngine.open(
 *     EngineConfig.builder(dir).inferenceListener(metrics.inferenceListener()).build());
 * SoloServer server = SoloServer.start(engine, ServerConfig.builder()...metrics(metrics).build());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ServerMetrics {

  private final Meters meters;

  private ServerMetrics(Meters meters) {
    this.meters = meters;
  }

  /** An empty registry. */
  public static ServerMetrics create() {
    return new ServerMetrics(new Meters());
  }

  /** Records each embedding model run (batch size, latency) and embedding cache hit. */
  public InferenceListener inferenceListener() {
    return meters;
  }

  Meters meters() {
    return meters;
  }
}
