package dev.solosuccess.engine.internal.server;

import tools.jackson.databind.json.JsonMapper;

/**
 * The server's one Jackson 3 mapper: request and response bodies, problems, the OpenAPI document.
 * Javalin gets it too ({@code JavalinJackson3}), so no Jackson 2 is needed. Thread-safe.
 */
final class Json {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  static byte[] bytes(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }
}
