package dev.solosuccess.engine.internal.phi;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words around a span, where recognizers look for context ("MRN", "DOB", "fax"). */
final class Context {

  private Context() {}

  /** A full stop after a word of five letters or more: not "Tel.", "Fax.", "Dr." or "No.". */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\p{L}{5})\\. ");

  /**
   * Up to {@code window} characters before {@code start}, lower-cased, not reaching past a blank
   * line (a new paragraph is new context).
   */
  static String before(String text, int start, int window) {
    int from = Math.max(0, start - window);
    String s = text.substring(from, start);
    int blank = s.lastIndexOf("\n\n");
    if (blank >= 0) {
      s = s.substring(blank + 2);
    }
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * Like {@link #before} but only the current clause: from the last line break, sentence end or
   * semicolon, so that a cue of the previous sentence ("Fax: ...") does not reach this one.
   */
  static String clause(String text, int start, int window) {
    String s = before(text, start, window);
    int cut = Math.max(s.lastIndexOf('\n'), s.lastIndexOf("; "));
    java.util.regex.Matcher m = SENTENCE_END.matcher(s);
    while (m.find()) {
      cut = Math.max(cut, m.start() + 1);
    }
    return cut >= 0 ? s.substring(cut + 1) : s;
  }

  /** Up to {@code window} characters after {@code end}, lower-cased, on the same line. */
  static String after(String text, int end, int window) {
    int to = Math.min(text.length(), end + window);
    String s = text.substring(end, to);
    int nl = s.indexOf('\n');
    if (nl >= 0) {
      s = s.substring(0, nl);
    }
    return s.toLowerCase(Locale.ROOT);
  }

  /** The end of the last match of {@code p} in {@code s}, or -1: the nearest cue wins. */
  static int lastMatchEnd(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int end = -1;
    while (m.find()) {
      end = m.end();
    }
    return end;
  }

  /** Whether the character before {@code start} ends a sentence, line or label. */
  static boolean sentenceStart(String text, int start) {
    int i = start - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i--;
    }
    if (i < 0) {
      return true;
    }
    char c = text.charAt(i);
    return c == '\n' || c == '.' || c == '!' || c == '?' || c == '"' || c == '\u201c'
        || c == '-' || c == '\u2022' || c == '*' || c == '(';
  }
}
