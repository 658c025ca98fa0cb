package dev.solosuccess.engine.internal.server;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.internal.wire.Wire;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.type.TypeReference;

/** Reading requests and writing replies in the wire format. Stateless; thread-safe. */
final class Calls {

  private Calls() {}

  static <T> T body(Context ctx, Class<T> type) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      throw new InvalidInputException("the request needs a JSON body (" + type.getSimpleName() + ")");
    }
    return Wire.read(bytes, type);
  }

  static <T> T body(Context ctx, TypeReference<T> type) {
    return Wire.read(ctx.bodyAsBytes(), type);
  }

  static void reply(Context ctx, Object value) {
    reply(ctx, 200, value);
  }

  static void reply(Context ctx, int status, Object value) {
    ctx.status(status).contentType(ApiRoute.JSON).result(Wire.write(value));
  }

  static void noContent(Context ctx) {
    ctx.status(204);
  }

  static long longParam(Context ctx, String name, long fallback) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + " must be a whole number, got '" + v + "'");
    }
  }

  static int intParam(Context ctx, String name, int fallback) {
    long v = longParam(ctx, name, fallback);
    if (v != (int) v) {
      throw new InvalidInputException(name + " is out of range: " + v);
    }
    return (int) v;
  }

  static Instant instantParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    try {
      return v == null ? null : Instant.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          name + " must be an ISO-8601 instant (2026-01-05T10:00:00Z), got '" + v + "'");
    }
  }
}
