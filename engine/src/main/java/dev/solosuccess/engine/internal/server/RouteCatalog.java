package dev.solosuccess.engine.internal.server;

import static dev.solosuccess.engine.internal.server.Schemas.array;
import static dev.solosuccess.engine.internal.server.Schemas.bool;
import static dev.solosuccess.engine.internal.server.Schemas.enumOf;
import static dev.solosuccess.engine.internal.server.Schemas.integer;
import static dev.solosuccess.engine.internal.server.Schemas.number;
import static dev.solosuccess.engine.internal.server.Schemas.object;
import static dev.solosuccess.engine.internal.server.Schemas.oneOf;
import static dev.solosuccess.engine.internal.server.Schemas.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table of every route the server answers, in one place: what {@code /openapi.json} publishes.
 * {@code OpenApiTest} checks that each route registered with Javalin appears here, so a route
 * added without its entry fails the build.
 */
final class RouteCatalog {

  private RouteCatalog() {}

  static List<RouteDoc> all() {
    List<RouteDoc> routes = new ArrayList<>(system());
    routes.addAll(openAi());
    routes.addAll(ApiCatalog.routes());
    return routes;
  }

  static List<RouteDoc> system() {
    return List.of(
        RouteDoc.get("/healthz", Access.PUBLIC, "Liveness: the process answers", object("status*", enumOf("ok"))),
        RouteDoc.get(
            "/readyz",
            Access.PUBLIC,
            "Readiness: the engine is open and its index ready (503 problem otherwise)",
            object("status*", enumOf("ready"))),
        RouteDoc.get(
            "/openapi.json",
            Access.PUBLIC,
            "This document (OpenAPI 3.1)",
            object("openapi*", str(), "paths*", Schemas.mapOf(object()))),
        new RouteDoc(
            "GET",
            "/metrics",
            Access.OPERATOR,
            "Prometheus metrics (text exposition 0.0.4); admins and auditors only",
            null,
            null,
            200,
            "text/plain",
            str()));
  }

  static List<RouteDoc> openAi() {
    Map<String, Object> model =
        object("id*", str(), "object*", enumOf("model"), "created*", integer(), "owned_by*", str());
    return List.of(
        RouteDoc.post(
            "/v1/embeddings",
            Access.API_KEY,
            "OpenAI-compatible embeddings of one text or many (the engine's model, as passages)",
            object(
                "input*", oneOf(str(), array(str())),
                "model*", str("the engine's embedding model id (GET /v1/models)"),
                "encoding_format", enumOf("float", "base64"),
                "dimensions", integer(),
                "user", str()),
            object(
                "object*", enumOf("list"),
                "data*",
                    array(
                        object(
                            "object*", enumOf("embedding"),
                            "index*", integer(),
                            "embedding*",
                                oneOf(array(number()), str("base64 of little-endian float32")))),
                "model*", str(),
                "usage*", object("prompt_tokens*", integer(), "total_tokens*", integer()))),
        RouteDoc.get(
            "/v1/models",
            Access.API_KEY,
            "OpenAI-compatible list of models: the engine's embedding model",
            object("object*", enumOf("list"), "data*", array(model))),
        RouteDoc.get("/v1/models/{model}", Access.API_KEY, "One model (404 unless the engine's)", model));
  }

  /** The problem body every failure carries (RFC 9457). */
  static Map<String, Object> problem() {
    Map<String, Object> p =
        object(
            "type*", str(),
            "title*", str(),
            "status*", integer(),
            "detail*", str(),
            "code*", str("invalid-input, unauthenticated, access-denied, not-found, ..."),
            "kind", str(),
            "id", str(),
            "source", str(),
            "format", str(),
            "limit", str(),
            "limitValue", integer(),
            "actual", integer(),
            "retryAfterSeconds", integer(),
            "host", str(),
            "upstreamStatus", integer(),
            "retriable", bool(),
            "modelId", str());
    return p;
  }
}
