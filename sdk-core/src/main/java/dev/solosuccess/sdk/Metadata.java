package dev.solosuccess.sdk;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * String key-value pairs attached to a document, and the equality filters of a search.
 *
 * <p>Keys are 1 to 64 characters of letters, digits, {@code _ . -}; values are at most 1,024
 * characters with no control characters. Entries are kept sorted by key. Immutable.
 *
 * @param entries the entries, sorted by key, unmodifiable
 */
public record Metadata(Map<String, String> entries) {

  /** The longest value accepted. */
  public static final int MAX_VALUE_LENGTH = 1024;

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Metadata EMPTY = new Metadata(Map.of());

  public Metadata {
    if (entries == null) {
      throw new InvalidInputException("metadata entries must not be null");
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, String> e : entries.entrySet()) {
      sorted.put(checkKey(e.getKey()), checkValue(e.getKey(), e.getValue()));
    }
    entries = Collections.unmodifiableMap(sorted);
  }

  /** No entries. */
  public static Metadata empty() {
    return EMPTY;
  }

  /** One entry. */
  public static Metadata of(String key, String value) {
    return new Metadata(Map.of(key, value));
  }

  /** Two entries. */
  public static Metadata of(String key1, String value1, String key2, String value2) {
    return new Metadata(Map.of(key1, value1, key2, value2));
  }

  /**
   * Parses {@code key=value} pairs, as typed on a command line.
   *
   * @throws InvalidInputException naming the first pair that is not {@code key=value}
   */
  public static Metadata parse(Iterable<String> pairs) {
    TreeMap<String, String> map = new TreeMap<>();
    for (String pair : pairs) {
      int eq = pair == null ? -1 : pair.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException("metadata must be key=value, got '" + pair + "'");
      }
      map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return new Metadata(map);
  }

  /** The value under {@code key}, if any. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** A copy with one entry added or replaced. */
  public Metadata with(String key, String value) {
    TreeMap<String, String> map = new TreeMap<>(entries);
    map.put(key, value);
    return new Metadata(map);
  }

  /** A copy with the entries of {@code other} added; {@code other} wins on equal keys. */
  public Metadata merge(Metadata other) {
    if (other.isEmpty()) {
      return this;
    }
    TreeMap<String, String> map = new TreeMap<>(entries);
    map.putAll(other.entries);
    return new Metadata(map);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  @Override
  public String toString() {
    return entries.toString();
  }

  private static String checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new InvalidInputException(
          "metadata key must be 1-64 characters of letters, digits, '_', '.', '-', got '" + key + "'");
    }
    return key;
  }

  private static String checkValue(String key, String value) {
    if (value == null) {
      throw new InvalidInputException("metadata value of '" + key + "' must not be null");
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new InvalidInputException(
          "metadata value of '" + key + "' must be at most " + MAX_VALUE_LENGTH
              + " characters, got " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidInputException(
            "metadata value of '" + key + "' contains a control character at index " + i);
      }
    }
    return value;
  }
}
