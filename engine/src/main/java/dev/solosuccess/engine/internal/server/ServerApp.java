package dev.solosuccess.engine.internal.server;

import dev.solosuccess.engine.ServerConfig;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.StorageException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson3;
import io.javalin.router.Endpoint;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import tools.jackson.core.JacksonException;

/**
 * The Javalin application behind {@code SoloServer}: connectors (TLS or loopback HTTP), the
 * admission filter, authentication and rate limits, problem mapping, metrics, and the routes
 * (system, OpenAI-compatible, and those the caller adds). Every error leaves as an RFC 9457
 * problem; no stack trace or request content reaches a response or the log.
 *
 * <p>Lifecycle: {@link #start} listens; {@link #stop} stops listening and ends the Jetty threads.
 * Thread-safe once started.
 */
public final class ServerApp {

  private static final System.Logger LOG = System.getLogger(ServerApp.class.getName());

  /** The request attribute holding the caller's engine-bound {@link SoloClient}. */
  public static final String CLIENT_ATTRIBUTE = "solo.client";

  private static final String START_ATTRIBUTE = "solo.start";

  /** What the server needs of the engine, without depending on its class. */
  public record EngineHooks(
      Function<String, SoloClient> authenticate,
      java.util.function.BooleanSupplier ready,
      java.util.function.ToIntFunction<String> passageTokens,
      java.util.function.Supplier<long[]> storedCounts) {}

  private final Javalin app;
  private final boolean tls;
  private final List<RouteKey> registered;

  /** A registered route: method and path template. */
  public record RouteKey(String method, String path) {}

  private ServerApp(Javalin app, boolean tls, List<RouteKey> registered) {
    this.app = app;
    this.tls = tls;
    this.registered = registered;
  }

