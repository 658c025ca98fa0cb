package dev.solosuccess.engine.internal.parse;

import java.text.Normalizer;

/**
 * Makes extracted text uniform: Unicode NFC, {@code \n} line ends, no control or invisible
 * formatting characters, U+FFFD for a lone surrogate, single spaces within lines, at most one blank line between paragraphs, no
 * leading or trailing blank space.
 */
final class TextNormalizer {

  private TextNormalizer() {}

  static String normalize(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(s.length());
    int newlines = 0; // pending line breaks
    boolean space = false; // pending space within a line
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          continue; // CRLF: the \n follows
        }
        c = '\n';
      }
      if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\f' || c == '\u000B') {
        newlines++;
        space = false;
        continue;
      }
      if (c == '\t' || Character.isSpaceChar(c)) {
        space = true;
        continue;
      }
      if (Character.isISOControl(c) || isInvisible(c)) {
        continue;
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          appendPending(out, newlines, space);
          newlines = 0;
          space = false;
          out.append(c).append(s.charAt(++i));
          continue;
        }
        c = '\uFFFD'; // a lone surrogate is no character: UTF-8 cannot encode it
      }
      appendPending(out, newlines, space);
      newlines = 0;
      space = false;
      out.append(c);
    }
    return out.toString();
  }

  /** The line break or space that stands between the last character and the next. */
  private static void appendPending(StringBuilder out, int newlines, boolean space) {
    if (!out.isEmpty()) {
      if (newlines > 0) {
        out.append(newlines > 1 ? "\n\n" : "\n");
      } else if (space) {
        out.append(' ');
      }
    }
  }

  private static boolean isInvisible(char c) {
    return c == '\u00AD' // soft hyphen
        || c == '\u200B' // zero width space
        || c == '\u200C'
        || c == '\u200D'
        || c == '\u2060'
        || c == '\uFEFF' // byte order mark
        || c == '\uFFFE';
  }
}
