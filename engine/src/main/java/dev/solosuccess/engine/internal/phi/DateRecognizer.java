package dev.solosuccess.engine.internal.phi;

import dev.solosuccess.sdk.PhiType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates with any element finer than the year, which Safe Harbor counts as identifiers: numeric
 * ({@code 03/04/2019}, {@code 3-4-19}, {@code 04.03.2019}, {@code 2019-03-04}), with month names
 * ({@code March 4th 2019}, {@code Mar 4, 2019}, {@code 4 Mar 2019}, {@code 4th of March},
 * {@code 04-Mar-2019}, {@code March 2019}), month and year ({@code 03/2019}), and day and month
 * without a year ({@code 3/4}) after a date word ("on", "DOB", "admitted"). A year alone is
 * not flagged; neither are fractions, blood pressures and scores ({@code 1/2}, {@code 120/80},
 * {@code 7/10}), which fail the month and day ranges or lack a date word.
 */
final class DateRecognizer implements Recognizer {

  /** Capitalized or upper-case month names and abbreviations: "may" and "march" are verbs. */
  private static final String MONTH =
      "(?:Jan(?:uary)?|JAN(?:UARY)?|Feb(?:ruary)?|FEB(?:RUARY)?|Mar(?:ch)?|MAR(?:CH)?"
          + "|Apr(?:il)?|APR(?:IL)?|May|MAY|June?|JUNE?|July?|JULY?|Aug(?:ust)?|AUG(?:UST)?"
          + "|Sep(?:t(?:ember)?)?|SEP(?:T(?:EMBER)?)?|Oct(?:ober)?|OCT(?:OBER)?"
          + "|Nov(?:ember)?|NOV(?:EMBER)?|Dec(?:ember)?|DEC(?:EMBER)?)";

  private static final String ORD = "(?:st|nd|rd|th|ST|ND|RD|TH)?";
  private static final String YEAR = "(?:1[89]\\d\\d|20\\d\\d|'\\d\\d)";
  private static final String DAY = "(?:[12]\\d|3[01]|0?[1-9])";

  /** March 4th, 2019 / Mar. 4 2019 / March 4 / Mar-04-2019 */
  private static final Pattern MONTH_DAY =
      Pattern.compile(
          "(?<![\\w])" + MONTH + "\\.?(?:\\s+|-)" + DAY + ORD + "(?![\\w:])"
              + "(?:(?:,\\s*|\\s+|-)" + YEAR + "(?!\\w))?");

  /** 4 March 2019 / 4th of March, 2019 / 04-Mar-2019 / 4 Mar */
  private static final Pattern DAY_MONTH =
      Pattern.compile(
          "(?<![\\w.,/])" + DAY + ORD + "(?:\\s+of)?(?:\\s+|-)" + MONTH + "\\.?(?![\\w])"
              + "(?:(?:,\\s*|\\s+|-)" + YEAR + "(?!\\w))?");

  /** March 2019 / Mar. '19 */
  private static final Pattern MONTH_YEAR =
      Pattern.compile("(?<![\\w])" + MONTH + "\\.?,?\\s+" + YEAR + "(?!\\w)");

