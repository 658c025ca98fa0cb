package dev.solosuccess.engine.internal.phi;

import dev.solosuccess.sdk.PhiType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers known by the words before them: medical record, health plan, account, licence,
 * device, vehicle plate, biometric and other numbers ("MRN: 00482913", "Member ID XQK4410293",
 * "S/N PM-88231-X"), and identifiers known by their check digits wherever they stand: payment
 * cards (Luhn), VINs (check digit), NPIs (Luhn with the 80840 prefix) and DEA numbers.
 */
final class IdRecognizer implements Recognizer {

  /** Cue words, longest and most specific first so "license plate" beats "license". */
  private enum Cue {
    PLATE(PhiType.VEHICLE, "(?:license|licence|licen[cs]e|registration|tag)\\s+plate|plate"
        + "(?:\\s+(?:number|no|#))?|tag\\s+(?:number|no|#)|vehicle\\s+(?:tag|registration)"),
    VIN(PhiType.VEHICLE, "vin|vehicle identification number|vehicle id"),
    MRN(PhiType.MRN, "mrn|medical record(?:\\s+(?:number|no|#))?|med(?:ical)?\\.?\\s*rec(?:ord)?\\.?"
        + "(?:\\s+(?:number|no|#))?|chart(?:\\s+(?:number|no|#|id))|hospital\\s+(?:number|no|#|id)"
        + "|patient\\s+(?:id|number|no|#)|pt\\.?\\s+(?:id|#)|record\\s+(?:number|no|#)|mr#|emr(?:\\s+id)?"
        + "|ehr(?:\\s+id)?|unit\\s+(?:number|no)"),
    HEALTH_PLAN(PhiType.HEALTH_PLAN, "member\\s*(?:id|number|no|#)|subscriber\\s*(?:id|number|no|#)"
        + "|(?:plan|health\\s+plan|insurance)\\s+member|policy\\s*(?:id|number|no|#)|beneficiary\\s*(?:id|number|no|#)|health\\s+plan(?:\\s+"
        + "(?:id|number|no|#))?|insurance\\s*(?:id|number|no|#)|medicare(?:\\s+(?:id|number|no|#))?"
        + "|medicaid(?:\\s+(?:id|number|no|#))?|mbi|hicn|group\\s*(?:id|number|no|#)|plan\\s+id"
        + "|insured\\s+id|coverage\\s+id|cin"),
    ACCOUNT(PhiType.ACCOUNT, "account(?:\\s+(?:number|no|#))?|acct\\.?(?:\\s*(?:number|no|#))?"
        + "|billing\\s+(?:number|no|#|id)|bank\\s+account|iban|routing(?:\\s+number)?"
        + "|(?:credit|debit)\\s+card(?:\\s+(?:number|no|#))?|card\\s+(?:number|no|#)|invoice"
        + "(?:\\s+(?:number|no|#))?|guarantor\\s+(?:id|number)|financial\\s+(?:number|no|#)|fin"),
    LICENSE(PhiType.LICENSE, "(?:driver'?s|drivers|driving)\\s+licen[cs]e(?:\\s+(?:number|no|#))?"
        + "|licen[cs]e(?:\\s+(?:number|no|#))?|lic\\.?\\s*(?:no|#)?|dl(?=\\s*[:#])|dl\\s+(?:number|no)|dea(?:\\s+(?:number|no|#))?"
        + "|certificate(?:\\s+(?:number|no|#))?|cert\\.?(?:\\s+(?:number|no|#))?|board\\s+cert"
        + "(?:ification)?(?:\\s+(?:number|no|#))?|permit(?:\\s+(?:number|no|#))?|registration"
        + "\\s+(?:number|no|#)|passport(?:\\s+(?:number|no|#))?"),
    DEVICE(PhiType.DEVICE, "serial(?:\\s+(?:number|no|#))?|s/n|sn|device\\s+(?:id|identifier|serial"
        + "|number|no|#)|udi|imei|meid|mac\\s+address|implant\\s+(?:id|serial|number|no|#)"
        + "|pacemaker\\s+(?:id|serial|number|no|#)|pump\\s+(?:id|serial|number|no|#)"
        + "|model\\s*/\\s*serial|asset\\s+(?:tag|number|no|#)"),
    BIOMETRIC(PhiType.BIOMETRIC, "(?:fingerprint|finger\\s+print|retina(?:l)?\\s+scan|iris\\s+"
        + "(?:scan|template)|voice\\s*print|palm\\s*print|face\\s+(?:template|print)|biometric)"
        + "(?:\\s+(?:id|template|hash|record|code|number|no|#))?"),
    NPI(PhiType.OTHER_ID, "npi(?:\\s+(?:number|no|#))?|national\\s+provider\\s+(?:id|identifier)"),
    OTHER(PhiType.OTHER_ID, "case\\s+(?:number|no|#|id)|claim\\s+(?:number|no|#|id)|specimen"
        + "(?:\\s+(?:number|no|#|id))?|accession(?:\\s+(?:number|no|#))?|encounter\\s+(?:number"
        + "|no|#|id)|visit\\s+(?:number|no|#|id)|employee\\s+(?:id|number|no|#)|badge\\s+(?:id"
        + "|number|no|#)|student\\s+(?:id|number)|study\\s+(?:id|number)|subject\\s+(?:id|number)"
        + "|tax\\s+id|ein|tin|itin|reference\\s+(?:number|no|#)|ref\\s*(?:no|#)|order\\s+(?:number"
        + "|no|#)|requisition(?:\\s+(?:number|no|#))?|tracking\\s+(?:number|no|#)|barcode|rx\\s*(?:number|no|#)|id"
        + "(?:\\s+(?:number|no|#))?|identifier|#");

