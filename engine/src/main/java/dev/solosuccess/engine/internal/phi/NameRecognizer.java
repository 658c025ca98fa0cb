package dev.solosuccess.engine.internal.phi;

import static dev.solosuccess.engine.internal.phi.NameWords.AFTER_NOT_PERSON;
import static dev.solosuccess.engine.internal.phi.NameWords.BEFORE_NOT_PERSON;
import static dev.solosuccess.engine.internal.phi.NameWords.FUNCTION_WORDS;
import static dev.solosuccess.engine.internal.phi.NameWords.NOT_NAMES;
import static dev.solosuccess.engine.internal.phi.NameWords.PARTICLES;
import static dev.solosuccess.engine.internal.phi.NameWords.PLACES;
import static dev.solosuccess.engine.internal.phi.NameWords.SUFFIXES;
import static dev.solosuccess.engine.internal.phi.NameWords.TITLES;

import dev.solosuccess.sdk.PhiType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names, by rules over capitalized words and the Census name lists:
 *
 * <ol>
 *   <li>after a title: "Dr. Ana Ruiz", "Mrs. Kamaka";
 *   <li>after a label or a verb of care: "Patient: Ana Ruiz", "signed by Ana Ruiz", "daughter
 *       Maria";
 *   <li>before a credential: "Ana Ruiz, MD";
 *   <li>a listed first name and a surname: "Ana Ruiz", "Ana M. Ruiz";
 *   <li>surname, comma, first name: "Ruiz, Ana", "RUIZ, ANA M";
 *   <li>a listed name alone, capitalized, that is not also an English word ("Kowalski", not
 *       "Brown");
 *   <li>every other capitalized mention of a word already found in a name ("Mr. Kamaka ...
 *       Kamaka tolerated the procedure").
 * </ol>
 *
 * Words that make a capitalized run a place, an institution or an eponym ("St. Mary's Hospital",
 * "Parkinson disease", "Foley catheter") stop rules 4, 6 and 7. Titles are not part of the span.
 */
final class NameRecognizer implements Recognizer {

  private static final Pattern TOKEN =
      Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:['’\\-]\\p{L}[\\p{L}\\p{M}]*)*");

  /** Labels whose next capitalized words are a name, whatever the lists say. */
  private static final Pattern STRONG_LABEL =
      Pattern.compile(
          "(?i)\\b(?:(?:patient|pt|member|subscriber|insured|guarantor|client|resident)(?:'s)?"
              + "(?:\\s+(?:full\\s+|legal\\s+)?name)?|(?:full\\s+|legal\\s+|maiden\\s+)?name"
              + "|attending(?:\\s+physician)?|surgeon|physician|provider|pcp|primary\\s+care"
              + "(?:\\s+(?:physician|provider|doctor))?|referring(?:\\s+(?:physician|provider|md))?"
              + "|nurse|rn|np|cc|emergency\\s+contact|contact|next\\s+of\\s+kin|nok|guardian"
              + "|caregiver|witness|interpreter|author|dictated\\s+by|transcribed\\s+by"
              + "|consultant|mother|father|spouse|parent)\\s*:\\s*"
              + "|\\b(?:signed|dictated|transcribed|reviewed|seen|examined|referred|evaluated"
              + "|ordered|cosigned|co-signed|verified|accompanied|attended|treated|performed"
              + "|approved|authored|written|prepared|interpreted|read|supervised)\\s+by\\s+"
              + "(?:(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Prof)\\.?\\s+)?");

  /** Words before a name that need the name to be on a list. */
  private static final Pattern WEAK_LABEL =
      Pattern.compile(
          "(?i)\\b(?:son|daughter|wife|husband|mother|father|sister|brother|spouse|partner"
              + "|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|aunt|uncle"
              + "|niece|nephew|cousin|friend|neighbor|neighbour|boyfriend|girlfriend|fianc[eé]e?"
              + "|caregiver|guardian|patient|pt|named|called|with|to|from|and|per|by)"
              + "(?:,\\s*|\\s+)(?:(?:Dr|Mr|Mrs|Ms|Miss)\\.?\\s+)?");

  private static final Pattern PREPOSITIONS =
      Pattern.compile("^(?:named|called|with|to|from|and|per|by)\\b");

  private static final Pattern CREDENTIAL =
      Pattern.compile("\\G,?\\s*" + NameWords.CREDENTIALS + "(?![\\p{L}])");

  /** A disease or procedure word: "Hashimoto thyroiditis", "Kaposi sarcoma", "Whipple procedure". */
  private static final Pattern MEDICAL_NOUN =
      Pattern.compile("\\p{Ll}+(?:itis|osis|oma|emia|aemia|pathy|ectomy|otomy|plasty|algia|trophy"
          + "|plasia|iasis|opathy|ism)");

  /** A state and ZIP code, or a state's name, after a run: the run is a city ("Santa Fe, NM 87501"). */
  private static final Pattern STATE_AFTER =
      Pattern.compile("\\G,?\\s+(?:\\p{Lu}{2}\\s+\\d{5}|" + AddressRecognizer.STATE_NAMES
          + "(?![\\p{L}]))");

  private final NameLists lists;

  NameRecognizer(NameLists lists) {
    this.lists = lists;
  }

  /** A word of the text. */
  private record Token(int start, int end, String text, String key, boolean cap, boolean upper) {
    boolean initial() {
      return text.length() == 1 && Character.isUpperCase(text.charAt(0));
    }
  }

  @Override
  public void find(String text, List<Finding> out) {
    List<Token> tokens = tokens(text);
    List<Finding> found = new ArrayList<>();
    titles(text, tokens, found);
    labels(text, tokens, STRONG_LABEL, true, found);
    labels(text, tokens, WEAK_LABEL, false, found);
    credentials(text, tokens, found);
    firstLast(text, tokens, found);
    lastCommaFirst(text, tokens, found);
    single(text, tokens, found);
    propagate(text, tokens, found);
    extendLeft(text, tokens, found);
    out.addAll(found);
  }

  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String t = m.group();
      int end = m.end();
      if (t.endsWith("'s") || t.endsWith("’s")) {
        t = t.substring(0, t.length() - 2);
        end -= 2;
      }
      if (t.isEmpty()) {
        continue;
      }
      boolean cap = Character.isUpperCase(t.charAt(0));
      boolean upper = t.length() > 1 && t.chars().filter(Character::isLetter)
          .allMatch(Character::isUpperCase);
      out.add(new Token(m.start(), end, t, NameLists.key(t), cap && !upper, upper));
    }
    return out;
  }

  /** Whether tokens {@code i} and {@code i+1} are neighbours inside one name. */
  private static boolean adjacent(String text, List<Token> tokens, int i) {
    if (i + 1 >= tokens.size()) {
      return false;
    }
    Token a = tokens.get(i);
    Token b = tokens.get(i + 1);
    String gap = text.substring(a.end(), b.start());
    if (gap.equals(" ")) {
      return true;
    }
    // "J. Smith", "Smith Jr.", two spaces in typed notes
    return gap.matches("\\.? {1,2}") && (gap.startsWith(".") ? a.text().length() <= 3 : true);
  }

  private boolean nameLike(Token t, boolean allowUpper) {
    return (t.cap() || (allowUpper && t.upper())) && !FUNCTION_WORDS.contains(t.key())
        && !TITLES.contains(t.key());
  }

  private boolean listed(Token t) {
    return lists.firstRank(t.key()) > 0 || lists.surnameRank(t.key()) > 0;
  }

  /**
   * The last token of a name starting at {@code i}: up to {@code max} name words, initials and
   * particles, and a suffix.
   */
  private int extend(String text, List<Token> tokens, int i, int max, boolean allowUpper) {
    return extend(text, tokens, i, max, allowUpper, NOT_NAMES);
  }

  /** Words that end a name after a label: the next field of a header. */
  private static final Set<String> FIELD_WORDS =
      Set.of("date", "dob", "mrn", "age", "sex", "dos", "id", "phone", "address", "room", "bed",
          "unit", "provider", "pcp", "visit", "admitted", "discharged", "gender", "ssn", "acct");

  private int extend(String text, List<Token> tokens, int i, int max, boolean allowUpper,
      Set<String> stops) {
    int last = i;
    int words = 1;
    int j = i;
    while (words < max && adjacent(text, tokens, j)) {
      Token next = tokens.get(j + 1);
      if (next.initial() && abbreviation(text, next)) {
        break; // "M.D.", "D.O.": a credential, not a middle initial
      }
      if (next.initial() || SUFFIXES.contains(next.key()) && (next.cap() || next.upper())) {
        last = j + 1;
        j++;
        continue;
      }
      if (PARTICLES.contains(next.text()) && adjacent(text, tokens, j + 1)
          && nameLike(tokens.get(j + 2), allowUpper)) {
        j++;
        continue;
      }
      if (!nameLike(next, allowUpper) || stops.contains(next.key())
          || FIELD_WORDS.contains(next.key()) || AFTER_NOT_PERSON.contains(next.key())) {
        break;
      }
      last = j + 1;
      j++;
      words++;
    }
    // "Smith, Jr." and "Smith Jr"
    if (last + 1 < tokens.size()) {
      Token s = tokens.get(last + 1);
      String gap = text.substring(tokens.get(last).end(), s.start());
      if (SUFFIXES.contains(s.key()) && gap.matches(",? ") && (s.cap() || s.upper())) {
        last++;
      }
    }
    return last;
  }

  /** Whether a one-letter token starts a dotted abbreviation ("M.D.", "R.N."). */
  private static boolean abbreviation(String text, Token t) {
    int e = t.end();
    return e + 2 < text.length() && text.charAt(e) == '.' && Character.isLetter(text.charAt(e + 1))
        && text.charAt(e + 2) == '.';
  }

  /** The span end of token {@code last}, with the dot of a final initial or suffix. */
  private static int spanEnd(String text, Token last) {
    int end = last.end();
    boolean dotted = last.initial() || SUFFIXES.contains(last.key());
    if (dotted && end < text.length() && text.charAt(end) == '.') {
      end++;
    }
    return end;
  }

  private void add(String text, List<Token> tokens, int first, int last, double c,
      List<Finding> out) {
    out.add(new Finding(PhiType.NAME, tokens.get(first).start(),
        spanEnd(text, tokens.get(last)), c));
  }

  /** Whether the words around a run make it a place, an institution or an eponym. */
  private boolean notPerson(String text, List<Token> tokens, int first, int last) {
    if (first > 0 && BEFORE_NOT_PERSON.contains(tokens.get(first - 1).key())
        && text.substring(tokens.get(first - 1).end(), tokens.get(first).start())
            .matches("\\.? ?")) {
      return true;
    }
    if (STATE_AFTER.matcher(text).region(tokens.get(last).end(), text.length()).lookingAt()) {
      return true;
    }
    int after = last + 1;
    if (after < tokens.size()) {
      Token next = tokens.get(after);
      String gap = text.substring(tokens.get(last).end(), next.start());
      if (gap.matches("(?:'s|’s)? {1,2}") && (AFTER_NOT_PERSON.contains(next.key())
          || MEDICAL_NOUN.matcher(next.text()).matches())) {
        return true;
      }
      // the next capitalized words of the run, up to an institution word
      for (int k = after; k < Math.min(tokens.size(), after + 3); k++) {
        if (!adjacent(text, tokens, k - 1) || !(tokens.get(k).cap() || tokens.get(k).upper())) {
          break;
        }
        if (AFTER_NOT_PERSON.contains(tokens.get(k).key())) {
          return true;
        }
      }
    }
    return false;
  }

  private void titles(String text, List<Token> tokens, List<Finding> out) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!TITLES.contains(t.key()) || !(t.cap() || t.upper())) {
        continue;
      }
      String gap = text.substring(t.end(), tokens.get(i + 1).start());
      if (!gap.matches("\\.?[ \\t]{1,2}")) {
        continue;
      }
      Token n = tokens.get(i + 1);
      if (!nameLike(n, true) && !n.initial()) {
        continue;
      }
      int last = extend(text, tokens, i + 1, 3, true);
      add(text, tokens, i + 1, last, 0.92, out);
    }
  }

  private void labels(String text, List<Token> tokens, Pattern label, boolean strong,
      List<Finding> out) {
    Matcher m = label.matcher(text);
    int ti = 0;
    while (m.find()) {
      int at = m.end();
      while (ti < tokens.size() && tokens.get(ti).start() < at) {
        ti++;
      }
      if (ti >= tokens.size() || tokens.get(ti).start() != at) {
        continue;
      }
      Token t = tokens.get(ti);
      if (!nameLike(t, strong) || (!strong && NOT_NAMES.contains(t.key()))) {
        continue;
      }
      int last = extend(text, tokens, ti, 4, strong, strong ? FUNCTION_WORDS : NOT_NAMES);
      String cue = m.group().strip().toLowerCase(java.util.Locale.ROOT);
      boolean relation = !strong && !PREPOSITIONS.matcher(cue).find();
      // "Patient: SMITH, JOHN" and "Patient: Smith, John A."
      if (last == ti && ti + 1 < tokens.size()
          && text.substring(t.end(), tokens.get(ti + 1).start()).equals(", ")
          && nameLike(tokens.get(ti + 1), true) && !NOT_NAMES.contains(tokens.get(ti + 1).key())
          && (strong ? tokens.get(ti + 1).upper() == t.upper()
              : lists.firstRank(tokens.get(ti + 1).key()) > 0)) {
        last = extend(text, tokens, ti + 1, 2, true);
      }
      boolean anyListed = false;
      for (int k = ti; k <= last; k++) {
        Token w = tokens.get(k);
        // after "sister" even "Carol" or "Heather" is a name; after "with" it needs more
        anyListed |= listed(w) && (relation || !(lists.isWord(w.key()) && last == ti));
      }
      if (strong) {
        add(text, tokens, ti, last, anyListed ? 0.9 : 0.8, out);
      } else if (!notPerson(text, tokens, ti, last) && (anyListed || last > ti || relation)) {
        // a relation or a preposition and a listed name; a relation and any capitalized word
        // ("husband Aaliyah"); two capitalized words ("his brother, Björn Pollot")
        add(text, tokens, ti, last, anyListed ? 0.8 : 0.7, out);
      }
    }
  }

  private void credentials(String text, List<Token> tokens, List<Finding> out) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!nameLike(t, true) || NOT_NAMES.contains(t.key())) {
        continue;
      }
      // the name before a credential: at most three words ending right before it
      Matcher c = CREDENTIAL.matcher(text).region(t.end(), text.length());
      if (!c.lookingAt() || c.end() == t.end()) {
        continue;
      }
      int first = i;
      while (first > 0 && i - first < 4 && adjacent(text, tokens, first - 1)
          && (tokens.get(first - 1).initial() || PARTICLES.contains(tokens.get(first - 1).key())
              || nameLike(tokens.get(first - 1), true)
              && !NOT_NAMES.contains(tokens.get(first - 1).key()))) {
        first--;
      }
      add(text, tokens, first, i, 0.88, out);
    }
  }

  private void firstLast(String text, List<Token> tokens, List<Finding> out) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token f = tokens.get(i);
      boolean upper = f.upper();
      if (!(f.cap() || upper) || NOT_NAMES.contains(f.key()) || lists.firstRank(f.key()) == 0
          || !adjacent(text, tokens, i)) {
        continue;
      }
      int k = i + 1;
      // a middle initial or a middle name
      if (tokens.get(k).initial() && adjacent(text, tokens, k)) {
        k++;
      } else if (adjacent(text, tokens, k) && lists.firstRank(tokens.get(k).key()) > 0
          && tokens.get(k).cap() == f.cap() && k + 1 < tokens.size()
          && lists.surnameRank(tokens.get(k + 1).key()) > 0
          && tokens.get(k + 1).cap() == f.cap()) {
        k++;
      }
      Token l = tokens.get(k);
      if (!(upper ? l.upper() : l.cap()) || NOT_NAMES.contains(l.key())
          || TITLES.contains(l.key()) || AFTER_NOT_PERSON.contains(l.key())) {
        continue;
      }
      int last = extend(text, tokens, k, 2, upper);
      if (notPerson(text, tokens, i, last)) {
        continue;
      }
      boolean fWord = lists.isWord(f.key());
      boolean lListed = lists.surnameRank(l.key()) > 0 || lists.firstRank(l.key()) > 0;
      boolean lWord = lists.isWord(l.key());
      double c;
      if (!fWord && lListed) {
        c = lWord ? 0.85 : 0.92;
      } else if (!fWord) {
        c = 0.72; // a surname the lists do not hold
      } else if (lListed && (!lWord || lists.firstRank(f.key()) <= 500)) {
        c = 0.75; // "Will Thompson"; "John Smith", whose both words are also English words
      } else {
        c = 0.4;
      }
      if (upper) {
        c -= 0.1; // headings in capitals hold listed words more often
      }
      add(text, tokens, i, last, c, out);
    }
  }

  private void lastCommaFirst(String text, List<Token> tokens, List<Finding> out) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token l = tokens.get(i);
      Token f = tokens.get(i + 1);
      if (!(l.cap() || l.upper()) || NOT_NAMES.contains(l.key()) || TITLES.contains(l.key())
          || !text.substring(l.end(), f.start()).equals(", ")
          || !(l.upper() ? f.upper() : f.cap()) || NOT_NAMES.contains(f.key())
          || lists.firstRank(f.key()) == 0) {
        continue;
      }
      int last = i + 1;
      if (adjacent(text, tokens, i + 1) && tokens.get(i + 2).initial()) {
        last = i + 2;
      }
      boolean lListed = lists.surnameRank(l.key()) > 0;
      boolean words = lists.isWord(l.key()) || lists.isWord(f.key());
      double c = lListed ? (words ? 0.7 : 0.88) : (words ? 0.4 : 0.65);
      add(text, tokens, i, last, c, out);
    }
  }

  private void single(String text, List<Token> tokens, List<Finding> out) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.cap() || t.text().length() < 2 || NOT_NAMES.contains(t.key())
          || PLACES.contains(t.key())
          || TITLES.contains(t.key()) || !listed(t) || lists.isWord(t.key())
          || notPerson(text, tokens, i, i)) {
        continue;
      }
      if (Context.after(text, t.end(), 4).matches("\\s*[<>=]?\\s*\\d.*")) {
        continue; // "Na 138": an analyte and its value
      }
      double c = Context.sentenceStart(text, t.start()) ? 0.5 : 0.62;
      add(text, tokens, i, i, c, out);
    }
  }

  /**
   * A first name the lists lack before a surname that was found: "Aaliyah Shipe" when only
   * "Shipe" was. The word must be capitalized, not a known non-name, and not start a sentence.
   */
  private void extendLeft(String text, List<Token> tokens, List<Finding> found) {
    int n = found.size();
    for (int f = 0; f < n; f++) {
      Finding name = found.get(f);
      if (name.confidence() < 0.6) {
        continue;
      }
      int i = indexAt(tokens, name.start());
      if (i <= 0 || !adjacent(text, tokens, i - 1)) {
        continue;
      }
      Token before = tokens.get(i - 1);
      if (!before.cap() || before.text().length() < 2 || NOT_NAMES.contains(before.key())
          || PLACES.contains(before.key()) || TITLES.contains(before.key()) || listed(before)
          || Context.sentenceStart(text, before.start()) || notPerson(text, tokens, i - 1, i)) {
        continue;
      }
      found.add(new Finding(PhiType.NAME, before.start(), name.end(),
          Math.min(0.85, name.confidence())));
    }
  }

  private static int indexAt(List<Token> tokens, int start) {
    int lo = 0;
    int hi = tokens.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int s = tokens.get(mid).start();
      if (s == start) {
        return mid;
      } else if (s < start) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  /** Other capitalized mentions of words found in confident names. */
  private void propagate(String text, List<Token> tokens, List<Finding> found) {
    Set<String> keys = new HashSet<>();
    for (Finding f : found) {
      if (f.confidence() < 0.7) {
        continue;
      }
      for (Token t : tokens) {
        if (t.start() >= f.start() && t.end() <= f.end() && t.text().length() > 1
            && !SUFFIXES.contains(t.key()) && !NOT_NAMES.contains(t.key())) {
          keys.add(t.key());
        }
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if ((t.cap() || t.upper()) && keys.contains(t.key()) && !PLACES.contains(t.key())
          && !notPerson(text, tokens, i, i)) {
        found.add(new Finding(PhiType.NAME, t.start(), t.end(), 0.8));
      }
    }
  }
}
