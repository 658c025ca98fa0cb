package dev.solosuccess.sdk.internal.wire;

import dev.solosuccess.sdk.AnswerOptions;
import dev.solosuccess.sdk.Generation;
import dev.solosuccess.sdk.Grouping;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.MetadataValue;
import dev.solosuccess.sdk.PhiType;
import dev.solosuccess.sdk.RedactionMode;
import dev.solosuccess.sdk.RedactionOptions;
import dev.solosuccess.sdk.SearchFilter;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The codecs of the value types whose JSON shape is not their record components: sealed {@link
 * MetadataValue}, {@link Metadata}, {@link SearchFilter} and the builder-made {@link
 * RedactionOptions}; and the readers of {@link SearchRequest} and {@link AnswerOptions}, which
 * take the builders' defaults for what a request leaves out. Stateless; thread-safe.
 *
 * <pre>
 * MetadataValue  {"type":"number","value":3.5}  {"type":"date","value":"2024-01-05T00:00:00Z"}
 *                (a bare JSON string or number is read as text or a number, for curl users)
 * Metadata       {"dept":{"type":"string","value":"cardiology"}, ...}
 * SearchFilter   {"conditions":[{"op":"eq","key":"dept","value":MV},
 *                               {"op":"in","key":"year","values":[MV, ...]},
 *                               {"op":"range","key":"year","min":MV,"max":null}]}
 * </pre>
 */
final class WireCodecs {

  private WireCodecs() {}

  static void register(SimpleModule m) {
    m.addSerializer(MetadataValue.class, new ValueSerializer<>() {
      @Override
      public void serialize(MetadataValue v, JsonGenerator g, SerializationContext c) {
        writeValue(v, g);
      }
    });
    m.addDeserializer(MetadataValue.class, new ValueDeserializer<>() {
      @Override
      public MetadataValue deserialize(JsonParser p, DeserializationContext c) {
        return value(c.readTree(p), "metadata value");
      }
    });
    m.addSerializer(Metadata.class, new ValueSerializer<>() {
      @Override
      public void serialize(Metadata md, JsonGenerator g, SerializationContext c) {
        g.writeStartObject();
        for (Map.Entry<String, MetadataValue> e : md.entries().entrySet()) {
          g.writeName(e.getKey());
          writeValue(e.getValue(), g);
        }
        g.writeEndObject();
      }
    });
    m.addDeserializer(Metadata.class, new ValueDeserializer<>() {
      @Override
      public Metadata deserialize(JsonParser p, DeserializationContext c) {
        return metadata(c.readTree(p));
      }
    });
    m.addSerializer(SearchFilter.class, new ValueSerializer<>() {
      @Override
      public void serialize(SearchFilter f, JsonGenerator g, SerializationContext c) {
        writeFilter(f, g);
      }
    });
    m.addDeserializer(SearchFilter.class, new ValueDeserializer<>() {
      @Override
      public SearchFilter deserialize(JsonParser p, DeserializationContext c) {
        return filter(c.readTree(p));
      }
    });
    // requests fill what they leave out with the builders' defaults, so curl users may send
    // {"query":"refund window"}; the records' own checks still run
    m.addDeserializer(SearchRequest.class, new ValueDeserializer<>() {
      @Override
      public SearchRequest deserialize(JsonParser p, DeserializationContext c) {
        return searchRequest(c.readTree(p));
      }
    });
    m.addDeserializer(AnswerOptions.class, new ValueDeserializer<>() {
      @Override
      public AnswerOptions deserialize(JsonParser p, DeserializationContext c) {
        return answerOptions(c.readTree(p));
      }
    });
    m.addSerializer(RedactionOptions.class, new ValueSerializer<>() {
      @Override
      public void serialize(RedactionOptions o, JsonGenerator g, SerializationContext c) {
        g.writeStartObject();
        g.writeStringProperty("mode", o.mode().name());
        g.writeArrayPropertyStart("types");
        for (PhiType t : o.types()) {
          g.writeString(t.name());
        }
        g.writeEndArray();
        byte[] key = o.hashKey();
        if (key != null) {
          g.writeStringProperty("hashKey", Base64.getEncoder().encodeToString(key));
        }
        g.writeNumberProperty("hashChars", o.hashChars());
        g.writeBooleanProperty("generalize", o.generalize());
        g.writeNumberProperty("minConfidence", o.minConfidence());
        g.writeEndObject();
      }
    });
    m.addDeserializer(RedactionOptions.class, new ValueDeserializer<>() {
      @Override
      public RedactionOptions deserialize(JsonParser p, DeserializationContext c) {
        return redaction(c.readTree(p));
      }
    });
  }

