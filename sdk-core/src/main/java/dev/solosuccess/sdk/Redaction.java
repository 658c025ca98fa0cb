package dev.solosuccess.sdk;

import java.util.List;

/**
 * A text with its identifiers replaced, and where they were. Immutable.
 *
 * @param text the redacted text
 * @param spans the replaced identifiers in text order, none overlapping; each gives its place in
 *     the original text and in {@code text}
 */
public record Redaction(String text, List<PhiSpan> spans) {

  public Redaction {
    if (text == null) {
      throw new NullPointerException("text");
    }
    spans = List.copyOf(spans);
  }

  /** How many identifiers of a type were replaced. */
  public long count(PhiType type) {
    return spans.stream().filter(s -> s.type() == type).count();
  }
}
