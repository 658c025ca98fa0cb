package dev.solosuccess.engine.internal.server;

import static dev.solosuccess.engine.internal.server.Schemas.array;
import static dev.solosuccess.engine.internal.server.Schemas.bool;
import static dev.solosuccess.engine.internal.server.Schemas.enumOf;
import static dev.solosuccess.engine.internal.server.Schemas.integer;
import static dev.solosuccess.engine.internal.server.Schemas.mapOf;
import static dev.solosuccess.engine.internal.server.Schemas.number;
import static dev.solosuccess.engine.internal.server.Schemas.object;
import static dev.solosuccess.engine.internal.server.Schemas.str;

import dev.solosuccess.sdk.AnswerOptions;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.MetadataValue;
import dev.solosuccess.sdk.RedactionOptions;
import dev.solosuccess.sdk.SearchFilter;
import dev.solosuccess.sdk.SearchRequest;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * JSON Schemas of the wire format ({@code dev.solosuccess.sdk.internal.wire.Wire}) made from the
 * Java types of the route table: records by their components, enums by their names, and the types
 * with their own codecs by hand. Stateless; thread-safe.
 */
final class WireSchemas {

  private WireSchemas() {}

  static Map<String, Object> of(Type type) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return array(of(args[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return mapOf(of(args[1]));
      }
      return of(raw);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return str();
    }
    if (c == int.class || c == long.class || c == Integer.class || c == Long.class
        || c == OptionalLong.class) {
      return integer();
    }
    if (c == double.class || c == float.class || c == Double.class || c == Float.class) {
      return number();
    }
    if (c == boolean.class || c == Boolean.class) {
      return bool();
    }
    if (c == float[].class) {
      return array(number());
    }
    if (c == Instant.class) {
      return str("ISO-8601 instant, e.g. 2026-01-05T10:00:00Z");
    }
    if (c == Duration.class) {
      return str("ISO-8601 duration, e.g. PT1.5S");
    }
    if (c.isEnum()) {
      return enumOf(Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name())
          .toArray(String[]::new));
    }
    if (c == MetadataValue.class) {
      return object("type*", enumOf("string", "number", "date"),
          "value*", Schemas.oneOf(number(), str("text, or an ISO-8601 instant for a date")));
    }
    if (c == Metadata.class) {
      return mapOf(of(MetadataValue.class));
    }
    if (c == SearchFilter.class) {
      return object("conditions*", array(object(
          "op*", enumOf("eq", "in", "range"),
          "key*", str(),
          "value", of(MetadataValue.class),
          "values", array(of(MetadataValue.class)),
          "min", of(MetadataValue.class),
          "max", of(MetadataValue.class))));
    }
    if (c == RedactionOptions.class) {
      return object("mode", of(dev.solosuccess.sdk.RedactionMode.class),
          "types", array(of(dev.solosuccess.sdk.PhiType.class)),
          "hashKey", str("base64, at least 16 bytes"), "hashChars", integer(),
          "generalize", bool(), "minConfidence", number());
    }
    if (c.isRecord()) {
      // these two are read with their builders' defaults for what is left out (WireCodecs)
      boolean defaults = c == SearchRequest.class || c == AnswerOptions.class;
      List<Object> props = new ArrayList<>();
      for (RecordComponent rc : c.getRecordComponents()) {
        boolean required = defaults ? rc.getName().equals("query") : rc.getType().isPrimitive();
        props.add(rc.getName() + (required ? "*" : ""));
        props.add(of(rc.getGenericType()));
      }
      return object(props.toArray());
    }
    return Schemas.object();
  }
}
