package dev.solosuccess.engine.internal.phi;

import dev.solosuccess.sdk.PhiType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ages over 89, which Safe Harbor counts as identifiers (younger ages are not): "92-year-old", "age
 * 94", "aged 101", "93 y/o", "91 yo", "a 95 year old". The span is the number alone.
 */
final class AgeRecognizer implements Recognizer {

  private static final Pattern AFTER =
      Pattern.compile(
          "(?i)(?<![\\w.])(\\d{2,3})(?:\\s*|-)(?:years?[\\s-]*old|years? of age|yrs?[\\s-]*old"
              + "|y\\.?\\s?o\\.?(?![a-z])|y/o|yo(?![a-z])|-?yr-old|year-old|years?(?=[\\s,.;)]))");
  private static final Pattern BEFORE =
      Pattern.compile("(?i)\\b(?:age|aged|ages|age:|aged:)\\s*[:=]?\\s*(\\d{2,3})(?![\\w.])");
  private static final Pattern SEX_SHORTHAND =
      Pattern.compile("(?<![\\w.])(\\d{2,3})\\s?(?:M|F|yo?[MF])(?![\\w])");

  @Override
  public void find(String text, List<Finding> out) {
    scan(AFTER, text, 0.9, out);
    scan(BEFORE, text, 0.9, out);
    scan(SEX_SHORTHAND, text, 0.6, out);
  }

  private static void scan(Pattern p, String text, double confidence, List<Finding> out) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      int age = Integer.parseInt(m.group(1));
      if (age >= 90 && age <= 125) {
        out.add(new Finding(PhiType.AGE, m.start(1), m.end(1), confidence));
      }
    }
  }
}
