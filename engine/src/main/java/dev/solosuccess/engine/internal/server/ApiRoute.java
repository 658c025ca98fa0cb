package dev.solosuccess.engine.internal.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.lang.reflect.Type;

/**
 * One route of {@code /api/v1}: what the OpenAPI document says of it and the handler that serves
 * it. Immutable.
 *
 * @param method the HTTP method
 * @param path the path, with {@code {name}} parameters (Javalin's syntax, also OpenAPI's)
 * @param summary one line for the OpenAPI document
 * @param requestMediaType {@code application/json}, {@code multipart/form-data}, or null for no body
 * @param request the JSON body's type (null for none; for multipart, the type of its JSON field)
 * @param response the reply's type; {@code Void.class} for 204 No Content
 * @param status the status of a successful reply
 * @param query the query parameters, for the OpenAPI document
 */
public record ApiRoute(
    HandlerType method,
    String path,
    String summary,
    String requestMediaType,
    Type request,
    Type response,
    int status,
    java.util.List<String> query,
    Handler handler) {

  static final String JSON = "application/json";
  static final String MULTIPART = "multipart/form-data";

  public ApiRoute {
    query = java.util.List.copyOf(query);
  }
}
