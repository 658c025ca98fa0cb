package dev.solosuccess.engine.internal.phi;

/** The check rules of identifiers that have one. Pure functions over digit strings. */
final class Checksums {

  private Checksums() {}

  /** The digits of {@code s}, separators dropped. */
  static String digits(CharSequence s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The Luhn (mod 10) check of payment cards and, with a prefix, NPIs. */
  static boolean luhn(String digits) {
    if (digits.isEmpty()) {
      return false;
    }
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /**
   * A National Provider Identifier: 10 digits starting with 1 or 2 whose Luhn check, computed with
   * the card issuer prefix 80840 in front (as CMS specifies), holds.
   */
  static boolean npi(String digits) {
    return digits.length() == 10
        && (digits.charAt(0) == '1' || digits.charAt(0) == '2')
        && luhn("80840" + digits);
  }

  /**
   * The Social Security Administration's rules for a number it may have issued: area (first 3
   * digits) not 000, 666 or 900-999; group (middle 2) not 00; serial (last 4) not 0000.
   */
  static boolean ssn(String digits) {
    if (digits.length() != 9) {
      return false;
    }
    int area = Integer.parseInt(digits.substring(0, 3));
    int group = Integer.parseInt(digits.substring(3, 5));
    int serial = Integer.parseInt(digits.substring(5));
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }

  private static final String VIN_WEIGHTS = "8765432X098765432";

  /**
   * A vehicle identification number (ISO 3779, 49 CFR 565): 17 characters without I, O or Q whose
   * ninth character is the check digit (0-9 or X) of the weighted transliterated sum mod 11.
   */
  static boolean vin(String vin) {
    if (vin.length() != 17) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = vinValue(vin.charAt(i));
      if (value < 0) {
        return false;
      }
      char w = VIN_WEIGHTS.charAt(i);
      int weight = w == 'X' ? 10 : w - '0';
      sum += value * weight;
    }
    int check = sum % 11;
    char expected = check == 10 ? 'X' : (char) ('0' + check);
    return vin.charAt(8) == expected;
  }

  /** A VIN character's value, or -1 for a character a VIN cannot hold. */
  private static int vinValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return switch (c) {
      case 'A', 'J' -> 1;
      case 'B', 'K', 'S' -> 2;
      case 'C', 'L', 'T' -> 3;
      case 'D', 'M', 'U' -> 4;
      case 'E', 'N', 'V' -> 5;
      case 'F', 'W' -> 6;
      case 'G', 'P', 'X' -> 7;
      case 'H', 'Y' -> 8;
      case 'R', 'Z' -> 9;
      default -> -1; // I, O, Q and anything else
    };
  }

  /**
   * A DEA registration number: two letters and seven digits where (d1 + d3 + d5) + 2 (d2 + d4 +
   * d6) ends in d7.
   */
  static boolean dea(String s) {
    if (s.length() != 9
        || !Character.isLetter(s.charAt(0))
        || !(Character.isLetter(s.charAt(1)) || s.charAt(1) == '9')) {
      return false;
    }
    int[] d = new int[7];
    for (int i = 0; i < 7; i++) {
      char c = s.charAt(i + 2);
      if (c < '0' || c > '9') {
        return false;
      }
      d[i] = c - '0';
    }
    int sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
    return sum % 10 == d[6];
  }
}
