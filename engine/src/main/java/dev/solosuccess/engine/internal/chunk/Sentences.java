package dev.solosuccess.engine.internal.chunk;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits text into sentence-like units. {@link BreakIterator} finds sentences within running prose
 * but ignores line structure, so lines are grouped first: a blank line always ends a group, and so
 * does a line that ends a sentence, looks like a heading, is a table row, or precedes a list item. Hard-wrapped
 * lines of one sentence stay together.
 */
public final class Sentences {

  private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*•+]|\\d{1,3}[.)])\\s+.*");
  private static final int SHORT_LINE = 40;

  private Sentences() {}

  /** Trimmed, non-empty sentence ranges {@code [start, end)} of {@code text[from, to)}. */
  public static List<int[]> split(String text, int from, int to) {
    List<int[]> sentences = new ArrayList<>();
    BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    for (int[] group : lineGroups(text, from, to)) {
      String part = text.substring(group[0], group[1]);
      iterator.setText(part);
      int start = iterator.first();
      for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
        addTrimmed(text, group[0] + start, group[0] + end, sentences);
      }
    }
    return sentences;
  }

  private static List<int[]> lineGroups(String text, int from, int to) {
    List<int[]> groups = new ArrayList<>();
    int groupStart = from;
    int lineStart = from;
    while (lineStart < to) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 || nl >= to ? to : nl;
      int next = lineEnd + 1;
      boolean last = lineEnd >= to;
      boolean blankNext = !last && next < to && text.charAt(next) == '\n';
      String line = text.substring(lineStart, lineEnd);
      if (last || blankNext || endsGroup(line, text, next, to)) {
        groups.add(new int[] {groupStart, lineEnd});
        groupStart = next;
      }
      lineStart = next;
    }
    return groups;
  }

  private static boolean endsGroup(String line, String text, int nextStart, int to) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.length() < SHORT_LINE || trimmed.contains(" | ")) {
      return true; // short lines are headings or list items; table rows stand alone
    }
    char lastChar = trimmed.charAt(trimmed.length() - 1);
    if (".!?:;".indexOf(lastChar) >= 0) {
      return true;
    }
    int nextEnd = text.indexOf('\n', nextStart);
    String nextLine = text.substring(nextStart, nextEnd < 0 || nextEnd > to ? to : nextEnd);
    return LIST_ITEM.matcher(nextLine).matches();
  }

  private static void addTrimmed(String text, int start, int end, List<int[]> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (start < end) {
      out.add(new int[] {start, end});
    }
  }
}
