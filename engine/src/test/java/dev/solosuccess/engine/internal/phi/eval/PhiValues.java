package dev.solosuccess.engine.internal.phi.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random identifiers in the spellings real notes use. Names come from three pools on purpose: the
 * shipped Census lists (common names), the Census surnames the engine does not ship (ranks past
 * 20,000), and modern or non-US names absent from the 1990 lists, so recall is measured on names
 * the lists miss too.
 */
final class PhiValues {

  static final String[] MODERN_FIRST = {
    "Jayden", "Aaliyah", "Nevaeh", "Priya", "Oluwaseun", "Xiomara", "Thanh", "Siobhan",
    "Dmitri", "Yusuf", "Ngozi", "Keanu", "Mateo", "Zoë", "José", "Björn", "Aoife", "Chidi",
    "Arjun", "Mei", "Hiroshi", "Fatima", "Kwame", "Saoirse", "Ximena", "Anh", "Deshawn",
    "Jaylen", "Kayden", "Brayden", "Aiden", "Liam", "Emeka", "Ingrid", "Rohan", "Anika",
    "Tenzin", "Leilani", "Kenji", "Amara", "Nikolai", "Svetlana", "Guadalupe", "Aarav"
  };

  static final String[] WORLD_SURNAMES = {
    "Okonkwo", "Van der Berg", "O'Sullivan", "Fernández", "Müller", "Nakamura", "Abubakar",
    "Kowalczyk", "Szymański", "Nguyễn", "Papadopoulos", "Oyelaran", "Al-Rashid", "Dubois",
    "Haddad", "Kaur", "Chaudhry", "Ivanova", "Lindqvist", "Mbeki", "Quispe", "Yilmaz",
    "Smith-Jones", "McAllister", "DeLuca", "Zhao", "Tanaka", "Ólafsdóttir", "García-Márquez"
  };

  static final String[] STREETS = {
    "Elm", "Oak", "Maple", "Main", "Washington", "Lincoln", "Park", "5th", "Cedar", "Pine",
    "Lake", "Hill", "Sunset", "Highland", "Church", "Mill", "River", "Spring", "Willow",
    "Chestnut", "Walnut", "Jefferson", "Madison", "Franklin", "Union", "Broad", "Market",
    "Water", "High", "Martin Luther King Jr", "Old Mill", "Deer Run", "Meadowbrook", "42nd",
    "Cherry Hill", "Birch", "Magnolia", "Dogwood", "Sycamore", "Harbor View", "Kingsley"
  };

  static final String[] SUFFIXES = {
    "Street", "St.", "St", "Avenue", "Ave", "Ave.", "Road", "Rd.", "Boulevard", "Blvd", "Lane",
    "Ln", "Drive", "Dr.", "Court", "Ct", "Way", "Place", "Terrace", "Circle", "Parkway"
  };

  static final String[][] CITIES = {
    {"Springfield", "IL", "Illinois", "627"}, {"Riverside", "CA", "California", "925"},
    {"Greenville", "SC", "South Carolina", "296"}, {"Madison", "WI", "Wisconsin", "537"},
    {"Georgetown", "TX", "Texas", "786"}, {"Salem", "OR", "Oregon", "973"},
    {"Fairview", "TN", "Tennessee", "370"}, {"Bristol", "CT", "Connecticut", "060"},
    {"Portland", "ME", "Maine", "041"}, {"Austin", "TX", "Texas", "787"},
    {"Denver", "CO", "Colorado", "802"}, {"Boston", "MA", "Massachusetts", "021"},
    {"Columbus", "OH", "Ohio", "432"}, {"Jacksonville", "FL", "Florida", "322"},
    {"Fort Worth", "TX", "Texas", "761"}, {"San Antonio", "TX", "Texas", "782"},
    {"St. Louis", "MO", "Missouri", "631"}, {"Winston-Salem", "NC", "North Carolina", "271"},
    {"Baton Rouge", "LA", "Louisiana", "708"}, {"Salt Lake City", "UT", "Utah", "841"},
    {"Ann Arbor", "MI", "Michigan", "481"}, {"Cedar Rapids", "IA", "Iowa", "524"},
    {"Santa Fe", "NM", "New Mexico", "875"}, {"El Paso", "TX", "Texas", "799"},
    {"Sioux Falls", "SD", "South Dakota", "571"}, {"Des Moines", "IA", "Iowa", "503"},
    {"Little Rock", "AR", "Arkansas", "722"}, {"New Haven", "CT", "Connecticut", "065"},
    {"Burlington", "VT", "Vermont", "054"}, {"Boise", "ID", "Idaho", "837"},
    {"Tulsa", "OK", "Oklahoma", "741"}, {"Omaha", "NE", "Nebraska", "681"},
    {"Fargo", "ND", "North Dakota", "581"}, {"Billings", "MT", "Montana", "591"},
    {"Cheyenne", "WY", "Wyoming", "820"}, {"Reno", "NV", "Nevada", "895"},
    {"Tucson", "AZ", "Arizona", "857"}, {"Eugene", "OR", "Oregon", "974"},
    {"Spokane", "WA", "Washington", "992"}, {"Anchorage", "AK", "Alaska", "995"},
    {"Honolulu", "HI", "Hawaii", "968"}, {"Kalispell", "MT", "Montana", "599"},
    {"Laramie", "WY", "Wyoming", "820"}, {"Baltimore", "MD", "Maryland", "212"},
    {"Pittsburgh", "PA", "Pennsylvania", "152"}, {"Dover", "DE", "Delaware", "199"}
  };