  /**
   * Builds and starts the server.
   *
   * @param extraRoutes registers further routes (the SoloClient API); each needs an API key unless
   *     it names {@link Access#PUBLIC}
   * @throws InvalidInputException if the key store cannot be read with the password
   * @throws StorageException if the address cannot be bound
   */
  public static ServerApp start(
      ServerConfig config,
      Meters meters,
      EngineHooks engine,
      List<Consumer<RoutesConfig>> extraRoutes) {
    List<RouteKey> registered = Collections.synchronizedList(new ArrayList<>());
    Authenticator auth =
        new Authenticator(engine.authenticate(), config.authCacheTtl(), System::nanoTime);
    RateLimiter limiter = new RateLimiter(config.rateLimitRequests(), config.rateLimitPeriod());
    AdmissionFilter admission =
        new AdmissionFilter(config.maxRequestBytes(), config.maxConcurrentRequests());
    Function<Context, SoloClient> caller = ctx -> ctx.attribute(CLIENT_ATTRIBUTE);
    OpenAiRoutes openAi =
        new OpenAiRoutes(caller, engine.passageTokens(), java.time.Instant.now().getEpochSecond());
    SystemRoutes system = new SystemRoutes(engine.ready(), meters, version());

    meters.gauge("solo.documents", "Documents stored", () -> engine.storedCounts().get()[0]);
    meters.gauge("solo.index.chunks", "Chunks stored and indexed", () -> engine.storedCounts().get()[1]);
    meters.gauge("solo.http.in.flight", "Requests being served", admission::inFlight);
    meters.gauge("solo.http.refused.busy", "Requests refused at the concurrency limit", admission::refused);
    UploadsInFlight uploads = new UploadsInFlight();
    meters.gauge("solo.ingest.in.flight", "Document uploads being ingested", uploads::count);

    Javalin app =
        Javalin.create(
            cfg -> {
              configure(cfg, config, admission);
              cfg.events.handlerAdded(
                  h -> {
                    if (h.getHttpMethod().isHttpMethod()) {
                      registered.add(new RouteKey(h.getHttpMethod().name(), h.getPath()));
                    }
                  });
              RoutesConfig routes = cfg.routes;
              routes.before(ctx -> ctx.attribute(START_ATTRIBUTE, System.nanoTime()));
              routes.beforeMatched(ctx -> admit(ctx, auth, limiter, uploads));
              routes.after(ctx -> finish(ctx, meters, uploads));
              routes.exception(Exception.class, (e, ctx) -> problem(ctx, e));
              // Javalin answers an unmatched route or method itself, without an exception.
              for (int status : new int[] {400, 404, 405, 413, 415, 500, 503}) {
                routes.error(status, ServerApp::problemUnlessWritten);
              }
              system.register(routes);
              openAi.register(routes);
              new ApiRoutes(caller, config.maxTopK()).register(routes);
              extraRoutes.forEach(r -> r.accept(routes));
            });
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      throw startFailure(config, e);
    }
    return new ServerApp(app, !config.plainHttp(), List.copyOf(registered));
  }

  private static void configure(JavalinConfig cfg, ServerConfig config, AdmissionFilter admission) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.concurrency.useVirtualThreads = true;
    cfg.http.maxRequestSize = config.maxRequestBytes();
    cfg.http.prefer405over404 = true;
    cfg.http.generateEtags = false;
    cfg.jsonMapper(new JavalinJackson3(Json.MAPPER, true));
    cfg.jetty.multipartConfig.maxTotalRequestSize(config.maxRequestBytes(), io.javalin.config.SizeUnit.BYTES);
    cfg.jetty.multipartConfig.maxFileSize(config.maxRequestBytes(), io.javalin.config.SizeUnit.BYTES);
    ApiRoutes.keepUploadsInMemory(cfg, config.maxRequestBytes());
    cfg.jetty.modifyHttpConfiguration(
        http -> {
          http.setSendServerVersion(false);
          http.setSendXPoweredBy(false);
          http.setMinRequestDataRate(config.minRequestDataRate());
        });
    cfg.jetty.addConnector((server, http) -> Connectors.create(server, http, config));
    cfg.jetty.modifyServletContextHandler(
        handler ->
            handler.addFilter(
                new FilterHolder(admission), "/*", EnumSet.of(DispatcherType.REQUEST)));
    cfg.jetty.modifyServer(
        server -> {
          server.setErrorHandler(new ProblemErrorHandler());
          // Stop waits for requests in flight (Javalin nests its context inside this wrapper);
          // new connections are refused meanwhile.
          server.setHandler(new GracefulHandler());
          server.setStopTimeout(config.stopGrace().toMillis());
        });
  }

  /** Authentication, the operator check and the rate limit, for a matched route. */
  private static void admit(
      Context ctx, Authenticator auth, RateLimiter limiter, UploadsInFlight uploads) {
    var roles = ctx.routeRoles();
    if (roles.contains(Access.PUBLIC)) {
      return;
    }
    Authenticator.Bound bound = auth.authenticate(ctx.header("Authorization"));
    limiter.acquire(bound.principal().name());
    if (roles.contains(Access.OPERATOR)
        && bound.principal().role() != Role.ADMIN
        && bound.principal().role() != Role.AUDITOR) {
      throw new dev.solosuccess.sdk.AccessDeniedException(
          "principal " + bound.principal().name() + " (role " + bound.principal().role()
              + ") may not read the metrics; admins and auditors may");
    }
    ctx.attribute(CLIENT_ATTRIBUTE, bound.client());
    uploads.entered(ctx);
  }

  private static void finish(Context ctx, Meters meters, UploadsInFlight uploads) {
    uploads.left(ctx);
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Content-Type-Options", "nosniff");
    Long start = ctx.attribute(START_ATTRIBUTE);
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    String route = matched == null ? "unmatched" : matched.path;
    if (start != null) {
      meters.request(ctx.method().name(), route, ctx.statusCode(), System.nanoTime() - start);
    }
  }

  private static void problemUnlessWritten(Context ctx) {
    String type = ctx.res().getContentType();
    if (type == null || !type.startsWith(Problem.MEDIA_TYPE)) {
      write(ctx, HttpProblems.ofStatus(ctx.statusCode()));
    }
  }

  /** Writes the problem of {@code e}; logs unexpected failures by type, never their content. */
  static void problem(Context ctx, Exception e) {
    Problem p;
    if (e instanceof HttpResponseException h) {
      p = HttpProblems.of(h, ctx);
    } else if (e instanceof JacksonException j) {
      p = Problem.of(RequestBodies.malformed(j));
    } else {
      p = Problem.of(e);
      if (p.status() == 500) {
        // The stack trace stays in the server's log; messages of engine exceptions name values,
        // never request content, and unknown ones are logged by type and frames only.
        LOG.log(System.Logger.Level.ERROR, "request failed with " + e.getClass().getName(), scrub(e));
      }
    }
    write(ctx, p);
  }

  private static void write(Context ctx, Problem p) {
    if (ctx.path().startsWith("/v1/")) {
      p = p.with("error", openAiError(p));
    }
    ctx.status(p.status());
    p.headers().forEach(ctx::header);
    ctx.contentType(Problem.MEDIA_TYPE);
    ctx.result(Json.bytes(p.body()));
  }

  /** OpenAI clients read {@code error.message}: the same problem, in their words. */
  private static Map<String, Object> openAiError(Problem p) {
    String type =
        switch (p.status()) {
          case 401 -> "authentication_error";
          case 403 -> "permission_error";
          case 404 -> "not_found_error";
          case 429 -> "rate_limit_error";
          default -> p.status() < 500 ? "invalid_request_error" : "server_error";
        };
    return Map.of("message", p.detail(), "type", type, "code", p.code());
  }

  /** The exception's type and frames, without its message or its causes' messages. */
  private static Throwable scrub(Throwable e) {
    Throwable t = new Throwable(e.getClass().getName(), null, false, true) {};
    t.setStackTrace(e.getStackTrace());
    return t;
  }

  private static RuntimeException startFailure(ServerConfig config, RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return new StorageException(
            "cannot listen on " + config.bindAddress().getHostAddress() + ":" + config.port()
                + ": " + t.getMessage(),
            null,
            e);
      }
      if (t instanceof java.io.IOException
          || t instanceof java.security.GeneralSecurityException) {
        if (config.keyStore().isPresent()) {
          return new InvalidInputException(
              "cannot read the key store " + config.keyStore().get()
                  + " (PKCS12, with the given password): " + t.getClass().getSimpleName());
        }
      }
    }
    return e;
  }

  /** The module's version on the module path; the jar's, or "dev", on the class path. */
  private static String version() {
    java.lang.module.ModuleDescriptor d = ServerApp.class.getModule().getDescriptor();
    if (d != null && d.rawVersion().isPresent()) {
      return d.rawVersion().get();
    }
    return java.util.Objects.requireNonNullElse(
        ServerApp.class.getPackage().getImplementationVersion(), "dev");
  }

  /** The port the server listens on. */
  public int port() {
    return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
  }

  public boolean tls() {
    return tls;
  }

  /** Every route registered, in order: the system's, the OpenAI ones, then the extra ones. */
  public List<RouteKey> routes() {
    return registered;
  }

  /** Stops listening and serving; idempotent. */
  public void stop() {
    app.stop();
  }
}
