package dev.solosuccess.engine.internal.server;

import java.util.Map;

/**
 * One route as the OpenAPI document describes it.
 *
 * @param method HTTP method, upper case
 * @param path the path template, {@code {name}} for a parameter
 * @param access who may call it
 * @param summary one line
 * @param requestType media type of the body, or {@code null} for none
 * @param request schema of the body, or {@code null}
 * @param status the status of success
 * @param responseType media type of the success body, or {@code null} for none (204)
 * @param response schema of the success body, or {@code null}
 */
record RouteDoc(
    String method,
    String path,
    Access access,
    String summary,
    String requestType,
    Map<String, Object> request,
    int status,
    String responseType,
    Map<String, Object> response) {

  static final String JSON = "application/json";

  static RouteDoc get(String path, Access access, String summary, Map<String, Object> response) {
    return new RouteDoc("GET", path, access, summary, null, null, 200, JSON, response);
  }

  static RouteDoc post(
      String path,
      Access access,
      String summary,
      Map<String, Object> request,
      Map<String, Object> response) {
    return new RouteDoc("POST", path, access, summary, JSON, request, 200, JSON, response);
  }

  RouteDoc withStatus(int status) {
    return new RouteDoc(method, path, access, summary, requestType, request, status, responseType, response);
  }

  RouteDoc withTypes(String requestType, String responseType) {
    return new RouteDoc(method, path, access, summary, requestType, request, status, responseType, response);
  }
}
