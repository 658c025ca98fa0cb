package dev.solosuccess.engine.internal.phi;

import dev.solosuccess.sdk.PhiType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telephone and fax numbers: North American numbers in their common spellings ({@code
 * 555-123-4567}, {@code (555) 123 4567}, {@code +1 555.123.4567}, with extensions), international
 * numbers written with {@code +}, and bare ten-digit or seven-digit numbers where a phone word
 * stands before them. A number is a fax when the nearest cue before it (or right after it) says
 * fax.
 */
final class PhoneRecognizer implements Recognizer {

  private static final String EXT = "(?:\\s*(?:x|ext\\.?|extension)\\s*\\d{1,5})?";

  /** NANP with separators, or with the area code in parentheses. */
  private static final Pattern NANP =
      Pattern.compile(
          "(?<![\\w+.\\-/])(?:(?:\\+|00)?1[\\s.\\-]?)?"
              + "(?:\\(\\d{3}\\)[\\s.\\-]?|\\d{3}[\\s.\\-/])\\d{3}[\\s.\\-]\\d{4}"
              + EXT + "(?![\\w\\-/]|\\.\\d)");

  /** International: a plus sign, a country code and 6 to 14 more digits in groups. */
  private static final Pattern INTERNATIONAL =
      Pattern.compile(
          "(?<![\\w+])\\+\\d{1,3}(?:[\\s.\\-]?\\(?\\d{1,4}\\)?){2,6}" + EXT + "(?![\\w\\-])");

  /** Digits alone (10 or 7, or 3-4 spelled with one separator) that need a phone word. */
  private static final Pattern BARE =
      Pattern.compile("(?<![\\w\\-./])(?:\\d{10}|\\d{3}[\\-.]\\d{4})(?![\\w\\-/]|\\.\\d)");

  private static final Pattern FAX_CUE = Pattern.compile("\\b(?:fax(?:ed|ing)?|facsimile|fx)\\b\\.?|\\bf\\s*:");
  private static final Pattern PHONE_CUE =
      Pattern.compile(
          "\\b(?:phone|ph|tel|telephone|cell|cellphone|mobile|mob|pager|beeper|call|called"
              + "|contact|home|work|office|direct|hotline|reach|reached|reachable|voicemail|vm)\\b\\.?"
              + "|\\b[chwmpt]\\s*:");

  @Override
  public void find(String text, List<Finding> out) {
    boolean[] taken = new boolean[text.length()];
    scan(NANP, text, 0.85, false, taken, out);
    scan(INTERNATIONAL, text, 0.8, false, taken, out);
    scan(BARE, text, 0.8, true, taken, out);
  }

  private static void scan(
      Pattern p, String text, double confidence, boolean needsCue, boolean[] taken,
      List<Finding> out) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      int start = m.start();
      int end = m.end();
      if (taken[start] || taken[end - 1]) {
        continue;
      }
      String digits = Checksums.digits(m.group());
      if (digits.length() < 7 || digits.length() > 15 + 5) {
        continue;
      }
      String before = Context.clause(text, start, needsCue ? 24 : 40);
      int fax = Context.lastMatchEnd(FAX_CUE, before);
      int phone = Context.lastMatchEnd(PHONE_CUE, before);
      if (needsCue && fax < 0 && phone < 0) {
        continue;
      }
      boolean isFax = fax >= 0 && fax > phone;
      if (!isFax && phone < 0 && Context.after(text, end, 12).matches("\\s*\\((?:fax|f)\\).*")) {
        isFax = true;
      }
      double c = (fax >= 0 || phone >= 0) ? Math.min(0.97, confidence + 0.1) : confidence;
      for (int i = start; i < end; i++) {
        taken[i] = true;
      }
      out.add(new Finding(isFax ? PhiType.FAX : PhiType.PHONE, start, end, c));
    }
  }
}