    final PhiType type;
    final Pattern pattern;

    Cue(PhiType type, String words) {
      this.type = type;
      this.pattern =
          Pattern.compile(
              "(?i)(?<![\\p{L}\\d])(?:" + words + ")(?:(?<=#)|(?![\\p{L}\\d]))"
                  + "(?:\\s+(?:id|identifier|number|no\\.?|num|nbr|#|code|template|hash)(?![\\p{L}\\d]))*"
                  + "\\s*(?:[:#=.\\-]|\\bis\\b|\\bwas\\b|\\bof\\b)?\\s*(?:#\\s*)?(?:[:=]\\s*)?");
    }
  }

  /** An identifier: letters and digits, maybe in groups, holding at least one digit. */
  private static final Pattern VALUE =
      Pattern.compile(
          "(?=[A-Za-z0-9\\-./() ]*\\d)[A-Za-z0-9](?:[A-Za-z0-9]|[\\-./](?=[A-Za-z0-9])"
              + "| (?=\\d{3,4}(?![\\w/.\\-])))*");

  private static final Pattern CARD =
      Pattern.compile("(?<![\\w\\-])(?:\\d{4}[ \\-]?){3}\\d{1,7}(?![\\w\\-])|(?<![\\w\\-])\\d{4}"
          + "[ \\-]\\d{6}[ \\-]\\d{5}(?![\\w\\-])");

  private static final Pattern VIN_TOKEN =
      Pattern.compile("(?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])");

  /** A GS1 unique device identifier: (01) and 14 digits, then more application identifiers. */
  private static final Pattern UDI =
      Pattern.compile("\\(01\\)\\d{14}(?:\\(\\d{2,4}\\)[A-Za-z0-9\\-]{1,20})*");

  private static final Pattern TEN_DIGITS = Pattern.compile("(?<![\\w\\-])[12]\\d{9}(?![\\w\\-])");

  private static final Pattern DEA_TOKEN =
      Pattern.compile("(?<![A-Za-z0-9])[A-Z][A-Z9]\\d{7}(?![A-Za-z0-9])");

