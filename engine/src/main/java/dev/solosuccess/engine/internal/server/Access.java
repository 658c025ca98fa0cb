package dev.solosuccess.engine.internal.server;

import io.javalin.security.RouteRole;

/**
 * Who may call a route, as a Javalin route role. A route registered without one needs an API key
 * (so that a route added later is never public by mistake); the engine-bound client then enforces
 * the principal's role and labels.
 */
enum Access implements RouteRole {
  /** No key: liveness, readiness, the OpenAPI document. */
  PUBLIC,
  /** Any valid API key (the default). */
  API_KEY,
  /** A key of an admin or an auditor: the metrics. */
  OPERATOR
}
