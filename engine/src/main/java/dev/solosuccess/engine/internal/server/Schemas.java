package dev.solosuccess.engine.internal.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small builders of JSON Schema (2020-12, as OpenAPI 3.1 uses) for the route table. Each returns
 * a fresh, ordered map. Stateless.
 */
final class Schemas {

  private Schemas() {}

  static Map<String, Object> str() {
    return type("string");
  }

  static Map<String, Object> str(String description) {
    Map<String, Object> m = str();
    m.put("description", description);
    return m;
  }

  static Map<String, Object> integer() {
    return type("integer");
  }

  static Map<String, Object> number() {
    return type("number");
  }

  static Map<String, Object> bool() {
    return type("boolean");
  }

  static Map<String, Object> array(Map<String, Object> items) {
    Map<String, Object> m = type("array");
    m.put("items", items);
    return m;
  }

  static Map<String, Object> enumOf(String... values) {
    Map<String, Object> m = str();
    m.put("enum", List.of(values));
    return m;
  }

  static Map<String, Object> oneOf(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("oneOf", List.of(a, b));
    return m;
  }

  static Map<String, Object> ref(String component) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("$ref", "#/components/schemas/" + component);
    return m;
  }

  /** A map of string keys to values of {@code values}. */
  static Map<String, Object> mapOf(Map<String, Object> values) {
    Map<String, Object> m = type("object");
    m.put("additionalProperties", values);
    return m;
  }

  /**
   * An object: {@code props} alternate a property name and its schema; names ending in {@code *}
   * are required (the star is dropped).
   */
  static Map<String, Object> object(Object... props) {
    Map<String, Object> m = type("object");
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (int i = 0; i < props.length; i += 2) {
      String name = (String) props[i];
      if (name.endsWith("*")) {
        name = name.substring(0, name.length() - 1);
        required.add(name);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> schema = (Map<String, Object>) props[i + 1];
      properties.put(name, schema);
    }
    m.put("properties", properties);
    if (!required.isEmpty()) {
      m.put("required", required);
    }
    return m;
  }

  private static Map<String, Object> type(String type) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    return m;
  }
}
