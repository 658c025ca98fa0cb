package dev.solosuccess.engine.internal.phi;

import dev.solosuccess.sdk.PhiType;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses, cities and ZIP codes. A street address is a house number, street words and a
 * street suffix ("42 N. Elm Street", "1600 5th Ave Apt 3B"), or a PO box. A city is known by its
 * position: capitalized words before a state's name or two-letter code ("Springfield, IL"),
 * before "County", or after "lives in" and kin; no list of places is shipped. A ZIP code is five
 * digits (and an optional four) after a state, or after "ZIP".
 */
final class AddressRecognizer implements Recognizer {

  private static final String SUFFIX =
      "(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl"
          + "|Way|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Square|Sq|Loop"
          + "|Alley|Aly|Plaza|Plz|Row|Path|Pike|Crescent|Cres|Close|Run|Pass|Point|Pt|Crossing"
          + "|Xing|Ridge|Hollow|Heights|Hts|Grove|Gardens|Gdns|Park|Commons|Walk|Mews|Bend"
          + "|Expressway|Expy|Freeway|Fwy|Turnpike|Tpke|Route|Rte|Causeway|Landing|Meadows?"
          + "|Estates?|Glen|Green|Harbor|Knoll|Manor|Mill|Orchard|Station|Summit|View|Vista"
          + "|Valley|Creek|Spring|Springs)";
  private static final String DIRECTION =
      "(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Northeast|Northwest|Southeast|Southwest)\\.?";
  private static final String STREET_WORD =
      "(?:\\p{Lu}[\\p{L}'’\\-]*\\.?|\\d{1,3}(?:st|nd|rd|th)|[Oo]f|[Tt]he|de|la|del)";
  private static final String UNIT =
      "(?:,?[ \\t]+(?:Apt|Apartment|Unit|Suite|Ste|Rm|Room|Fl|Floor|Bldg|Building|Lot|Space|Trlr)"
          + "\\.?[ \\t]*#?[ \\t]*[A-Za-z0-9\\-]{1,6}|,?[ \\t]+#[ \\t]?[A-Za-z0-9\\-]{1,6})?";

  private static final Pattern STREET =
      Pattern.compile(
          "(?<![\\w.,/\\-])\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?[ \\t]+(?:" + DIRECTION + "[ \\t]+)?"
              + "(?:" + STREET_WORD + "[ \\t]+){0,3}" + STREET_WORD + "[ \\t]+" + SUFFIX + "\\.?"
              + "(?:[ \\t]+" + DIRECTION + "(?![\\w]))?" + UNIT + "(?![\\w])");

  private static final Pattern PO_BOX =
      Pattern.compile(
          "(?i)\\b(?:P\\.?\\s?O\\.?\\s*Box|Post\\s+Office\\s+Box|PO\\s+Box)\\s*#?\\s*\\d{1,6}\\b");

