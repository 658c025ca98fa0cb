package dev.solosuccess.engine.internal.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells the language of a text from its most frequent function words, for documents that do not
 * declare one. Covers the Western European languages whose function words are distinctive; it
 * answers only when one language clearly leads, and {@code null} otherwise (short texts, other
 * languages, code, tables). Thread-safe.
 */
final class LanguageGuesser {

  /** Words read from the start of a text: plenty for a verdict, cheap on long documents. */
  private static final int MAX_WORDS = 2000;

  private static final int MIN_HITS = 8;

  private static final Map<String, Set<String>> STOPWORDS =
      Map.of(
          "en", Set.of("the", "and", "of", "to", "is", "in", "that", "it", "for", "with", "was",
              "on", "are", "this", "be", "by", "not", "or", "have", "from"),
          "de", Set.of("der", "die", "und", "das", "ist", "nicht", "mit", "ein", "eine", "den",
              "von", "zu", "sich", "auf", "für", "dem", "des", "auch", "wird", "sind"),
          "fr", Set.of("le", "la", "les", "et", "des", "est", "une", "du", "que", "pour", "dans",
              "qui", "pas", "sur", "au", "avec", "sont", "ce", "il", "aux"),
          "es", Set.of("el", "los", "las", "y", "que", "es", "una", "por", "con", "para", "del",
              "se", "como", "su", "al", "lo", "más", "pero", "sus", "fue"),
          "it", Set.of("il", "che", "è", "di", "per", "una", "sono", "della", "con", "non", "gli",
              "del", "nel", "alla", "anche", "questo", "più", "essere", "delle", "ha"),
          "pt", Set.of("o", "os", "que", "não", "uma", "para", "com", "por", "mais", "como", "dos",
              "das", "ao", "foi", "são", "seu", "sua", "também", "pelo", "ele"),
          "nl", Set.of("de", "het", "een", "en", "van", "is", "niet", "dat", "op", "voor", "zijn",
              "met", "ook", "aan", "wordt", "bij", "naar", "om", "er", "deze"));

  private LanguageGuesser() {}

  /** An ISO 639-1 code, or {@code null} when no language clearly leads. */
  static String guess(CharSequence text) {
    Map<String, Integer> hits = new HashMap<>();
    int words = 0;
    int i = 0;
    int n = text.length();
    while (i < n && words < MAX_WORDS) {
      while (i < n && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        words++;
        String w = text.subSequence(start, i).toString().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Set<String>> e : STOPWORDS.entrySet()) {
          if (e.getValue().contains(w)) {
            hits.merge(e.getKey(), 1, Integer::sum);
          }
        }
      }
    }
    String best = null;
    int first = 0;
    int second = 0;
    for (Map.Entry<String, Integer> e : hits.entrySet()) {
      if (e.getValue() > first) {
        second = first;
        first = e.getValue();
        best = e.getKey();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    // Clear lead: enough evidence, and half again as many hits as the runner-up.
    return first >= MIN_HITS && first * 2 >= second * 3 ? best : null;
  }
}
