package dev.solosuccess.sdk;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * One typed metadata value: text, a number or a date. Each has a canonical string form ({@link
 * #asString()}), which is what equality filters compare, so the number {@code 2024} and the text
 * {@code "2024"} are equal to a filter; range filters match numbers and dates only.
 *
 * <pre>{@code
 * MetadataValue.parse("2024");        // Number 2024
 * MetadataValue.parse("2024-01-05");  // Date 2024-01-05T00:00:00Z
 * MetadataValue.parse("00123x");      // Text
 * MetadataValue.parse("string", "00123"); // Text, as given
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface MetadataValue
    permits MetadataValue.Text, MetadataValue.Number, MetadataValue.Date {

  /** The longest text value accepted. */
  int MAX_TEXT_LENGTH = 1024;

  /** The canonical string form: what equality filters compare and what the store keeps. */
  String asString();

  /** {@code string}, {@code number} or {@code date}: the type names of {@link #parse(String, String)}. */
  String type();

  /**
   * Text of at most {@value #MAX_TEXT_LENGTH} characters, none of them a control character.
   *
   * @param value the text, possibly empty
   */
  record Text(String value) implements MetadataValue {
    public Text {
      MetadataValues.checkText(value, null);
    }

    @Override
    public String asString() {
      return value;
    }

    @Override
    public String type() {
      return "string";
    }
  }

  /**
   * A finite number. Integral values below 10<sup>15</sup> print without a fraction ({@code
   * 2024}), others as {@link Double#toString(double)} ({@code 2.5}, {@code 1.0E15}); {@code -0.0}
   * becomes {@code 0.0}.
   *
   * @param value the number, finite
   */
  record Number(double value) implements MetadataValue {
    public Number {
      if (!Double.isFinite(value)) {
        throw new InvalidInputException("metadata number must be finite, got " + value);
      }
      value = value == 0 ? 0.0 : value; // one zero: -0.0 and 0.0 would be different terms
    }

    @Override
    public String asString() {
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        return Long.toString((long) value);
      }
      return Double.toString(value);
    }

    @Override
    public String type() {
      return "number";
    }
  }

  /**
   * A point in time, kept to the millisecond (finer digits are dropped), in the years 0000 to 9999.
   * It prints as an ISO-8601 instant in UTC, such as {@code 2024-01-05T00:00:00Z}.
   *
   * @param value the instant
   */
  record Date(Instant value) implements MetadataValue {
    static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    public Date {
      if (value == null) {
        throw new InvalidInputException("metadata date must not be null");
      }
      if (value.isBefore(MIN) || value.isAfter(MAX)) {
        throw new InvalidInputException(
            "metadata date must lie in the years 0000 to 9999, got " + value);
      }
      value = value.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public String asString() {
      return value.toString();
    }

    @Override
    public String type() {
      return "date";
    }
  }

  /** Text. */
  static MetadataValue text(String value) {
    return new Text(value);
  }

  /** A number. */
  static MetadataValue number(double value) {
    return new Number(value);
  }

  /** A date. */
  static MetadataValue date(Instant value) {
    return new Date(value);
  }

  /**
   * Infers the type of a value typed by a person: an integer or decimal literal ({@code 42},
   * {@code -1.5}, {@code 2e3}) is a number; an ISO date ({@code 2024-01-05}, read as midnight UTC)
   * or date-time with {@code Z} or an offset ({@code 2024-01-05T10:00:00+02:00}) is a date;
   * anything else, including the empty string, is text.
   */
  static MetadataValue parse(String raw) {
    Objects.requireNonNull(raw, "raw");
    if (MetadataValues.NUMBER.matcher(raw).matches()) {
      double d = Double.parseDouble(raw);
      if (Double.isFinite(d)) {
        return new Number(d);
      }
    }
    if (MetadataValues.DATE_START.matcher(raw).lookingAt()) {
      Instant instant = MetadataValues.parseDate(raw);
      if (instant != null && !instant.isBefore(Date.MIN) && !instant.isAfter(Date.MAX)) {
        return new Date(instant);
      }
    }
    return new Text(raw);
  }

  /**
   * Parses {@code raw} as the named type.
   *
   * @param type {@code string}, {@code number} or {@code date}, in any case
   * @throws InvalidInputException naming the value if it is not of that type, or naming the type if
   *     it is not one of the three
   */
  static MetadataValue parse(String type, String raw) {
    Objects.requireNonNull(raw, "raw");
    String t = MetadataValues.checkType(type == null ? null : type.strip()).toLowerCase(Locale.ROOT);
    switch (t) {
      case "string":
        return new Text(raw);
      case "number":
        if (MetadataValues.NUMBER.matcher(raw.strip()).matches()) {
          double d = Double.parseDouble(raw.strip());
          if (Double.isFinite(d)) {
            return new Number(d);
          }
          throw new InvalidInputException("'" + raw + "' is not a finite number");
        }
        throw new InvalidInputException("'" + raw + "' is not a number");
      case "date":
        Instant instant = MetadataValues.parseDate(raw.strip());
        if (instant == null) {
          throw new InvalidInputException(
              "'" + raw + "' is not a date (use 2024-01-05, 2024-01-05T10:00:00Z or"
                  + " 2024-01-05T10:00:00+02:00)");
        }
        return new Date(instant);
      default:
        throw new InvalidInputException(
            "metadata type must be string, number or date, got '" + type + "'");
    }
  }
}
