package dev.solosuccess.sdk;

/**
 * One identifier found and replaced. It holds positions only, never the original characters, so
 * that spans can be logged and stored.
 *
 * @param type what was found
 * @param start its first character in the original text (a UTF-16 index, as {@link
 *     String#substring(int, int)} takes)
 * @param end one past its last character in the original text
 * @param redactedStart the first character of its replacement in {@link Redaction#text()}
 * @param redactedEnd one past the last character of its replacement
 * @param confidence how sure the recognizer is, 0 to 1: checksums and explicit context words score
 *     high, a capitalized word that is only on a name list scores lower
 */
public record PhiSpan(
    PhiType type, int start, int end, int redactedStart, int redactedEnd, double confidence) {

  public PhiSpan {
    if (type == null) {
      throw new NullPointerException("type");
    }
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("a span needs 0 <= start < end, got " + start + ".." + end);
    }
    if (redactedStart < 0 || redactedEnd < redactedStart) {
      throw new IllegalArgumentException(
          "a replacement needs 0 <= start <= end, got " + redactedStart + ".." + redactedEnd);
    }
  }

  /** The length of the original identifier, in UTF-16 characters. */
  public int length() {
    return end - start;
  }
}
