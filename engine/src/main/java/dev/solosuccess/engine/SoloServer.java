package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.server.ServerApp;
import dev.solosuccess.sdk.InvalidInputException;
import java.net.Inet6Address;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code solo serve}: an engine's API over HTTPS. Routes: the SoloClient API under {@code /api/v1}
 * (what {@code SoloClient.connect} calls), OpenAI-compatible {@code /v1/embeddings} and {@code
 * /v1/models}, {@code /healthz}, {@code /readyz}, {@code /openapi.json} and {@code /metrics}.
 *
 * <p>Every call but health, readiness and the OpenAPI document needs {@code Authorization: Bearer
 * <api key>}; the server binds the key's principal with {@link SoloEngine#authenticate(String)}, so
 * roles and access labels apply exactly as in process. Hence the server refuses to start on a data
 * folder whose security is not configured (no principals): it would have no one to check keys
 * against. Errors are RFC 9457 problems ({@code application/problem+json}).
 *
 * <p>The server does not own the engine: {@link #close()} stops listening and serving, and the
 * caller then closes the engine (which waits for calls still in flight). Thread-safe; {@link
 * #close()} is idempotent.
 *
 * <pre>{@code
 * try (SoloEngine engine = SoloEngine.open(config);
 *     SoloServer server = SoloServer.start(engine, ServerConfig.builder()
 *         .port(8443).keyStore(Path.of("server.p12"), password).build())) {
 *   System.out.println("listening on " + server.uri());
 *   server.awaitStop();
 * }
 * }</pre>
 */
public final class SoloServer implements AutoCloseable {

  private final SoloEngine engine;
  private final ServerApp app;
  private final URI uri;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

  private SoloServer(SoloEngine engine, ServerApp app, URI uri) {
    this.engine = engine;
    this.app = app;
    this.uri = uri;
  }

  /**
   * Starts serving {@code engine} as {@code config} says.
   *
   * @throws InvalidInputException if the engine's data folder has no principals (security not
   *     configured), or the key store cannot be read with its password
   * @throws dev.solosuccess.sdk.StorageException if the address cannot be bound
   */
  public static SoloServer start(SoloEngine engine, ServerConfig config) {
    return start(engine, config, List.of());
  }

  /** As {@link #start(SoloEngine, ServerConfig)}, with more routes: for the engine's own tests. */
  static SoloServer start(
      SoloEngine engine,
      ServerConfig config,
      List<Consumer<io.javalin.config.RoutesConfig>> extraRoutes) {
    if (!engine.securityConfigured()) {
      throw new InvalidInputException(
          "the data folder at " + engine.config().dataDir() + " has no principals, so no API key"
              + " could be checked; add an admin first (solo users add NAME --role admin) and"
              + " serve with its or another principal's keys");
    }
    ServerMetrics metrics = config.metrics().orElseGet(ServerMetrics::create);
    List<Consumer<io.javalin.config.RoutesConfig>> routes = new ArrayList<>(extraRoutes);
    ServerApp app =
        ServerApp.start(
            config,
            metrics.meters(),
            new ServerApp.EngineHooks(
                engine::authenticate,
                () -> engine.storedCounts().length == 2,
                engine::passageTokens,
                engine::storedCounts),
            routes);
    String host = config.bindAddress().getHostAddress();
    if (config.bindAddress() instanceof Inet6Address) {
      host = "[" + host.replaceFirst("%.*$", "") + "]";
    }
    URI uri = URI.create((config.plainHttp() ? "http" : "https") + "://" + host + ":" + app.port() + "/");
    return new SoloServer(engine, app, uri);
  }

  /** The base URI, such as {@code https://127.0.0.1:8443/}. */
  public URI uri() {
    return uri;
  }

  /** The port listened on (the one picked when the configuration said 0). */
  public int port() {
    return app.port();
  }

  /** Every route registered, as {@code "GET /healthz"}: for the OpenAPI coverage test. */
  List<String> routes() {
    return app.routes().stream().map(r -> r.method() + " " + r.path()).toList();
  }

  /** The engine served. */
  public SoloEngine engine() {
    return engine;
  }

  /** Blocks until {@link #close()} has stopped the server (from another thread or a hook). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops listening, lets requests in flight finish (up to {@link ServerConfig#stopGrace()}), then
   * stops serving; leaves the engine open. Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        app.stop();
      } finally {
        stopped.countDown();
      }
    }
  }

  @Override
  public String toString() {
    return "SoloServer[" + uri + "]";
  }
}