  static final String[] MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"
  };

  final Random random;
  private final List<String> firstNames;
  private final List<String> surnames;
  private final List<String> rareSurnames;

  PhiValues(Random random) {
    this.random = random;
    this.firstNames = lines(PhiValues.class.getResourceAsStream(
        "/dev/solosuccess/engine/internal/phi/first-names.txt"), 1500);
    this.surnames = lines(PhiValues.class.getResourceAsStream(
        "/dev/solosuccess/engine/internal/phi/surnames.txt"), 20000);
    this.rareSurnames = lines(PhiValues.class.getResourceAsStream("rare-surnames.txt"), 1000);
  }

  <T> T pick(T[] a) {
    return a[random.nextInt(a.length)];
  }

  <T> T pick(List<T> a) {
    return a.get(random.nextInt(a.size()));
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  int between(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  /** Skewed to the front of a frequency-ranked list, as real names are. */
  private String ranked(List<String> list) {
    double u = random.nextDouble();
    return list.get((int) (list.size() * u * u * u));
  }

  String first() {
    return chance(0.15) ? pick(MODERN_FIRST) : ranked(firstNames);
  }

  String last() {
    double u = random.nextDouble();
    if (u < 0.2) {
      return pick(rareSurnames);
    }
    if (u < 0.3) {
      return pick(WORLD_SURNAMES);
    }
    return ranked(surnames);
  }

  String initial() {
    return String.valueOf((char) ('A' + random.nextInt(26)));
  }

  String street() {
    String s = between(1, 9999) + " ";
    if (chance(0.15)) {
      s += pick(new String[] {"N.", "S.", "E.", "W.", "North", "West"}) + " ";
    }
    s += pick(STREETS) + " " + pick(SUFFIXES);
    if (chance(0.3)) {
      s += pick(new String[] {", Apt ", " Apt. ", ", Unit ", " Suite ", " #", ", Apt "})
          + between(1, 40) + (chance(0.4) ? String.valueOf((char) ('A' + random.nextInt(6))) : "");
    }
    return s;
  }

  String poBox() {
    return pick(new String[] {"PO Box ", "P.O. Box ", "P. O. Box "}) + between(10, 99999);
  }

  String[] city() {
    return pick(CITIES);
  }

  String zip(String zip3) {
    String z = zip3 + String.format(Locale.ROOT, "%02d", between(0, 99));
    return chance(0.2) ? z + "-" + String.format(Locale.ROOT, "%04d", between(1, 9999)) : z;
  }

  String phoneDigits() {
    return between(201, 989) + "" + between(200, 999) + String.format(Locale.ROOT, "%04d",
        between(0, 9999));
  }

  String phone() {
    String d = phoneDigits();
    String a = d.substring(0, 3);
    String b = d.substring(3, 6);
    String c = d.substring(6);
    String s = switch (random.nextInt(10)) {
      case 0 -> a + "-" + b + "-" + c;
      case 1 -> "(" + a + ") " + b + "-" + c;
      case 2 -> "(" + a + ") " + b + " " + c;
      case 3 -> a + "." + b + "." + c;
      case 4 -> "+1 " + a + "." + b + "." + c;
      case 5 -> "+1 (" + a + ") " + b + "-" + c;
      case 6 -> "1-" + a + "-" + b + "-" + c;
      case 7 -> a + " " + b + " " + c;
      case 8 -> "(" + a + ")" + b + "-" + c;
      default -> a + "-" + b + "-" + c;
    };
    return chance(0.08) ? s + pick(new String[] {" ext. ", " x", " ext "}) + between(10, 9999) : s;
  }

  String email(String first, String last) {
    String f = ascii(first).toLowerCase(Locale.ROOT);
    String l = ascii(last).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    String user = switch (random.nextInt(4)) {
      case 0 -> f + "." + l;
      case 1 -> f.charAt(0) + l + between(1, 99);
      case 2 -> l + "_" + f;
      default -> f + between(1950, 2005);
    };
    return user + "@" + pick(new String[] {"example.com", "mail.example.org", "inbox.test",
        "healthmail.example.net", "uni.example.edu"});
  }

  static String ascii(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z]", "");
  }

  String ssn() {
    int area;
    do {
      area = between(1, 899);
    } while (area == 666);
    String s = String.format(Locale.ROOT, "%03d-%02d-%04d", area, between(1, 99),
        between(1, 9999));
    return chance(0.15) ? s.replace('-', ' ') : s;
  }

  String mrn() {
    return switch (random.nextInt(4)) {
      case 0 -> String.format(Locale.ROOT, "%08d", between(1, 99_999_999));
      case 1 -> "A" + between(1_000_000, 9_999_999);
      case 2 -> between(100, 999) + "-" + between(10, 99) + "-" + between(100, 999);
      default -> String.valueOf(between(1_000_000, 99_999_999));
    };
  }

  String alnum(int n) {
    String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(chars.charAt(random.nextInt(chars.length())));
    }
    // at least two digits, as real identifiers have
    b.setCharAt(n - 1, (char) ('0' + random.nextInt(10)));
    b.setCharAt(n / 2, (char) ('0' + random.nextInt(10)));
    return b.toString();
  }

  String digits(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    return b.toString();
  }

  /** A number whose last digit makes the Luhn sum (with {@code prefix} in front) a multiple of 10. */
  String luhnComplete(String prefix, String body) {
    for (int d = 0; d < 10; d++) {
      String all = prefix + body + d;
      if (luhn(all)) {
        return body + d;
      }
    }
    throw new AssertionError();
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  String npi() {
    return luhnComplete("80840", "1" + digits(8));
  }

  String card() {
    String n = luhnComplete("", "4" + digits(14));
    return chance(0.5) ? n.replaceAll("(\\d{4})(?=\\d)", "$1 ") : n.replaceAll("(\\d{4})(?=\\d)", "$1-");
  }

  String dea() {
    String letters = "" + pick(new String[] {"A", "B", "F", "M"}) + (char) ('A' + random.nextInt(26));
    String d = digits(6);
    int sum = (d.charAt(0) - '0') + (d.charAt(2) - '0') + (d.charAt(4) - '0')
        + 2 * ((d.charAt(1) - '0') + (d.charAt(3) - '0') + (d.charAt(5) - '0'));
    return letters + d + (sum % 10);
  }

  String vin() {
    String chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    while (true) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 17; i++) {
        b.append(chars.charAt(random.nextInt(chars.length())));
      }
      String weights = "8765432X098765432";
      int sum = 0;
      for (int i = 0; i < 17; i++) {
        if (i == 8) {
          continue;
        }
        char w = weights.charAt(i);
        sum += vinValue(b.charAt(i)) * (w == 'X' ? 10 : w - '0');
      }
      int check = sum % 11;
      b.setCharAt(8, check == 10 ? 'X' : (char) ('0' + check));
      return b.toString();
    }
  }

  private static int vinValue(char c) {
    if (Character.isDigit(c)) {
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
      default -> 9; // R, Z (I, O and Q are never drawn)
    };
  }

  String ipv4() {
    return between(1, 223) + "." + between(0, 255) + "." + between(0, 255) + "." + between(1, 254);
  }

  String ipv6() {
    StringBuilder b = new StringBuilder("2001:db8");
    int groups = pick(new Integer[] {2, 3, 4, 6}); // 8 groups, or 7 at most around "::"
    for (int i = 0; i < groups; i++) {
      b.append(':').append(Integer.toHexString(between(0, 0xffff)));
    }
    if (groups < 6) {
      b.append("::").append(Integer.toHexString(between(1, 0xffff)));
    }
    return b.toString();
  }

  private static List<String> lines(InputStream in, int max) {
    if (in == null) {
      throw new IllegalStateException("a name list is missing from the class path");
    }
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null && out.size() < max) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
