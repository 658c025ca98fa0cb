package dev.solosuccess.engine.internal.phi;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.PhiType;
import dev.solosuccess.sdk.Redaction;
import dev.solosuccess.sdk.RedactionOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the Safe Harbor identifiers of a text with every recognizer, keeps the most certain of
 * overlapping findings, and replaces them ({@link Replacements}). Immutable and thread-safe: one
 * instance serves every caller. It logs nothing, so the text it reads can never reach a log.
 *
 * <pre>{@code
 * Deidentifier d = Deidentifier.create();
 * Redaction r = d.redact("Pt John Smith, MRN 00123456", RedactionOptions.defaults());
 * }</pre>
 */
public final class Deidentifier {

  /** Longest text accepted: the engine's default limit of extracted characters per document. */
  public static final int MAX_CHARS = 10_000_000;

  private final List<Recognizer> recognizers;

  private Deidentifier(List<Recognizer> recognizers) {
    this.recognizers = List.copyOf(recognizers);
  }

  /** Loads the name lists (a few tens of milliseconds) and builds every recognizer. */
  public static Deidentifier create() {
    NameLists names = NameLists.load();
    return new Deidentifier(
        List.of(
            new NetworkRecognizer(),
            new SsnRecognizer(),
            new PhoneRecognizer(),
            new DateRecognizer(),
            new AgeRecognizer(),
            new AddressRecognizer(),
            new IdRecognizer(),
            new NameRecognizer(names)));
  }

  /**
   * Finds and replaces the identifiers of a text.
   *
   * @throws InvalidInputException if the text is null or longer than {@value #MAX_CHARS}
   */
  public Redaction redact(String text, RedactionOptions options) {
    Objects.requireNonNull(options, "options");
    List<Finding> found = detect(text, options.types(), options.minConfidence());
    return Replacements.apply(text, found, options);
  }

  /** The spans of a text's identifiers, in text order, none overlapping; nothing is replaced. */
  List<Finding> detect(String text, Set<PhiType> types, double minConfidence) {
    if (text == null) {
      throw new InvalidInputException("the text to redact must not be null");
    }
    if (text.length() > MAX_CHARS) {
      throw new InvalidInputException(
          "the text to redact is " + text.length() + " characters, more than " + MAX_CHARS);
    }
    List<Finding> all = new ArrayList<>();
    for (Recognizer r : recognizers) {
      r.find(text, all);
    }
    List<Finding> wanted = new ArrayList<>();
    for (Finding f : all) {
      if (types.contains(f.type()) && f.confidence() >= minConfidence) {
        wanted.add(whole(text, f));
      }
    }
    return resolve(text, wanted);
  }

  /** Widens a span that would split a surrogate pair, so replacements never leave half a character. */
  private static Finding whole(String text, Finding f) {
    int start = f.start();
    int end = f.end();
    if (start > 0 && Character.isLowSurrogate(text.charAt(start))
        && Character.isHighSurrogate(text.charAt(start - 1))) {
      start--;
    }
    if (end < text.length() && Character.isLowSurrogate(text.charAt(end))
        && Character.isHighSurrogate(text.charAt(end - 1))) {
      end++;
    }
    return start == f.start() && end == f.end() ? f : new Finding(f.type(), start, end, f.confidence());
  }

  /**
   * The most certain findings that do not overlap (ties: the longer), in text order; neighbouring
   * name parts ("Ana" and "Ruiz" found apart) joined into one name.
   */
  static List<Finding> resolve(String text, List<Finding> findings) {
    List<Finding> byStrength = new ArrayList<>(findings);
    byStrength.sort(
        Comparator.comparingDouble(Finding::confidence).reversed()
            .thenComparing(Comparator.comparingInt(Finding::length).reversed())
            .thenComparingInt(Finding::start));
    boolean[] taken = new boolean[text.length()];
    List<Finding> kept = new ArrayList<>();
    for (Finding f : byStrength) {
      boolean free = true;
      for (int i = f.start(); i < f.end() && free; i++) {
        free = !taken[i];
      }
      if (free) {
        for (int i = f.start(); i < f.end(); i++) {
          taken[i] = true;
        }
        kept.add(f);
      }
    }
    kept.sort(Comparator.comparingInt(Finding::start));
    List<Finding> out = new ArrayList<>(kept.size());
    for (Finding f : kept) {
      if (!out.isEmpty()) {
        Finding prev = out.get(out.size() - 1);
        if (prev.type() == PhiType.NAME && f.type() == PhiType.NAME
            && f.start() - prev.end() <= 3
            && text.substring(prev.end(), f.start()).matches("\\.?[ \\t]{0,2}")) {
          out.set(out.size() - 1, new Finding(PhiType.NAME, prev.start(), f.end(),
              Math.max(prev.confidence(), f.confidence())));
          continue;
        }
      }
      out.add(f);
    }
    return out;
  }
}