  static final Set<String> STATE_CODES =
      Set.of(
          "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN",
          "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
          "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
          "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "VI", "GU");

  /** Codes that are also English words or credentials: a city before them needs a ZIP after. */
  private static final Set<String> AMBIGUOUS_CODES =
      Set.of("IN", "OR", "ME", "OK", "HI", "DE", "MD", "PA", "MA", "CO", "ID", "OH", "LA", "MS",
          "DC", "GA", "MO", "SC", "NE", "VA", "PR", "MI", "MT", "AL", "UT", "AR");

  static final String STATE_NAMES =
      "(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida"
          + "|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine"
          + "|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska"
          + "|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota"
          + "|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota"
          + "|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
          + "|Puerto Rico)";

  private static final String CITY =
      "((?:(?:St|Ft|Mt|Pt)\\. )?\\p{Lu}[\\p{Ll}'’]+(?:[ \\-]\\p{Lu}[\\p{Ll}'’]+){0,2})";

  /** City, ST 12345 / City, Texas / City ST 12345 */
  private static final Pattern CITY_STATE =
      Pattern.compile(
          "(?<![\\p{L}])" + CITY + "(,\\s*|\\s+)(\\p{Lu}{2}|" + STATE_NAMES + ")(?![\\p{L}])"
              + "(?:,?\\s+(\\d{5}(?:-\\d{4})?)(?![\\d\\-]))?");

  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern SUFFIX_WORD = Pattern.compile(SUFFIX + "\\.?");

  private static final Pattern STATE = Pattern.compile(STATE_NAMES);

  private static final Pattern COUNTY =
      Pattern.compile("(?<![\\p{L}])((?:\\p{Lu}[\\p{Ll}'’]+\\s){1,2})(?:County|Parish|Borough)\\b");

  private static final Pattern LIVES_IN =
      Pattern.compile(
          "(?i:\\b(?:lives|living|resides|residing|resident|moved|relocated|born|grew up|home"
              + "|staying|stays|stayed|visiting|visited|vacationing|traveling|travelling)"
              + "(?:\\s+(?:alone|with|together|independently|nearby)(?:\\s+(?:her|his|their|a|an|the))?"
              + "(?:\\s+\\p{Ll}+){0,2})?\\s+(?:in|of|at|to|near)|\\bresident of|\\bcity of|\\btown of|\\bcity:|\\btown:)"
              + "\\s+((?:(?:St|Ft|Mt)\\. )?(?:\\p{Lu}[\\p{Ll}'’]+)(?:[ \\-]\\p{Lu}[\\p{Ll}'’]+){0,2})");

  private static final Pattern ZIP_CUE =
      Pattern.compile("(?i)\\b(?:zip|zip code|zipcode|postal code|postcode)\\s*[:#]?\\s*"
          + "(\\d{5}(?:-\\d{4})?)(?![\\d\\-])");

  /** Capitalized words a city pattern must not take for a city. */
  private static final Set<String> NOT_CITIES =
      Set.of("Patient", "Pt", "Dr", "Mr", "Mrs", "Ms", "Name", "Address", "Phone", "Fax", "The",
          "Seen", "Signed", "Hospital", "Clinic", "Center", "Medical", "Regional", "General",
          "Memorial", "University", "Department", "Dept", "Room", "Suite", "Unit", "Apt");

  @Override
  public void find(String text, List<Finding> out) {
    Matcher m = STREET.matcher(text);
    while (m.find()) {
      out.add(new Finding(PhiType.STREET_ADDRESS, m.start(), m.end(), 0.88));
    }
    m = PO_BOX.matcher(text);
    while (m.find()) {
      out.add(new Finding(PhiType.STREET_ADDRESS, m.start(), m.end(), 0.9));
    }
    m = CITY_STATE.matcher(text);
    while (m.find()) {
      String state = m.group(3);
      boolean code = state.length() == 2;
      if (code && !STATE_CODES.contains(state)) {
        continue;
      }
      boolean zip = m.group(4) != null;
      if (code && !zip && AMBIGUOUS_CODES.contains(state)) {
        continue;
      }
      int[] city = trimCity(text, m.start(1), m.end(1));
      if (city != null) {
        double c = zip ? 0.9 : 0.75;
        out.add(new Finding(PhiType.CITY, city[0], city[1], c));
      }
      if (zip) {
        out.add(new Finding(PhiType.ZIP, m.start(4), m.end(4), 0.95));
      }
    }
    m = COUNTY.matcher(text);
    while (m.find()) {
      int[] city = trimCity(text, m.start(1), m.end(1));
      if (city != null) {
        out.add(new Finding(PhiType.CITY, city[0], m.end(), 0.8));
      }
    }
    m = LIVES_IN.matcher(text);
    while (m.find()) {
      int[] city = trimCity(text, m.start(1), m.end(1));
      if (city != null && !STATE.matcher(text.substring(city[0], city[1])).matches()) {
        // "lives in Ann Arbor": the verb says place, whatever the name lists say
        out.add(new Finding(PhiType.CITY, city[0], city[1], 0.93));
      }
    }
    m = ZIP_CUE.matcher(text);
    while (m.find()) {
      out.add(new Finding(PhiType.ZIP, m.start(1), m.end(1), 0.9));
    }
  }

  /**
   * The city words without trailing spaces, without leading labels and institutions ("Clinic",
   * "Patient"), and without a street before them ("Elm Street Springfield IL" holds the city
   * "Springfield"). Null when nothing is left.
   */
  private static int[] trimCity(String text, int start, int end) {
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    Matcher words = WORD.matcher(text).region(start, end);
    int firstWord = start;
    while (words.find()) {
      if (words.start() > firstWord && SUFFIX_WORD.matcher(words.group()).matches()
          && words.end() < end) {
        start = words.end() + 1;
      }
    }
    while (start < end) {
      int space = text.indexOf(' ', start);
      String first = text.substring(start, space < 0 || space > end ? end : space).replace(".", "");
      if (!NOT_CITIES.contains(first)) {
        break;
      }
      if (space < 0 || space >= end) {
        return null;
      }
      start = space + 1;
    }
    return end > start ? new int[] {start, end} : null;
  }
}
