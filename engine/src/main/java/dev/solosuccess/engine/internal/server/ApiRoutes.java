package dev.solosuccess.engine.internal.server;

import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.internal.wire.WireMessages;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The JSON API of {@code solo serve} under {@code /api/v1}: one route per method of {@link
 * SoloClient} and its services, in one table ({@link #routes()}) that the server registers and its
 * OpenAPI document is made from. Handlers run as the caller: {@code caller} gives the engine-bound
 * client of the request's API key (the server authenticates before a handler runs), or the
 * break-glass client of the session named in {@value WireMessages#BREAK_GLASS_HEADER}. Handlers
 * throw the engine's exceptions; the server turns them into problems ({@code
 * dev.solosuccess.sdk.internal.wire.Problems}). Thread-safe.
 *
 * <pre>{@code
 * ApiRoutes api = new ApiRoutes(ctx -> ctx.attribute("solo.client"));
 * Javalin.create(config -> api.register(config));
 * }</pre>
 */
public final class ApiRoutes {

  private final List<ApiRoute> routes;

  /** @param caller the authenticated caller's engine-bound client; never null for a request */
  public ApiRoutes(Function<Context, SoloClient> caller) {
    this(caller, Clock.systemUTC());
  }

  ApiRoutes(Function<Context, SoloClient> caller, Clock clock) {
    Objects.requireNonNull(caller, "caller");
    BreakGlassSessions sessions = new BreakGlassSessions(clock);
    Function<Context, SoloClient> principal = ctx -> {
      SoloClient c = caller.apply(ctx);
      if (c == null) {
        throw new AccessDeniedException("the request is not authenticated");
      }
      return c;
    };
    Function<Context, SoloClient> effective = ctx -> {
      SoloClient c = principal.apply(ctx);
      String token = ctx.header(WireMessages.BREAK_GLASS_HEADER);
      return token == null || token.isBlank() ? c : sessions.resolve(token, c);
    };
    List<ApiRoute> all = new ArrayList<>();
    new DocumentRoutes(effective).addTo(all);
    new InferenceRoutes(effective).addTo(all);
    new AdminRoutes(effective, principal, sessions).addTo(all);
    this.routes = List.copyOf(all);
  }

  /** Every route, in a stable order (documents, search and inference, then administration). */
  public List<ApiRoute> routes() {
    return routes;
  }

  /**
   * Adds every route to a Javalin configuration, and keeps multipart uploads in memory up to
   * {@code maxUploadBytes} (Javalin's default spools every part over 1 byte to the temp folder,
   * where a document would outlive its request).
   */
  public void register(JavalinConfig config, int maxUploadBytes) {
    config.jetty.multipartConfig.maxInMemoryFileSize(maxUploadBytes, SizeUnit.BYTES);
    config.jetty.multipartConfig.maxFileSize(maxUploadBytes, SizeUnit.BYTES);
    config.jetty.multipartConfig.maxTotalRequestSize(maxUploadBytes, SizeUnit.BYTES);
    for (ApiRoute r : routes) {
      config.routes.addEndpoint(new Endpoint(r.method(), r.path(), r.handler()));
    }
  }
}
