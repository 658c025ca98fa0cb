package dev.solosuccess.engine.internal.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Removes running heads and feet: a line among the first or last {@value #ZONE} lines of a page
 * that, with digits ignored (page numbers change), appears in that zone on most pages. Needs at
 * least {@value #MIN_PAGES} pages to tell a running head from a repeated sentence.
 */
final class PageCleaner {

  static final int ZONE = 3;
  static final int MIN_PAGES = 3;

  private PageCleaner() {}

  /**
   * @param pages the lines of each page
   * @return the pages without their repeated head and foot lines
   */
  static List<List<String>> clean(List<List<String>> pages) {
    if (pages.size() < MIN_PAGES) {
      return pages;
    }
    Map<String, Integer> top = new HashMap<>();
    Map<String, Integer> bottom = new HashMap<>();
    for (List<String> lines : pages) {
      countZone(lines, true, top);
      countZone(lines, false, bottom);
    }
    int most = pages.size() / 2 + 1; // more than half of the pages
    List<List<String>> cleaned = new ArrayList<>(pages.size());
    for (List<String> lines : pages) {
      List<Integer> content = nonBlank(lines);
      boolean[] drop = new boolean[lines.size()];
      for (int i = 0; i < Math.min(ZONE, content.size()); i++) {
        int at = content.get(i);
        if (top.getOrDefault(key(lines.get(at)), 0) >= most) {
          drop[at] = true;
        }
      }
      for (int i = 0; i < Math.min(ZONE, content.size()); i++) {
        int at = content.get(content.size() - 1 - i);
        if (bottom.getOrDefault(key(lines.get(at)), 0) >= most) {
          drop[at] = true;
        }
      }
      List<String> kept = new ArrayList<>(lines.size());
      for (int i = 0; i < lines.size(); i++) {
        if (!drop[i]) {
          kept.add(lines.get(i));
        }
      }
      cleaned.add(kept);
    }
    return cleaned;
  }

  private static void countZone(List<String> lines, boolean head, Map<String, Integer> counts) {
    List<Integer> content = nonBlank(lines);
    java.util.Set<String> seen = new java.util.HashSet<>(); // count a page once per line
    for (int i = 0; i < Math.min(ZONE, content.size()); i++) {
      int at = head ? content.get(i) : content.get(content.size() - 1 - i);
      String k = key(lines.get(at));
      if (seen.add(k)) {
        counts.merge(k, 1, Integer::sum);
      }
    }
  }

  private static List<Integer> nonBlank(List<String> lines) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        at.add(i);
      }
    }
    return at;
  }

  private static String key(String line) {
    return line.strip().replaceAll("\\s+", " ").replaceAll("\\d+", "#").toLowerCase(Locale.ROOT);
  }
}