  static void writeValue(MetadataValue v, JsonGenerator g) {
    g.writeStartObject();
    g.writeStringProperty("type", v.type());
    switch (v) {
      case MetadataValue.Text t -> g.writeStringProperty("value", t.value());
      case MetadataValue.Number n -> g.writeNumberProperty("value", n.value());
      case MetadataValue.Date d -> g.writeStringProperty("value", d.value().toString());
    }
    g.writeEndObject();
  }

  static MetadataValue value(JsonNode n, String what) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      throw new InvalidInputException(what + " must not be null");
    }
    if (n.isString()) {
      return MetadataValue.text(n.stringValue());
    }
    if (n.isNumber()) {
      return MetadataValue.number(n.doubleValue());
    }
    if (!n.isObject()) {
      throw new InvalidInputException(what + " must be an object {\"type\",\"value\"}, a string or"
          + " a number, got a JSON " + n.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    String type = text(n, "type", what);
    JsonNode value = n.get("value");
    if (value == null || value.isNull()) {
      throw new InvalidInputException(what + " has no value");
    }
    return switch (type) {
      case "string" -> MetadataValue.text(value.asString());
      case "number" -> value.isNumber()
          ? MetadataValue.number(value.doubleValue())
          : MetadataValue.parse("number", value.asString());
      case "date" -> {
        try {
          yield MetadataValue.date(Instant.parse(value.asString()));
        } catch (DateTimeParseException e) {
          yield MetadataValue.parse("date", value.asString());
        }
      }
      default -> throw new InvalidInputException(
          "metadata type must be string, number or date, got '" + type + "'");
    };
  }

  static Metadata metadata(JsonNode n) {
    if (n == null || n.isNull()) {
      return Metadata.empty();
    }
    if (!n.isObject()) {
      throw new InvalidInputException("metadata must be a JSON object");
    }
    Map<String, MetadataValue> entries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      entries.put(e.getKey(), value(e.getValue(), "metadata '" + e.getKey() + "'"));
    }
    return new Metadata(entries);
  }

  static void writeFilter(SearchFilter f, JsonGenerator g) {
    g.writeStartObject();
    g.writeArrayPropertyStart("conditions");
    for (SearchFilter.Condition c : f.conditions()) {
      g.writeStartObject();
      switch (c) {
        case SearchFilter.Equals e -> {
          g.writeStringProperty("op", "eq");
          g.writeStringProperty("key", e.key());
          g.writeName("value");
          writeValue(e.value(), g);
        }
        case SearchFilter.In in -> {
          g.writeStringProperty("op", "in");
          g.writeStringProperty("key", in.key());
          g.writeArrayPropertyStart("values");
          for (MetadataValue v : in.values()) {
            writeValue(v, g);
          }
          g.writeEndArray();
        }
        case SearchFilter.Range r -> {
          g.writeStringProperty("op", "range");
          g.writeStringProperty("key", r.key());
          writeBound("min", r.min(), g);
          writeBound("max", r.max(), g);
        }
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeBound(String name, MetadataValue bound, JsonGenerator g) {
    g.writeName(name);
    if (bound == null) {
      g.writeNull();
    } else {
      writeValue(bound, g);
    }
  }

  static SearchFilter filter(JsonNode n) {
    if (n == null || n.isNull()) {
      return SearchFilter.none();
    }
    JsonNode list = n.isArray() ? n : n.get("conditions");
    if (list == null || list.isNull()) {
      return SearchFilter.none();
    }
    if (!list.isArray()) {
      throw new InvalidInputException("filter conditions must be a JSON array");
    }
    List<SearchFilter.Condition> conditions = new ArrayList<>();
    for (JsonNode c : list.values()) {
      String op = text(c, "op", "filter condition");
      String key = text(c, "key", "filter condition");
      conditions.add(switch (op) {
        case "eq" -> new SearchFilter.Equals(key, value(c.get("value"), "filter value of '" + key + "'"));
        case "in" -> {
          JsonNode values = c.get("values");
          if (values == null || !values.isArray()) {
            throw new InvalidInputException("filter on '" + key + "' needs a values array");
          }
          Set<MetadataValue> set = new LinkedHashSet<>();
          for (JsonNode v : values.values()) {
            set.add(value(v, "filter values of '" + key + "'"));
          }
          yield new SearchFilter.In(key, set);
        }
        case "range" -> new SearchFilter.Range(key, bound(c.get("min"), key), bound(c.get("max"), key));
        default -> throw new InvalidInputException(
            "filter op must be eq, in or range, got '" + op + "'");
      });
    }
    return new SearchFilter(conditions);
  }

  private static MetadataValue bound(JsonNode n, String key) {
    return n == null || n.isNull() ? null : value(n, "range bound of '" + key + "'");
  }

  static SearchRequest searchRequest(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new InvalidInputException("a search request must be a JSON object");
    }
    JsonNode q = n.get("query");
    SearchRequest.Builder b = SearchRequest.builder(q == null || q.isNull() ? null : q.asString());
    if (n.hasNonNull("mode")) {
      b.mode(enumOf(SearchMode.class, n.get("mode").asString(), "search mode"));
    }
    if (n.hasNonNull("limit")) {
      b.limit(intOf(n.get("limit"), "limit"));
    }
    if (n.hasNonNull("filter")) {
      b.filter(filter(n.get("filter")));
    }
    if (n.hasNonNull("grouping")) {
      b.grouping(enumOf(Grouping.class, n.get("grouping").asString(), "grouping"));
    }
    return b.build();
  }

  static AnswerOptions answerOptions(JsonNode n) {
    AnswerOptions.Builder b = AnswerOptions.builder();
    if (n == null || n.isNull()) {
      return b.build();
    }
    if (n.hasNonNull("chunks")) {
      b.chunks(intOf(n.get("chunks"), "chunks"));
    }
    if (n.hasNonNull("sentences")) {
      b.sentences(intOf(n.get("sentences"), "sentences"));
    }
    if (n.hasNonNull("threshold")) {
      b.threshold(n.get("threshold").asDouble());
    }
    if (n.hasNonNull("generation")) {
      b.generation(enumOf(Generation.class, n.get("generation").asString(), "generation"));
    }
    if (n.hasNonNull("filter")) {
      b.filter(filter(n.get("filter")));
    }
    return b.build();
  }

  private static int intOf(JsonNode n, String what) {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw new InvalidInputException(what + " must be a whole number, got " + n);
    }
    return n.intValue();
  }

  static RedactionOptions redaction(JsonNode n) {
    RedactionOptions.Builder b = RedactionOptions.builder();
    if (n == null || n.isNull()) {
      return b.build();
    }
    if (n.hasNonNull("mode")) {
      b.mode(enumOf(RedactionMode.class, n.get("mode").asString(), "redaction mode"));
    }
    if (n.hasNonNull("types")) {
      Set<PhiType> types = EnumSet.noneOf(PhiType.class);
      for (JsonNode t : n.get("types").values()) {
        types.add(enumOf(PhiType.class, t.asString(), "PHI type"));
      }
      b.types(types);
    }
    if (n.hasNonNull("hashKey")) {
      try {
        b.hashKey(Base64.getDecoder().decode(n.get("hashKey").asString()));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("hashKey must be base64");
      }
    }
    if (n.hasNonNull("hashChars")) {
      b.hashChars(n.get("hashChars").intValue());
    }
    if (n.hasNonNull("generalize")) {
      b.generalize(n.get("generalize").booleanValue());
    }
    if (n.hasNonNull("minConfidence")) {
      b.minConfidence(n.get("minConfidence").doubleValue());
    }
    return b.build();
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String name, String what) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException(what + " must be one of " + EnumSet.allOf(type) + ", got '"
          + name + "'");
    }
  }

  private static String text(JsonNode n, String field, String what) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || !v.isString()) {
      throw new InvalidInputException(what + " needs a string '" + field + "'");
    }
    return v.stringValue();
  }
}
