package dev.solosuccess.engine.internal.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;

/**
 * Problems for HTTP-level refusals that carry no engine exception: an unknown route, a method the
 * route does not take, a body over the size limit, a request Jetty could not parse. Their details
 * are fixed texts: the request's path or content never appears. Stateless.
 */
final class HttpProblems {

  private HttpProblems() {}

  static Problem of(HttpResponseException e, Context ctx) {
    return ofStatus(e.getStatus());
  }

  static Problem ofStatus(int status) {
    return switch (status) {
      case 400 -> Problem.of(400, "invalid-input", "Invalid input", "the request is malformed");
      case 401 -> Problem.unauthenticated("an API key is required: send Authorization: Bearer <key>");
      case 403 -> Problem.of(403, "access-denied", "Access denied", "access denied");
      case 404 ->
          new Problem(
              404,
              "not-found",
              "Not found",
              "no such route; see /openapi.json",
              Map.of("kind", "route"),
              Map.of());
      case 405 ->
          Problem.of(
              405,
              "method-not-allowed",
              "Method not allowed",
              "the route does not take this method; see /openapi.json");
      case 408 -> Problem.of(408, "timeout", "Request timeout", "the request took too long to arrive");
      case 413 ->
          new Problem(
              413,
              "limit-exceeded",
              "Limit exceeded",
              "the request body is over the server's size limit",
              Map.of("limit", "maxRequestBytes"),
              Map.of());
      case 414, 431 ->
          new Problem(
              status,
              "limit-exceeded",
              "Limit exceeded",
              status == 414 ? "the request URI is too long" : "the request headers are too large",
              Map.of("limit", status == 414 ? "maxUriLength" : "maxHeaderBytes"),
              Map.of());
      case 415 ->
          Problem.of(
              415, "unsupported-format", "Unsupported format", "the request's content type is not accepted");
      case 503 -> Problem.of(503, "unavailable", "Service unavailable", "the server is not ready");
      default ->
          status >= 500
              ? Problem.of(status, "error", "Internal error", "internal error")
              : Problem.of(status, "invalid-input", "Invalid input", "the request was refused");
    };
  }
}
