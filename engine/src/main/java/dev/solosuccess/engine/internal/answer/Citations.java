package dev.solosuccess.engine.internal.answer;

import dev.solosuccess.sdk.Citation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a generated answer against what was retrieved: citation markers ({@code [2]}, {@code [1,
 * 3]}) that name a retrieved chunk become citations; any other number is removed from the text. A
 * URL in the answer that is not in the retrieved text is replaced by {@value #LINK_REMOVED}: a
 * model (or an instruction planted in a document) must not send the reader somewhere the sources
 * do not. Stateless.
 */
final class Citations {

  static final String LINK_REMOVED = "[link removed]";

  private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,4}(?:\\s*,\\s*\\d{1,4})*)\\]");

  /** http(s) URLs, and bare www. hosts; trailing punctuation is not part of them. */
  private static final Pattern URL =
      Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'\\])}]+");

  private Citations() {}

  record Checked(String text, List<Citation> citations) {}

  static Checked check(String reply, List<Retrieved> retrieved) {
    Map<Integer, Retrieved> byNumber = new LinkedHashMap<>();
    for (Retrieved r : retrieved) {
      byNumber.put(r.number(), r);
    }
    String text = stripUrls(reply, retrieved);
    Map<Integer, Citation> cited = new LinkedHashMap<>();
    StringBuilder out = new StringBuilder();
    Matcher m = MARKER.matcher(text);
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      List<Integer> kept = new ArrayList<>();
      for (String n : m.group(1).split(",")) {
        int number = Integer.parseInt(n.strip());
        Retrieved r = byNumber.get(number);
        if (r != null) {
          kept.add(number);
          cited.computeIfAbsent(
              number,
              k ->
                  new Citation(
                      k, r.chunk().documentId(), r.source(), r.chunk().id(),
                      r.chunk().provenance(), r.chunk().text()));
        }
      }
      if (!kept.isEmpty()) {
        out.append('[')
            .append(String.join(", ", kept.stream().map(String::valueOf).toList()))
            .append(']');
      }
      last = m.end();
    }
    out.append(text.substring(last));
    String cleaned = out.toString().replaceAll("[ \\t]+([.,;:])", "$1").replaceAll(" {2,}", " ");
    List<Citation> citations = new ArrayList<>(cited.values());
    citations.sort(java.util.Comparator.comparingInt(Citation::marker));
    return new Checked(cleaned.strip(), citations);
  }

  /** Replaces each URL not found (case-insensitively, as a substring) in the retrieved text. */
  static String stripUrls(String text, List<Retrieved> retrieved) {
    StringBuilder sources = new StringBuilder();
    for (Retrieved r : retrieved) {
      sources.append(r.chunk().text().toLowerCase(Locale.ROOT)).append('\n');
    }
    String haystack = sources.toString();
    Matcher m = URL.matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String url = m.group().replaceAll("[.,;:!?]+$", "");
      int end = m.start() + url.length();
      out.append(text, last, m.start());
      out.append(haystack.contains(url.toLowerCase(Locale.ROOT)) ? url : LINK_REMOVED);
      last = end;
    }
    out.append(text.substring(last));
    return out.toString();
  }
}
