package dev.solosuccess.sdk;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Typed key-value pairs attached to a document: text, numbers and dates ({@link MetadataValue}).
 *
 * <p>Keys are 1 to 64 characters of letters, digits, {@code _ . -}; text values are at most 1,024
 * characters with no control characters. Entries are kept sorted by key. Immutable and thread-safe.
 *
 * <pre>{@code
 * Metadata m = Metadata.of("team", "support")
 *     .with("year", MetadataValue.number(2024))
 *     .with("reviewed", MetadataValue.date(Instant.parse("2024-03-01T00:00:00Z")));
 * Metadata typed = Metadata.parse(List.of("year=2024", "when=2024-03-01", "zip:string=01234"));
 * }</pre>
 *
 * @param entries the entries, sorted by key, unmodifiable
 */
public record Metadata(Map<String, MetadataValue> entries) {

  /** The longest text value accepted. */
  public static final int MAX_VALUE_LENGTH = MetadataValue.MAX_TEXT_LENGTH;

  private static final Metadata EMPTY = new Metadata(Map.of());

  public Metadata {
    if (entries == null) {
      throw new InvalidInputException("metadata entries must not be null");
    }
    TreeMap<String, MetadataValue> sorted = new TreeMap<>();
    for (Map.Entry<String, MetadataValue> e : entries.entrySet()) {
      String key = MetadataValues.checkKey(e.getKey());
      if (e.getValue() == null) {
        throw new InvalidInputException("metadata value of '" + key + "' must not be null");
      }
      sorted.put(key, e.getValue());
    }
    entries = Collections.unmodifiableMap(sorted);
  }

  /** No entries. */
  public static Metadata empty() {
    return EMPTY;
  }

  /** One text entry. */
  public static Metadata of(String key, String value) {
    return of(key, text(key, value));
  }

  /** One entry. */
  public static Metadata of(String key, MetadataValue value) {
    return new Metadata(Collections.singletonMap(key, value));
  }

  /** Two text entries. */
  public static Metadata of(String key1, String value1, String key2, String value2) {
    return new Metadata(Map.of(key1, text(key1, value1), key2, text(key2, value2)));
  }

  /** Text entries, one per map entry. */
  public static Metadata ofText(Map<String, String> entries) {
    if (entries == null) {
      throw new InvalidInputException("metadata entries must not be null");
    }
    TreeMap<String, MetadataValue> map = new TreeMap<>();
    entries.forEach((k, v) -> map.put(MetadataValues.checkKey(k), text(k, v)));
    return new Metadata(map);
  }

  /**
   * Parses pairs as typed on a command line: {@code key=value}, with the type inferred by {@link
   * MetadataValue#parse(String)} ({@code year=2024} is a number, {@code when=2024-03-01} a date,
   * {@code team=hr} text), or {@code key:type=value} with type {@code string}, {@code number} or
   * {@code date} ({@code zip:string=01234} stays text). Key, type and value are stripped of
   * surrounding blanks; the pair splits at its first {@code =}; a later pair of a key wins.
   *
   * @throws InvalidInputException naming the first pair that is not {@code key=value}, has an
   *     unknown type, or a value that is not of its explicit type
   */
  public static Metadata parse(Iterable<String> pairs) {
    TreeMap<String, MetadataValue> map = new TreeMap<>();
    for (String pair : pairs) {
      int eq = pair == null ? -1 : pair.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException(
            "metadata must be key=value or key:type=value, got '" + pair + "'");
      }
      String left = pair.substring(0, eq);
      String raw = pair.substring(eq + 1).strip();
      int colon = left.indexOf(':');
      String key = (colon < 0 ? left : left.substring(0, colon)).strip();
      MetadataValues.checkKey(key);
      map.put(key, colon < 0 ? inferred(key, raw) : typed(key, left.substring(colon + 1), raw));
    }
    return new Metadata(map);
  }

  private static MetadataValue inferred(String key, String raw) {
    MetadataValue value = MetadataValue.parse(raw);
    if (value instanceof MetadataValue.Text) {
      text(key, raw); // the message names the key
    }
    return value;
  }

  /** {@code raw} as {@code type}; errors name the key, e.g. {@code 'abc' is not a number (metadata key year)}. */
  static MetadataValue typed(String key, String type, String raw) {
    if (type.strip().equalsIgnoreCase("string")) {
      return text(key, raw);
    }
    try {
      return MetadataValue.parse(type, raw);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.getMessage() + " (metadata key " + key + ")");
    }
  }

  private static MetadataValue text(String key, String value) {
    return new MetadataValue.Text(MetadataValues.checkText(value, key));
  }

  /** The value under {@code key}, if any. */
  public Optional<MetadataValue> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** The canonical string form of the value under {@code key}, if any. */
  public Optional<String> getString(String key) {
    return get(key).map(MetadataValue::asString);
  }

  /** A copy with one text entry added or replaced. */
  public Metadata with(String key, String value) {
    return with(key, text(key, value));
  }

  /** A copy with one entry added or replaced. */
  public Metadata with(String key, MetadataValue value) {
    TreeMap<String, MetadataValue> map = new TreeMap<>(entries);
    map.put(MetadataValues.checkKey(key), value);
    return new Metadata(map);
  }

  /** A copy with the entries of {@code other} added; {@code other} wins on equal keys. */
  public Metadata merge(Metadata other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    TreeMap<String, MetadataValue> map = new TreeMap<>(entries);
    map.putAll(other.entries);
    return new Metadata(map);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /** {@code {key=value, ...}} with each value in its canonical string form. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    entries.forEach((k, v) -> j.add(k + "=" + v.asString()));
    return j.toString();
  }
}