  /** 03/04/2019, 3-4-19, 04.03.2019 */
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<![\\w./\\-])(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\w/\\-]|\\.\\d)");

  /** 2019-03-04, 2019/3/4, 20190304 after a date word */
  private static final Pattern ISO =
      Pattern.compile(
          "(?<![\\w./\\-])(1[89]\\d\\d|20\\d\\d)([/.\\-])(\\d{1,2})\\2(\\d{1,2})"
              + "(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2})?)?(?![\\w/\\-]|\\.\\d)");

  private static final Pattern COMPACT =
      Pattern.compile("(?<![\\w./\\-])(1[89]\\d\\d|20\\d\\d)(\\d\\d)(\\d\\d)(?![\\w/\\-]|\\.\\d)");

  /** 03/2019 */
  private static final Pattern MONTH_SLASH_YEAR =
      Pattern.compile("(?<![\\w./\\-])(0?[1-9]|1[0-2])[/\\-](1[89]\\d\\d|20\\d\\d)(?![\\w/\\-]|\\.\\d)");

  /** 3/4 with no year */
  private static final Pattern SHORT =
      Pattern.compile("(?<![\\w./\\-])(\\d{1,2})/(\\d{1,2})(?![\\w/\\-]|\\.\\d)");

  private static final Pattern DATE_CUE =
      Pattern.compile(
          "\\b(?:on|dob|d\\.o\\.b|born|birth|birthday|date|dated|dos|admit|admitted|admission"
              + "|discharged?|discharge|seen|visit|visited|since|until|from|through|thru|to|by"
              + "|before|after|started|stopped|last|next|due|scheduled|surgery|procedure|died"
              + "|deceased|expired|death|returned?|follow-?up|f/u|appt|appointment|effective"
              + "|collected|received|reported|signed|as of|week of|starting|ending|between|and"
              + "|edd|lmp)\\b\\.?:?\\s*$");

  private static final Pattern EXPIRY =
      Pattern.compile("\\b(?:exp|expires?|expiry|expiration|exp\\. date|best before|use by)\\b"
          + "\\.?:?\\s*$");

  @Override
  public void find(String text, List<Finding> out) {
    boolean[] taken = new boolean[text.length()];
    Matcher m = MONTH_DAY.matcher(text);
    while (m.find()) {
      add(out, taken, m.start(), m.end(), 0.9);
    }
    m = DAY_MONTH.matcher(text);
    while (m.find()) {
      add(out, taken, m.start(), m.end(), 0.9);
    }
    m = MONTH_YEAR.matcher(text);
    while (m.find()) {
      add(out, taken, m.start(), m.end(), 0.85);
    }
    m = ISO.matcher(text);
    while (m.find()) {
      if (month(m.group(3)) && day(m.group(4))) {
        add(out, taken, m.start(), m.end(), 0.9);
      }
    }
    m = NUMERIC.matcher(text);
    while (m.find()) {
      boolean md = month(m.group(1)) && day(m.group(3));
      boolean dm = day(m.group(1)) && month(m.group(3));
      if (md || dm) {
        double c = m.group(4).length() == 4 ? 0.9 : 0.75;
        add(out, taken, m.start(), m.end(), c);
      }
    }
    m = COMPACT.matcher(text);
    while (m.find()) {
      if (month(m.group(2)) && day(m.group(3)) && cue(text, m.start())) {
        add(out, taken, m.start(), m.end(), 0.7);
      }
    }
    m = MONTH_SLASH_YEAR.matcher(text);
    while (m.find()) {
      if (EXPIRY.matcher(Context.before(text, m.start(), 16)).find()) {
        continue; // a lot's or a card's expiry says nothing of the patient
      }
      add(out, taken, m.start(), m.end(), cue(text, m.start()) ? 0.85 : 0.7);
    }
    m = SHORT.matcher(text);
    while (m.find()) {
      if (month(m.group(1)) && day(m.group(2)) && cue(text, m.start())) {
        add(out, taken, m.start(), m.end(), 0.7);
      }
    }
  }

  private static boolean cue(String text, int start) {
    return DATE_CUE.matcher(Context.before(text, start, 24)).find();
  }

  private static boolean month(String s) {
    int v = Integer.parseInt(s);
    return v >= 1 && v <= 12;
  }

  private static boolean day(String s) {
    int v = Integer.parseInt(s);
    return v >= 1 && v <= 31;
  }

  private static void add(List<Finding> out, boolean[] taken, int start, int end, double c) {
    for (int i = start; i < end; i++) {
      if (taken[i]) {
        return;
      }
    }
    for (int i = start; i < end; i++) {
      taken[i] = true;
    }
    out.add(new Finding(PhiType.DATE, start, end, c));
  }
}
