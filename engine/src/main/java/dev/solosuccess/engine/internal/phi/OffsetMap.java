package dev.solosuccess.engine.internal.phi;

import dev.solosuccess.sdk.PhiSpan;
import java.util.List;

/**
 * Converts character offsets between an original text and its redaction. An offset inside a
 * replaced span goes to the span's start when it starts something and to its end when it ends
 * something, so a range never loses a piece of what it covered. Immutable.
 */
public final class OffsetMap {

  private final List<PhiSpan> spans;

  /** The map of a redaction's spans (in text order, as {@link dev.solosuccess.sdk.Redaction} holds them). */
  public OffsetMap(List<PhiSpan> spans) {
    this.spans = List.copyOf(spans);
  }

  /** An original offset in the redacted text. */
  public int toRedacted(int offset, boolean isEnd) {
    return convert(offset, isEnd, true);
  }

  /** A redacted offset in the original text. */
  public int toOriginal(int offset, boolean isEnd) {
    return convert(offset, isEnd, false);
  }

  private int convert(int offset, boolean isEnd, boolean forward) {
    int lo = 0;
    int hi = spans.size() - 1;
    int last = -1; // the last span starting before offset
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int start = forward ? spans.get(mid).start() : spans.get(mid).redactedStart();
      if (start < offset) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (last < 0) {
      return offset;
    }
    PhiSpan s = spans.get(last);
    int fromEnd = forward ? s.end() : s.redactedEnd();
    int toStart = forward ? s.redactedStart() : s.start();
    int toEnd = forward ? s.redactedEnd() : s.end();
    if (offset >= fromEnd) {
      return toEnd + (offset - fromEnd);
    }
    return isEnd ? toEnd : toStart; // inside the span: keep all of it in the range
  }
}
