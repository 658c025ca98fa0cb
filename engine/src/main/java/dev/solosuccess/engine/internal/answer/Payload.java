package dev.solosuccess.engine.internal.answer;

import dev.solosuccess.engine.internal.phi.Deidentifier;
import dev.solosuccess.sdk.PhiSpan;
import dev.solosuccess.sdk.PhiType;
import dev.solosuccess.sdk.Redaction;
import dev.solosuccess.sdk.RedactionOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question and context as they may leave the host: each text is redacted on its own, and then
 * every identifier found in any of them is masked in all of them. The detector needs context ("MRN
 * 40817263"); a question that says "patient 40817263" gives it none, but the chunk it retrieves
 * does, so the number is masked in the question too. Names are masked word by word as well
 * ("Whitfield" alone). Stateless.
 */
final class Payload {

  /** Identifiers shorter than this are not masked elsewhere: too likely to be ordinary words. */
  static final int MIN_SHARED = 4;

  record Texts(String question, List<String> sources) {}

  private Payload() {}

  static Texts redact(
      Deidentifier deidentifier, RedactionOptions options, String question, List<String> sources) {
    Map<String, String> found = new LinkedHashMap<>();
    String q = redactOne(deidentifier, options, question, found);
    List<String> out = new ArrayList<>();
    for (String s : sources) {
      out.add(redactOne(deidentifier, options, s, found));
    }
    List<Map.Entry<String, String>> masks = new ArrayList<>(found.entrySet());
    masks.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length()));
    q = maskAll(q, masks);
    out.replaceAll(s -> maskAll(s, masks));
    return new Texts(q, out);
  }

  private static String redactOne(
      Deidentifier deidentifier, RedactionOptions options, String text, Map<String, String> found) {
    Redaction r = deidentifier.redact(text, options);
    for (PhiSpan span : r.spans()) {
      String original = text.substring(span.start(), span.end()).strip();
      String mask = r.text().substring(span.redactedStart(), span.redactedEnd());
      if (original.length() >= MIN_SHARED) {
        found.putIfAbsent(original, mask);
      }
      if (span.type() == PhiType.NAME) {
        for (String word : original.split("[\\s,.]+")) {
          if (word.length() >= MIN_SHARED && Character.isUpperCase(word.charAt(0))) {
            found.putIfAbsent(word, mask);
          }
        }
      }
    }
    return r.text();
  }

  private static String maskAll(String text, List<Map.Entry<String, String>> masks) {
    String out = text;
    for (Map.Entry<String, String> m : masks) {
      // Whole words only: "Hall" must not mask "hallway".
      Pattern p =
          Pattern.compile(
              "(?<![\\p{L}\\p{N}])" + Pattern.quote(m.getKey()) + "(?![\\p{L}\\p{N}])",
              Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      out = p.matcher(out).replaceAll(Matcher.quoteReplacement(m.getValue()));
    }
    return out;
  }
}
