package dev.solosuccess.engine.internal.phi;

import dev.solosuccess.sdk.PhiType;

/**
 * What a recognizer found: a type, the characters {@code [start, end)} of the text, and how sure it
 * is. Holds no text.
 */
record Finding(PhiType type, int start, int end, double confidence) {

  Finding {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  int length() {
    return end - start;
  }

  boolean overlaps(Finding o) {
    return start < o.end && o.start < end;
  }
}
