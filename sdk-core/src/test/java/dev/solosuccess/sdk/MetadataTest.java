package dev.solosuccess.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    Metadata metadata = new Metadata(map);

    assertThat(metadata.entries()).as("%s", random).containsExactlyEntriesOf(new TreeMap<>(map));
    assertThat(metadata.size()).isEqualTo(map.size());
  }

  @Test
  void isImmutableAndIndependentOfTheMapItWasMadeFrom() {
    Map<String, String> map = new HashMap<>(Map.of("team", "hr"));
    Metadata metadata = new Metadata(map);

    map.put("team", "sales");
    map.put("lang", "de");

    assertThat(metadata.entries()).containsExactly(Map.entry("team", "hr"));
    assertThatThrownBy(() -> metadata.entries().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> metadata.entries().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalEntriesMakeEqualMetadata() {
    Metadata a = Metadata.of("b", "2", "a", "1");
    Metadata b = new Metadata(new HashMap<>(Map.of("a", "1", "b", "2")));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Metadata.of("a", "1"));
    assertThat(a.toString()).isEqualTo("{a=1, b=2}");
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
    assertThat(Metadata.of(key, "v").get(key)).contains("v");
  }

  @Test
  void valuesUpTo1024CharactersAreAcceptedAndLongerOnesRefused() {
    String max = "x".repeat(Metadata.MAX_VALUE_LENGTH);
    assertThat(Metadata.MAX_VALUE_LENGTH).isEqualTo(1024);
    assertThat(Metadata.of("k", max).get("k")).contains(max);
    assertThat(Metadata.of("k", "").get("k")).contains("");

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
    assertThat(Metadata.of("k", "Grüße, 日本 = ok; \"quoted\"").get("k"))
        .contains("Grüße, 日本 = ok; \"quoted\"");
  }

  @Test
  void nullValuesAndEntriesAreRefused() {
    Map<String, String> withNull = new HashMap<>();
    withNull.put("owner", null);
    assertThatThrownBy(() -> new Metadata(withNull))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'owner'");
    assertThatThrownBy(() -> new Metadata(null)).isExactlyInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Metadata.empty().with("owner", null))
        .isExactlyInstanceOf(InvalidInputException.class);
  }

  @Test
  void parseReadsKeyValuePairsSplittingAtTheFirstEquals() {
    Metadata m = Metadata.parse(List.of("team=hr", " lang = de ", "query=a=b==c", "empty="));

    assertThat(m.entries())
        .containsExactly(
            Map.entry("empty", ""),
            Map.entry("lang", "de"),
            Map.entry("query", "a=b==c"),
            Map.entry("team", "hr"));
  }

  @Test
  void parseLetsALaterPairWin() {
    assertThat(Metadata.parse(List.of("k=1", "k=2")).get("k")).contains("2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"novalue", "=value", ""})
  void parseRefusesAPairWithoutKeyAndEqualsNamingIt(String pair) {
    assertThatThrownBy(() -> Metadata.parse(List.of("ok=1", pair)))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key=value")
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

    assertThat(original.entries()).containsExactly(Map.entry("team", "hr"));
    assertThat(added.entries()).containsExactly(Map.entry("lang", "de"), Map.entry("team", "hr"));
    assertThat(replaced.entries())
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

    assertThat(merged.entries())
        .containsExactly(
            Map.entry("lang", "de"), Map.entry("team", "hr"), Map.entry("year", "2026"));
    assertThat(base.entries()).containsExactly(Map.entry("lang", "en"), Map.entry("team", "hr"));
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

      assertThat(Metadata.parse(pairs).entries())
          .as("pairs %s (%s)", pairs, random)
          .isEqualTo(expected);
    }
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
