package dev.solosuccess.engine.internal.phi;

import dev.solosuccess.sdk.PhiType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US Social Security numbers: {@code 123-45-6789}, {@code 123 45 6789}, or nine bare digits after
 * an SSN word, kept only when they follow the SSA's rules (see {@link Checksums#ssn}). An invalid
 * number right after "SSN" is still an identifier of some kind: it is reported as {@link
 * PhiType#OTHER_ID}.
 */
final class SsnRecognizer implements Recognizer {

  private static final Pattern SEPARATED =
      Pattern.compile("(?<![\\w\\-./])(\\d{3})([\\- ])(\\d{2})\\2(\\d{4})(?![\\w\\-/]|\\.\\d)");
  private static final Pattern BARE = Pattern.compile("(?<![\\w\\-./])\\d{9}(?![\\w\\-/]|\\.\\d)");
  private static final Pattern CUE =
      Pattern.compile("\\b(?:ssn|ss#|ss no|soc(?:ial)?\\.? sec(?:urity)?\\.?(?: (?:no|number|#))?|"
          + "social security)\\b");

  @Override
  public void find(String text, List<Finding> out) {
    Matcher m = SEPARATED.matcher(text);
    while (m.find()) {
      add(text, m.start(), m.end(), m.group(2).equals("-") ? 0.9 : 0.7, out);
    }
    m = BARE.matcher(text);
    while (m.find()) {
      add(text, m.start(), m.end(), 0.45, out);
    }
  }

  private static void add(String text, int start, int end, double confidence, List<Finding> out) {
    String digits = Checksums.digits(text.substring(start, end));
    boolean cue = Context.lastMatchEnd(CUE, Context.before(text, start, 30)) >= 0;
    if (Checksums.ssn(digits)) {
      out.add(new Finding(PhiType.SSN, start, end, cue ? 0.98 : confidence));
    } else if (cue) {
      out.add(new Finding(PhiType.OTHER_ID, start, end, 0.7));
    }
  }
}
