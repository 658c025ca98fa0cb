package dev.solosuccess.sdk;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/** Parsing and checks shared by {@link MetadataValue}, {@link Metadata} and {@link SearchFilter}. */
final class MetadataValues {

  static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
  static final Pattern DATE_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private MetadataValues() {}

  /** The instant of an ISO date (midnight UTC) or offset date-time; null if it is neither. */
  static Instant parseDate(String raw) {
    try {
      if (raw.length() == 10) {
        return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Checks a type name of {@link MetadataValue#parse(String, String)}. */
  static String checkType(String type) {
    if (type == null
        || !(type.equalsIgnoreCase("string")
            || type.equalsIgnoreCase("number")
            || type.equalsIgnoreCase("date"))) {
      throw new InvalidInputException(
          "metadata type must be string, number or date, got '" + type + "'");
    }
    return type;
  }

  static String checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new InvalidInputException(
          "metadata key must be 1-64 characters of letters, digits, '_', '.', '-', got '" + key + "'");
    }
    return key;
  }

  /** Checks a text value; the message names {@code key} when one is given. */
  static String checkText(String value, String key) {
    String what = key == null ? "metadata value" : "metadata value of '" + key + "'";
    if (value == null) {
      throw new InvalidInputException(what + " must not be null");
    }
    if (value.length() > MetadataValue.MAX_TEXT_LENGTH) {
      throw new InvalidInputException(
          what + " must be at most " + MetadataValue.MAX_TEXT_LENGTH + " characters, got "
              + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidInputException(what + " contains a control character at index " + i);
      }
    }
    return value;
  }
}
