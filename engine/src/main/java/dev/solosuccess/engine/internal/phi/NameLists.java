package dev.solosuccess.engine.internal.phi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The name lists: first names and surnames of the 1990 US Census (public domain) in frequency
 * order, and those of them that are also common English words. Keys are folded: lower case,
 * accents and apostrophes dropped ("O'Brien" and "OBRIEN" are "obrien", "José" is "jose").
 * Immutable once loaded; thread-safe.
 */
final class NameLists {

  private final Map<String, Integer> first;
  private final Map<String, Integer> last;
  private final Set<String> words;

  private NameLists(Map<String, Integer> first, Map<String, Integer> last, Set<String> words) {
    this.first = first;
    this.last = last;
    this.words = words;
  }

  /** Reads the lists shipped with the engine (about 25,000 names; a few tens of milliseconds). */
  static NameLists load() {
    Map<String, Integer> first = ranks(read("first-names.txt"));
    Map<String, Integer> last = ranks(read("surnames.txt"));
    return new NameLists(first, last, new HashSet<>(read("name-words.txt")));
  }

  /** The 1-based frequency rank of a first name, or 0 when it is not listed. */
  int firstRank(String key) {
    return first.getOrDefault(key, 0);
  }

  /** The 1-based frequency rank of a surname, or 0 when it is not listed. */
  int surnameRank(String key) {
    return last.getOrDefault(key, 0);
  }

  /** Whether a listed name is also a common English word ("will", "brown", "rose"). */
  boolean isWord(String key) {
    return words.contains(key);
  }

  /** The lookup key of a word: lower case, without accents, apostrophes or a possessive. */
  static String key(String word) {
    String s = word;
    if (s.endsWith("'s") || s.endsWith("’s") || s.endsWith("'S") || s.endsWith("’S")) {
      s = s.substring(0, s.length() - 2);
    }
    s = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\'' || c == '’') {
        continue;
      }
      b.append(c);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Integer> ranks(java.util.List<String> names) {
    Map<String, Integer> m = new HashMap<>(names.size() * 2);
    for (String n : names) {
      m.putIfAbsent(key(n), m.size() + 1);
    }
    return Map.copyOf(m);
  }

  private static java.util.List<String> read(String resource) {
    InputStream in = NameLists.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("the engine's resource " + resource + " is missing");
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the engine's resource " + resource, e);
    }
    return out;
  }
}
