package dev.solosuccess.engine.internal.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short passages of a chunk that show why it matched: the window of sentences holding the most
 * distinct query words (matched on their first five letters, a cheap stand-in for stemming), or the
 * chunk's opening when no word matches, as for a purely semantic hit.
 */
public final class Snippets {

  /** Longest snippet, in characters, before an ellipsis. */
  public static final int MAX_LENGTH = 240;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for",
          "from", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of",
          "on", "or", "our", "so", "such", "that", "the", "their", "then", "there", "these",
          "they", "this", "to", "was", "we", "what", "when", "where", "which", "who", "why", "will",
          "with", "you", "your");

  private Snippets() {}

  public static String of(String chunk, String query) {
    Set<String> keys = keys(query);
    List<int[]> sentences = sentences(chunk);
    if (sentences.isEmpty()) {
      return "";
    }
    int best = 0;
    int bestScore = -1;
    for (int i = 0; i < sentences.size(); i++) {
      int score = matches(chunk.substring(sentences.get(i)[0], sentences.get(i)[1]), keys);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (bestScore <= 0) {
      best = 0;
    }
    int start = sentences.get(best)[0];
    int end = sentences.get(best)[1];
    for (int i = best + 1; i < sentences.size() && end - start < MAX_LENGTH / 2; i++) {
      end = sentences.get(i)[1];
    }
    String snippet = chunk.substring(start, end).replaceAll("\\s+", " ").strip();
    if (snippet.length() > MAX_LENGTH) {
      int cut = snippet.lastIndexOf(' ', MAX_LENGTH - 1);
      snippet = snippet.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1) + "…";
    }
    return (start > 0 ? "…" : "") + snippet;
  }

  private static Set<String> keys(String query) {
    Set<String> keys = new HashSet<>();
    Matcher m = WORD.matcher(query.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (w.length() > 1 && !STOP_WORDS.contains(w)) {
        keys.add(key(w));
      }
    }
    return keys;
  }

  private static String key(String word) {
    return word.length() > 5 ? word.substring(0, 5) : word;
  }

  private static int matches(String sentence, Set<String> keys) {
    if (keys.isEmpty()) {
      return 0;
    }
    Set<String> found = new HashSet<>();
    Matcher m = WORD.matcher(sentence.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String k = key(m.group());
      if (keys.contains(k)) {
        found.add(k);
      }
    }
    return found.size();
  }

  private static List<int[]> sentences(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = SENTENCE_END.matcher(text);
    int start = 0;
    while (m.find()) {
      add(text, start, m.start(), out);
      start = m.end();
    }
    add(text, start, text.length(), out);
    return out;
  }

  private static void add(String text, int start, int end, List<int[]> out) {
    if (!text.substring(start, end).isBlank()) {
      out.add(new int[] {start, end});
    }
  }
}