  @Override
  public void find(String text, List<Finding> out) {
    cued(text, out);
    Matcher m = CARD.matcher(text);
    while (m.find()) {
      String digits = Checksums.digits(m.group());
      if (digits.length() >= 13 && digits.length() <= 19 && Checksums.luhn(digits)) {
        out.add(new Finding(PhiType.ACCOUNT, m.start(), m.end(), 0.85));
      }
    }
    m = VIN_TOKEN.matcher(text);
    while (m.find()) {
      String vin = m.group();
      if (Checksums.vin(vin) && vin.chars().anyMatch(Character::isLetter)) {
        out.add(new Finding(PhiType.VEHICLE, m.start(), m.end(), 0.9));
      }
    }
    m = UDI.matcher(text);
    while (m.find()) {
      out.add(new Finding(PhiType.DEVICE, m.start(), m.end(), 0.9));
    }
    m = TEN_DIGITS.matcher(text);
    while (m.find()) {
      if (Checksums.npi(m.group())) {
        out.add(new Finding(PhiType.OTHER_ID, m.start(), m.end(), 0.55));
      }
    }
    m = DEA_TOKEN.matcher(text);
    while (m.find()) {
      if (Checksums.dea(m.group())) {
        out.add(new Finding(PhiType.LICENSE, m.start(), m.end(), 0.6));
      }
    }
  }

  /** Values right after cue words; the most specific cue that ends nearest the value decides. */
  private static void cued(String text, List<Finding> out) {
    int[] claimed = new int[text.length() + 1]; // value starts already taken, by cue order
    java.util.Arrays.fill(claimed, -1);
    for (Cue cue : Cue.values()) {
      Matcher m = cue.pattern.matcher(text);
      while (m.find()) {
        int at = m.end();
        if (at >= text.length() || claimed[at] >= 0) {
          continue;
        }
        Matcher v = VALUE.matcher(text).region(at, Math.min(text.length(), at + 40));
        if (!v.lookingAt()) {
          continue;
        }
        int end = at + trimValue(v.group());
        String value = text.substring(at, end);
        if (!plausible(value, cue)) {
          continue;
        }
        claimed[at] = cue.ordinal();
        double c = confidence(cue, value);
        out.add(new Finding(cue.type, at, end, c));
      }
    }
  }

  /** Drops a trailing sentence dot and a trailing space-separated group that is a word. */
  private static int trimValue(String v) {
    int end = v.length();
    while (end > 0 && (v.charAt(end - 1) == '.' || v.charAt(end - 1) == ' ')) {
      end--;
    }
    return end;
  }

  private static boolean plausible(String value, Cue cue) {
    int digits = 0;
    int letters = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isDigit(c)) {
        digits++;
      } else if (Character.isLetter(c)) {
        letters++;
      }
    }
    int alnum = digits + letters;
    if (digits == 0 || alnum < 4) {
      return false;
    }
    if (cue == Cue.OTHER) {
      // "#" and "ID" alone are weak cues: ask for a real identifier, not "# 2 tabs" or "ID 12"
      return alnum >= 5 && digits >= 3;
    }
    // a dose or a lab value after a cue word is not an identifier ("card 5 mg")
    return !(letters > 0 && value.matches("(?i)\\d+(?:\\.\\d+)?\\s*(?:mg|ml|mcg|g|kg|cm|mm|units?)"));
  }

  private static double confidence(Cue cue, String value) {
    String digits = Checksums.digits(value);
    return switch (cue) {
      case NPI -> Checksums.npi(digits) ? 0.97 : 0.75;
      case VIN -> Checksums.vin(value.toUpperCase(java.util.Locale.ROOT)) ? 0.97 : 0.8;
      case ACCOUNT -> digits.length() >= 13 && Checksums.luhn(digits) ? 0.97 : 0.9;
      case LICENSE -> Checksums.dea(value) ? 0.97 : 0.85;
      case OTHER -> 0.7;
      default -> 0.9;
    };
  }
}
