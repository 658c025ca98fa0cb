package dev.solosuccess.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataTest {

  @Test
  void entriesAreSortedByKey(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      map.put(randomKey(random), "v" + i);
    }

    Metadata metadata = Metadata.ofText(map);

    assertThat(strings(metadata)).as("%s", random).containsExactlyEntriesOf(new TreeMap<>(map));
    assertThat(metadata.size()).isEqualTo(map.size());
  }

  @Test
  void isImmutableAndIndependentOfTheMapItWasMadeFrom() {
    Map<String, MetadataValue> map = new HashMap<>(Map.of("team", MetadataValue.text("hr")));
    Metadata metadata = new Metadata(map);

    map.put("team", MetadataValue.text("sales"));
    map.put("lang", MetadataValue.text("de"));

    assertThat(strings(metadata)).containsExactly(Map.entry("team", "hr"));
    assertThatThrownBy(() -> metadata.entries().put("x", MetadataValue.text("y")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> metadata.entries().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalEntriesMakeEqualMetadata() {
    Metadata a = Metadata.of("b", "2", "a", "1");
    Metadata b = Metadata.ofText(new HashMap<>(Map.of("a", "1", "b", "2")));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Metadata.of("a", "1"));
    assertThat(a.toString()).isEqualTo("{a=1, b=2}");
    assertThat(Metadata.of("a", MetadataValue.number(1))).isNotEqualTo(Metadata.of("a", "1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "has space",
        "semi;colon",
        "ümlaut",
        "slash/key",
        "eq=key",
        "12345678901234567890123456789012345678901234567890123456789012345"
      })
  void badKeysAreRefusedNamingTheKey(String key) {
    assertThatThrownBy(() -> Metadata.of(key, "v"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'" + key + "'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "Team_1",
        "x.y-z",
        "0",
        "1234567890123456789012345678901234567890123456789012345678901234"
      })
  void keysOfLettersDigitsAndPunctuationUpTo64AreAccepted(String key) {
    assertThat(Metadata.of(key, "v").getString(key)).contains("v");
  }

  @Test
  void valuesUpTo1024CharactersAreAcceptedAndLongerOnesRefused() {
    String max = "x".repeat(Metadata.MAX_VALUE_LENGTH);
    assertThat(Metadata.MAX_VALUE_LENGTH).isEqualTo(1024);
    assertThat(Metadata.of("k", max).getString("k")).contains(max);
    assertThat(Metadata.of("k", "").getString("k")).contains("");

    assertThatThrownBy(() -> Metadata.of("note", max + "y"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'note'")
        .hasMessageContaining("1024")
        .hasMessageContaining("got 1025");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"line\nbreak", "tab\there", "nul\u0000", "\u007fdelete", "c1\u0085control", "\r"})
  void controlCharactersInValuesAreRefused(String value) {
    int at = 0;
    while (!Character.isISOControl(value.charAt(at))) {
      at++;
    }
    assertThatThrownBy(() -> Metadata.of("k", value))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'k'")
        .hasMessageContaining("control character at index " + at);
  }

  @Test
  void unicodeAndPunctuationInValuesAreFine() {
    assertThat(Metadata.of("k", "Grüße, 日本 = ok; \"quoted\"").getString("k"))
        .contains("Grüße, 日本 = ok; \"quoted\"");
  }

  @Test
  void nullValuesAndEntriesAreRefused() {
    Map<String, MetadataValue> withNull = new HashMap<>();
    withNull.put("owner", null);
    assertThatThrownBy(() -> new Metadata(withNull))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'owner'");
    Map<String, String> withNullText = new HashMap<>();
    withNullText.put("owner", null);
    assertThatThrownBy(() -> Metadata.ofText(withNullText))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'owner'");
    assertThatThrownBy(() -> new Metadata(null)).isExactlyInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Metadata.empty().with("owner", (String) null))
        .isExactlyInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Metadata.empty().with("owner", (MetadataValue) null))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'owner'");
  }

  @Test
  void parseReadsKeyValuePairsSplittingAtTheFirstEquals() {
    Metadata m = Metadata.parse(List.of("team=hr", " lang = de ", "query=a=b==c", "empty="));

    assertThat(strings(m))
        .containsExactly(
            Map.entry("empty", ""),
            Map.entry("lang", "de"),
            Map.entry("query", "a=b==c"),
            Map.entry("team", "hr"));
  }

  @Test
  void parseLetsALaterPairWin() {
    assertThat(Metadata.parse(List.of("k=1", "k=2")).get("k")).contains(MetadataValue.number(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"novalue", "=value", ""})
  void parseRefusesAPairWithoutKeyAndEqualsNamingIt(String pair) {
    assertThatThrownBy(() -> Metadata.parse(List.of("ok=1", pair)))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key=value")
        .hasMessageContaining("key:type=value")
        .hasMessageContaining("'" + pair + "'");
  }

  @Test
  void parseAppliesKeyValidation() {
    assertThatThrownBy(() -> Metadata.parse(List.of("bad key=1")))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'bad key'");
    assertThatThrownBy(() -> Metadata.parse(Arrays.asList("a=1", null)))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'null'");
  }

  @Test
  void parseOfNothingIsEmpty() {
    assertThat(Metadata.parse(List.of())).isEqualTo(Metadata.empty());
    assertThat(Metadata.empty().isEmpty()).isTrue();
    assertThat(Metadata.empty().get("x")).isEmpty();
  }

  @Test
  void withReturnsACopyWithOneEntryAddedOrReplaced() {
    Metadata original = Metadata.of("team", "hr");

    Metadata added = original.with("lang", "de");
    Metadata replaced = added.with("team", "sales");

    assertThat(strings(original)).containsExactly(Map.entry("team", "hr"));
    assertThat(strings(added)).containsExactly(Map.entry("lang", "de"), Map.entry("team", "hr"));
    assertThat(strings(replaced))
        .containsExactly(Map.entry("lang", "de"), Map.entry("team", "sales"));
    assertThatThrownBy(() -> original.with("bad key", "v"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'bad key'");
  }

  @Test
  void mergeAddsTheOtherEntriesAndTheOtherWins() {
    Metadata base = Metadata.of("team", "hr", "lang", "en");
    Metadata other = Metadata.of("lang", "de", "year", "2026");

    Metadata merged = base.merge(other);

    assertThat(strings(merged))
        .containsExactly(
            Map.entry("lang", "de"), Map.entry("team", "hr"), Map.entry("year", "2026"));
    assertThat(strings(base)).containsExactly(Map.entry("lang", "en"), Map.entry("team", "hr"));
    assertThat(base.merge(Metadata.empty())).isEqualTo(base);
    assertThat(Metadata.empty().merge(other)).isEqualTo(other);
  }

  @Test
  void randomEntriesSurviveParseOfTheirPrintedPairs(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    for (int round = 0; round < 100; round++) {
      Map<String, String> map = new HashMap<>();
      List<String> pairs = new ArrayList<>();
      for (int i = random.nextInt(6); i > 0; i--) {
        String key = randomKey(random);
        String value = randomValue(random);
        map.put(key, value);
        pairs.add(key + "=" + value);
      }
      Map<String, String> expected = new HashMap<>();
      for (String pair : pairs) {
        int eq = pair.indexOf('=');
        expected.put(pair.substring(0, eq), pair.substring(eq + 1).strip());
      }

      assertThat(strings(Metadata.parse(pairs)))
          .as("pairs %s (%s)", pairs, random)
          .isEqualTo(expected);
    }
  }

  @Test
  void parseInfersNumbersAndDatesAndKeepsTheRestText() {
    Metadata m =
        Metadata.parse(
            List.of(
                "year=2024",
                "score = -1.5",
                "when=2024-03-01",
                "at=2024-03-01T10:15:00+02:00",
                "team=support",
                "version=1.2.3",
                "zip:string=00123",
                "n:NUMBER= 7 ",
                "d:date=2024-01-05T00:00:00Z"));

    assertThat(m.get("year")).contains(new MetadataValue.Number(2024));
    assertThat(m.get("score")).contains(new MetadataValue.Number(-1.5));
    assertThat(m.get("when"))
        .contains(new MetadataValue.Date(Instant.parse("2024-03-01T00:00:00Z")));
    assertThat(m.get("at")).contains(new MetadataValue.Date(Instant.parse("2024-03-01T08:15:00Z")));
    assertThat(m.get("team")).contains(new MetadataValue.Text("support"));
    assertThat(m.get("version")).contains(new MetadataValue.Text("1.2.3"));
    assertThat(m.get("zip")).contains(new MetadataValue.Text("00123"));
    assertThat(m.get("n")).contains(new MetadataValue.Number(7));
    assertThat(m.get("d")).contains(new MetadataValue.Date(Instant.parse("2024-01-05T00:00:00Z")));
    assertThat(m.toString())
        .isEqualTo(
            "{at=2024-03-01T08:15:00Z, d=2024-01-05T00:00:00Z, n=7, score=-1.5, team=support,"
                + " version=1.2.3, when=2024-03-01T00:00:00Z, year=2024, zip=00123}");
  }

  @Test
  void parseOfAnExplicitTypeNamesTheValueAndTheKey() {
    assertThatThrownBy(() -> Metadata.parse(List.of("year:number=abc")))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("'abc' is not a number (metadata key year)");
    assertThatThrownBy(() -> Metadata.parse(List.of("when:date=2024-13-01")))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("'2024-13-01' is not a date")
        .hasMessageEndingWith("(metadata key when)");
    assertThatThrownBy(() -> Metadata.parse(List.of("flag:bool=1")))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("string, number or date, got 'bool'")
        .hasMessageContaining("flag");
    assertThatThrownBy(() -> Metadata.parse(List.of("bad key:number=1")))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'bad key'");
  }

  @Test
  void withAndOfAcceptTypedValues() {
    Metadata m =
        Metadata.of("year", MetadataValue.number(2024))
            .with("when", MetadataValue.date(Instant.parse("2024-03-01T00:00:00Z")));

    assertThat(m.get("year")).contains(MetadataValue.number(2024));
    assertThat(m.getString("when")).contains("2024-03-01T00:00:00Z");
    assertThat(m.getString("absent")).isEmpty();
  }

  static Map<String, String> strings(Metadata m) {
    Map<String, String> out = new TreeMap<>();
    m.entries().forEach((k, v) -> out.put(k, v.asString()));
    return out;
  }

  private static String randomKey(Random random) {
    String alphabet = "abcXYZ019_.-";
    StringBuilder b = new StringBuilder();
    for (int i = 1 + random.nextInt(8); i > 0; i--) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static String randomValue(Random random) {
    String alphabet = "ab =é日,;:\"'";
    StringBuilder b = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
