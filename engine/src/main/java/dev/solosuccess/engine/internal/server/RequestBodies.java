package dev.solosuccess.engine.internal.server;

import dev.solosuccess.sdk.InvalidInputException;
import io.javalin.http.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads JSON request bodies; a malformed one is an {@link InvalidInputException}. Stateless. */
final class RequestBodies {

  private RequestBodies() {}

  /**
   * The body as a JSON object. Javalin's size limit applies ({@code ctx.bodyAsBytes()}).
   *
   * @throws InvalidInputException if it is empty, not JSON, or not an object; the message gives
   *     the position only, never the body's text
   */
  static JsonNode object(Context ctx) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      throw new InvalidInputException("the request body is empty; a JSON object is expected");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw malformed(e);
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException("the request body must be a JSON object");
    }
    return node;
  }

  /** The problem of a body Jackson could not read: where, never what. */
  static InvalidInputException malformed(JacksonException e) {
    var loc = e.getLocation();
    String where =
        loc == null || loc.getLineNr() < 0
            ? ""
            : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    return new InvalidInputException("the request body is not valid JSON" + where);
  }
}
