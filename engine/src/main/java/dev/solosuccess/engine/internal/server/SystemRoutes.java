package dev.solosuccess.engine.internal.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (liveness), {@code /readyz} (the engine open and its index ready), {@code
 * /openapi.json} and {@code /metrics} (Prometheus text; admins and auditors). Thread-safe.
 */
final class SystemRoutes {

  private final BooleanSupplier ready;
  private final Meters meters;
  private final byte[] openApi;

  SystemRoutes(BooleanSupplier ready, Meters meters, String version) {
    this.ready = ready;
    this.meters = meters;
    this.openApi = Json.bytes(OpenApi.document(RouteCatalog.all(), version));
  }

  void register(RoutesConfig routes) {
    routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")), Access.PUBLIC);
    routes.get("/readyz", this::readyz, Access.PUBLIC);
    routes.get(
        "/openapi.json",
        ctx -> ctx.contentType("application/json").result(openApi),
        Access.PUBLIC);
    routes.get(
        "/metrics",
        ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape()),
        Access.OPERATOR);
  }

  private void readyz(Context ctx) {
    boolean ok;
    try {
      ok = ready.getAsBoolean();
    } catch (RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      Problem p = Problem.of(503, "unavailable", "Service unavailable", "the engine is not ready");
      ctx.status(503).header("Retry-After", "1").contentType(Problem.MEDIA_TYPE).result(Json.bytes(p.body()));
      return;
    }
    ctx.json(Map.of("status", "ready"));
  }
}
