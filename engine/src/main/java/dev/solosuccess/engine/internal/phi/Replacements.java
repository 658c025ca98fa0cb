package dev.solosuccess.engine.internal.phi;

import dev.solosuccess.sdk.PhiSpan;
import dev.solosuccess.sdk.PhiType;
import dev.solosuccess.sdk.Redaction;
import dev.solosuccess.sdk.RedactionMode;
import dev.solosuccess.sdk.RedactionOptions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes the redacted text: masks, pseudonyms or keyed hashes in place of the findings, with each
 * span's place in both texts. One call's state (the pseudonym numbering) lives in one call.
 */
final class Replacements {

  /**
   * The three-digit ZIP areas of 20,000 people or fewer (2000 Census), which Safe Harbor replaces
   * with 000 (HHS, "Guidance Regarding Methods for De-identification", 2012).
   */
  static final Set<String> SMALL_ZIP3 =
      Set.of("036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831",
          "878", "879", "884", "890", "893");

  /** Types whose values compare by letters and digits alone ("(555) 123-4567" = "555.123.4567"). */
  private static final Set<PhiType> BY_CHARACTERS =
      Set.of(PhiType.PHONE, PhiType.FAX, PhiType.SSN, PhiType.MRN, PhiType.HEALTH_PLAN,
          PhiType.ACCOUNT, PhiType.LICENSE, PhiType.VEHICLE, PhiType.DEVICE, PhiType.ZIP,
          PhiType.BIOMETRIC, PhiType.OTHER_ID, PhiType.IP_ADDRESS);

  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[89]\\d\\d|20\\d\\d)(?!\\d)");

  private Replacements() {}

  static Redaction apply(String text, List<Finding> findings, RedactionOptions options) {
    StringBuilder out = new StringBuilder(text.length());
    List<PhiSpan> spans = new ArrayList<>(findings.size());
    Map<PhiType, Map<String, Integer>> pseudonyms = new EnumMap<>(PhiType.class);
    Mac mac = options.mode() == RedactionMode.HASH ? mac(options.hashKey()) : null;
    int at = 0;
    for (Finding f : findings) {
      out.append(text, at, f.start());
      String value = text.substring(f.start(), f.end());
      String replacement =
          switch (options.mode()) {
            case MASK -> options.generalize() ? generalized(f.type(), value) : mask(f.type());
            case PSEUDONYM -> {
              Map<String, Integer> seen = pseudonyms.computeIfAbsent(f.type(), t -> new HashMap<>());
              int n = seen.computeIfAbsent(canonical(f.type(), value), v -> seen.size() + 1);
              yield "[" + f.type().label() + "-" + n + "]";
            }
            case HASH -> "[" + f.type().label() + ":"
                + hash(mac, f.type(), value, options.hashChars()) + "]";
          };
      int rs = out.length();
      out.append(replacement);
      spans.add(new PhiSpan(f.type(), f.start(), f.end(), rs, out.length(), f.confidence()));
      at = f.end();
    }
    out.append(text, at, text.length());
    return new Redaction(out.toString(), spans);
  }

  static String mask(PhiType type) {
    return "[" + type.label() + "]";
  }

  /** What Safe Harbor lets stay: the year of a date, three ZIP digits, "90+" for an age. */
  static String generalized(PhiType type, String value) {
    switch (type) {
      case DATE -> {
        Matcher m = YEAR.matcher(value);
        return m.find() ? m.group(1) : mask(type);
      }
      case ZIP -> {
        String digits = Checksums.digits(value);
        if (digits.length() < 5) {
          return mask(type);
        }
        String zip3 = digits.substring(0, 3);
        return (SMALL_ZIP3.contains(zip3) ? "000" : zip3) + "XX";
      }
      case AGE -> {
        return "90+";
      }
      default -> {
        return mask(type);
      }
    }
  }

  /** The form under which two mentions count as the same value. */
  static String canonical(PhiType type, String value) {
    if (BY_CHARACTERS.contains(type)) {
      StringBuilder b = new StringBuilder(value.length());
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          b.append(Character.toUpperCase(c));
        }
      }
      String s = b.toString();
      // a leading country code 1 does not make another phone number
      if ((type == PhiType.PHONE || type == PhiType.FAX) && s.length() == 11 && s.startsWith("1")) {
        s = s.substring(1);
      }
      return s;
    }
    return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  private static String hash(Mac mac, PhiType type, String value, int chars) {
    mac.reset();
    mac.update(type.label().getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    byte[] h = mac.doFinal(canonical(type, value).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(h).substring(0, chars);
  }
}
