package dev.solosuccess.engine.internal.server;

import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.internal.wire.WireMessages;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.config.RoutesConfig;
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
 * ApiRoutes api = new ApiRoutes(ctx -> ctx.attribute("solo.client"), 1000);
 * Javalin.create(config -> api.register(config.routes));
 * }</pre>
 */
public final class ApiRoutes {

  private final List<ApiRoute> routes;

  /**
   * @param caller the authenticated caller's engine-bound client; never null for a request
   * @param maxTopK the most hits (or answer chunks) one call may ask for on this server
   */
  public ApiRoutes(Function<Context, SoloClient> caller, int maxTopK) {
    this(caller, maxTopK, Clock.systemUTC());
  }

  ApiRoutes(Function<Context, SoloClient> caller, int maxTopK, Clock clock) {
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
    new InferenceRoutes(effective, maxTopK).addTo(all);
    new AdminRoutes(effective, principal, sessions).addTo(all);
    this.routes = List.copyOf(all);
  }

  /** Every route, in a stable order (documents, search and inference, then administration). */
  public List<ApiRoute> routes() {
    return routes;
  }

  /** Adds every route, each needing an API key ({@link Access#API_KEY}). */
  public void register(RoutesConfig config) {
    for (ApiRoute r : routes) {
      switch (r.method().name()) {
        case "GET" -> config.get(r.path(), r.handler(), Access.API_KEY);
        case "POST" -> config.post(r.path(), r.handler(), Access.API_KEY);
        case "DELETE" -> config.delete(r.path(), r.handler(), Access.API_KEY);
        default -> throw new IllegalStateException("no registration for " + r.method());
      }
    }
  }

  /**
   * Keeps multipart uploads in memory up to {@code maxBytes}: Javalin's default spools every part
   * over 1 byte to the temp folder, where a document would outlive its request.
   */
  public static void keepUploadsInMemory(JavalinConfig config, long maxBytes) {
    config.jetty.multipartConfig.maxInMemoryFileSize(
        (int) Math.min(Integer.MAX_VALUE, maxBytes), SizeUnit.BYTES);
  }

  /** The OpenAPI entries of the routes. */
  static List<RouteDoc> docs() {
    List<RouteDoc> docs = new ArrayList<>();
    for (ApiRoute r : new ApiRoutes(ctx -> null, Integer.MAX_VALUE).routes()) {
      boolean noContent = r.response() == Void.class;
      java.util.Map<String, Object> request = r.request() == null ? null
          : ApiRoute.MULTIPART.equals(r.requestMediaType())
              ? Schemas.object(multipartField(r) + "*", WireSchemas.of(r.request()),
                  "file*", Schemas.str("the document's bytes (one part per source)"))
              : WireSchemas.of(r.request());
      docs.add(new RouteDoc(r.method().name(), r.path(), Access.API_KEY, r.summary(),
          r.requestMediaType(), request, r.status(), noContent ? null : ApiRoute.JSON,
          noContent ? null : WireSchemas.of(r.response())));
    }
    return docs;
  }

  private static String multipartField(ApiRoute r) {
    return r.request() == WireMessages.SourcePart.class
        ? WireMessages.SOURCE_FIELD : WireMessages.REQUEST_FIELD;
  }
}
