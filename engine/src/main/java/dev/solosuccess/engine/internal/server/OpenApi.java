package dev.solosuccess.engine.internal.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of the server, generated from {@link RouteCatalog}: each route with
 * its parameters, body and success schema, the bearer scheme where a key is needed, and the
 * problem body as the default response. Built once; immutable.
 */
final class OpenApi {

  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  private OpenApi() {}

  static Map<String, Object> document(List<RouteDoc> routes, String version) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put(
        "info",
        Map.of(
            "title", "SoloSuccess engine",
            "version", version,
            "description",
                "solo serve: the SoloClient API, OpenAI-compatible embeddings, health and metrics."
                    + " Errors are RFC 9457 problems (application/problem+json)."));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (RouteDoc r : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>) paths.computeIfAbsent(r.path(), p -> new LinkedHashMap<>());
      item.put(r.method().toLowerCase(Locale.ROOT), operation(r));
    }
    doc.put("paths", paths);
    doc.put(
        "components",
        Map.of(
            "securitySchemes",
                Map.of("bearer", Map.of("type", "http", "scheme", "bearer", "description", "an API key from solo users add")),
            "schemas", Map.of("Problem", RouteCatalog.problem())));
    return doc;
  }

  private static Map<String, Object> operation(RouteDoc r) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("summary", r.summary());
    op.put("operationId", operationId(r));
    op.put("security", r.access() == Access.PUBLIC ? List.of() : List.of(Map.of("bearer", List.of())));
    List<Map<String, Object>> params = new ArrayList<>();
    Matcher m = PARAM.matcher(r.path());
    while (m.find()) {
      params.add(
          Map.of("name", m.group(1), "in", "path", "required", true, "schema", Schemas.str()));
    }
    if (!params.isEmpty()) {
      op.put("parameters", params);
    }
    if (r.requestType() != null) {
      op.put(
          "requestBody",
          Map.of(
              "required", true,
              "content", Map.of(r.requestType(), Map.of("schema", r.request() == null ? Schemas.object() : r.request()))));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    Map<String, Object> ok = new LinkedHashMap<>();
    ok.put("description", "success");
    if (r.responseType() != null) {
      ok.put("content", Map.of(r.responseType(), Map.of("schema", r.response())));
    }
    responses.put(Integer.toString(r.status()), ok);
    responses.put(
        "default",
        Map.of(
            "description", "a problem (RFC 9457)",
            "content", Map.of(Problem.MEDIA_TYPE, Map.of("schema", Schemas.ref("Problem")))));
    op.put("responses", responses);
    return op;
  }

  private static String operationId(RouteDoc r) {
    StringBuilder b = new StringBuilder(r.method().toLowerCase(Locale.ROOT));
    for (String part : r.path().split("[/.{}-]+")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return b.toString();
  }
}
