package dev.solosuccess.sdk.internal.wire;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.MetadataValue;
import dev.solosuccess.sdk.RedactionOptions;
import dev.solosuccess.sdk.SearchFilter;
import dev.solosuccess.sdk.SoloException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON wire format of {@code solo serve}: one mapper shared by the server's routes (engine) and
 * the remote client (sdk-core), so both sides read and write the SDK's value types the same way.
 *
 * <p>Records travel as Jackson writes them (component names, {@code Instant} and {@code Duration} as
 * ISO-8601 strings, enums by name, {@code float[]} as shortest round-tripping decimals, so a vector
 * comes back bit for bit). The types whose shape Jackson cannot infer have their own codecs ({@link
 * WireCodecs}): {@link MetadataValue} as {@code {"type","value"}}, {@link Metadata} as an object of
 * those, {@link SearchFilter} as a list of {@code op}-tagged conditions, {@link RedactionOptions}
 * through its builder. Unknown properties are ignored, so an older client reads a newer server.
 *
 * <p>Decoding runs the value types' own constructors: a value the SDK would refuse is refused with
 * the same {@link InvalidInputException} and message. Thread-safe; stateless.
 */
public final class Wire {

  private static final JsonMapper JSON = build(false);

  private Wire() {}

  /** The shared mapper. */
  public static JsonMapper json() {
    return JSON;
  }

  /** The mapper that fails on properties it does not know (tests use it to catch stray fields). */
  public static JsonMapper strict() {
    return build(true);
  }

  private static JsonMapper build(boolean strict) {
    SimpleModule module = new SimpleModule("solo-wire");
    WireCodecs.register(module);
    return JsonMapper.builder()
        .addModule(module)
        .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
  }

  /** The JSON of a value, UTF-8. */
  public static byte[] write(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JacksonException e) {
      throw new SoloException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * Reads a value.
   *
   * @throws SoloException the value type's own exception (e.g. {@link InvalidInputException} with
   *     its message) if its constructor refused the value, else an {@link InvalidInputException}
   *     naming the type and where the JSON is malformed (never quoting it)
   */
  public static <T> T read(byte[] json, Class<T> type) {
    return read(json, JSON.constructType(type));
  }

  /** Reads a generic value ({@code List<Document>}, say); see {@link #read(byte[], Class)}. */
  public static <T> T read(byte[] json, TypeReference<T> type) {
    return read(json, JSON.constructType(type));
  }

  private static <T> T read(byte[] json, JavaType type) {
    try {
      return JSON.readValue(json, type);
    } catch (JacksonException e) {
      throw refusal(e, type);
    }
  }

  /** The exception a failed read stands for: the SDK's own when a constructor refused the value. */
  static RuntimeException refusal(JacksonException e, JavaType type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SoloException s) {
        return s;
      }
    }
    // Jackson's own message may quote the offending value, which may be document text: name only
    // the type and the property path
    String path = e.getPathReference();
    String what = type.getRawClass().getSimpleName();
    return new InvalidInputException(
        "malformed JSON for " + what
            + (path == null || path.isBlank() ? "" : " at " + path.replaceAll("^.*?\\[", "["))
            + " (" + e.getClass().getSimpleName() + ")");
  }
}
