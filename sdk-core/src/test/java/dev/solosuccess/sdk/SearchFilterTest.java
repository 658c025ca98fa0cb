package dev.solosuccess.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.SearchFilter.Equals;
import dev.solosuccess.sdk.SearchFilter.In;
import dev.solosuccess.sdk.SearchFilter.Range;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchFilterTest {

  static final Instant JAN = Instant.parse("2024-01-01T00:00:00Z");
  static final Instant JUL = Instant.parse("2024-07-01T00:00:00Z");

  @Test
  void theBuilderMakesOneConditionPerCallInOrder() {
    SearchFilter f =
        SearchFilter.builder()
            .equalTo("team", "support")
            .in("lang", "en", "de")
            .range("year", 2020, 2024)
            .atLeast("score", 0.5)
            .atMost("size", 10)
            .between("created", JAN, JUL)
            .atLeast("from", JAN)
            .atMost("until", JUL)
            .in("rank", 1, 2)
            .equalTo("n", 3)
            .equalTo("day", JAN)
            .build();

    assertThat(f.conditions())
        .containsExactly(
            new Equals("team", MetadataValue.text("support")),
            new In("lang", Set.of(MetadataValue.text("en"), MetadataValue.text("de"))),
            new Range("year", MetadataValue.number(2020), MetadataValue.number(2024)),
            new Range("score", MetadataValue.number(0.5), null),
            new Range("size", null, MetadataValue.number(10)),
            new Range("created", MetadataValue.date(JAN), MetadataValue.date(JUL)),
            new Range("from", MetadataValue.date(JAN), null),
            new Range("until", null, MetadataValue.date(JUL)),
            new In("rank", Set.of(MetadataValue.number(1), MetadataValue.number(2))),
            new Equals("n", MetadataValue.number(3)),
            new Equals("day", MetadataValue.date(JAN)));
    assertThat(f.toString())
        .isEqualTo(
            "team=support AND lang=en|de AND year=2020..2024 AND score>=0.5 AND size<=10 AND"
                + " created=2024-01-01T00:00:00Z..2024-07-01T00:00:00Z AND"
                + " from>=2024-01-01T00:00:00Z AND until<=2024-07-01T00:00:00Z AND rank=1|2"
                + " AND n=3 AND day=2024-01-01T00:00:00Z");
    assertThat(f.conditions()).allSatisfy(c -> assertThat(c.key()).isNotBlank());
  }

  @Test
  void noneIsEmptyAndOfMetadataIsEqualityOnEachEntry() {
    assertThat(SearchFilter.none().isEmpty()).isTrue();
    assertThat(SearchFilter.builder().build()).isSameAs(SearchFilter.none());
    assertThat(SearchFilter.of(Metadata.empty())).isSameAs(SearchFilter.none());
    assertThat(SearchFilter.of(Metadata.of("b", "2").with("a", MetadataValue.number(1))).conditions())
        .containsExactly(
            new Equals("a", MetadataValue.number(1)), new Equals("b", MetadataValue.text("2")));
    assertThat(SearchFilter.none().toString()).isEqualTo("(none)");
  }

  @Test
  void andJoinsTheConditions() {
    SearchFilter a = SearchFilter.builder().equalTo("team", "hr").build();
    SearchFilter b = SearchFilter.builder().atLeast("year", 2020).build();

    assertThat(a.and(b).conditions()).containsExactly(a.conditions().get(0), b.conditions().get(0));
    assertThat(a.and(SearchFilter.none())).isSameAs(a);
    assertThat(SearchFilter.none().and(b)).isSameAs(b);
    assertThat(SearchFilter.builder().all(a).all(b).build()).isEqualTo(a.and(b));
  }

  @Test
  void conditionsAndTheFilterAreImmutable() {
    List<SearchFilter.Condition> list = new ArrayList<>();
    list.add(new Equals("a", MetadataValue.text("1")));
    SearchFilter f = new SearchFilter(list);
    list.add(new Equals("b", MetadataValue.text("2")));
    Set<MetadataValue> values = new LinkedHashSet<>(Set.of(MetadataValue.text("x")));
    In in = new In("k", values);
    values.add(MetadataValue.text("y"));

    assertThat(f.conditions()).hasSize(1);
    assertThat(in.values()).containsExactly(MetadataValue.text("x"));
    assertThatThrownBy(() -> f.conditions().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> in.values().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theBuilderChecksInBuildNamingTheKeyAndValues() {
    SearchFilter.Builder b = SearchFilter.builder().range("year", 2025, 2020);
    assertThatThrownBy(b::build)
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("range on 'year' has min 2025 greater than max 2020");
    assertThatThrownBy(() -> SearchFilter.builder().between("created", JUL, JAN).build())
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'created'")
        .hasMessageContaining("2024-07-01T00:00:00Z")
        .hasMessageContaining("2024-01-01T00:00:00Z");
    assertThatThrownBy(() -> SearchFilter.builder().equalTo("bad key", "v").build())
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'bad key'");
    assertThatThrownBy(() -> SearchFilter.builder().atLeast("x", Double.NaN).build())
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("NaN");
  }

  @Test
  void rangesNeedABoundOfOneNumericType() {
    assertThatThrownBy(() -> new Range("k", null, null))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("range on 'k' needs a lower or upper bound");
    assertThatThrownBy(() -> new Range("k", MetadataValue.text("a"), null))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("range on 'k' needs numbers or dates, got text 'a'");
    assertThatThrownBy(() -> new Range("k", MetadataValue.number(1), MetadataValue.date(JAN)))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage(
            "range on 'k' needs bounds of one type, got number 1 and date 2024-01-01T00:00:00Z");
    assertThat(new Range("k", MetadataValue.number(1), MetadataValue.number(1)).type())
        .isEqualTo("number");
    assertThat(new Range("k", null, MetadataValue.date(JAN)).type()).isEqualTo("date");
  }

  @Test
  void inTakesOneTo1024Values() {
    Set<MetadataValue> max = new LinkedHashSet<>();
    IntStream.range(0, 1024).forEach(i -> max.add(MetadataValue.number(i)));
    assertThat(new In("k", max).values()).hasSize(1024);

    max.add(MetadataValue.number(1024));
    assertThatThrownBy(() -> new In("k", max))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("filter on 'k' must list 1 to 1024 values, got 1025");
    assertThatThrownBy(() -> new In("k", Set.of()))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("filter on 'k' must list 1 to 1024 values, got 0");
    assertThatThrownBy(() -> SearchFilter.builder().in("k", new String[0]).build())
        .isExactlyInstanceOf(InvalidInputException.class);
  }

  @Test
  void aFilterHasAtMost64Conditions() {
    SearchFilter.Builder b = SearchFilter.builder();
    IntStream.range(0, 64).forEach(i -> b.equalTo("k" + i, "v"));
    assertThat(b.build().conditions()).hasSize(64);
    b.equalTo("one-more", "v");
    assertThatThrownBy(b::build)
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("a filter has at most 64 conditions, got 65");
  }

  // ---- parse

  @Test
  void parseReadsEveryForm() {
    SearchFilter f =
        SearchFilter.parse(
            List.of(
                "team=support",
                "year=2024",
                "lang=en|de | fr",
                "year=2020..2024",
                "score = 0.5..",
                "size=..10",
                "created=2024-01-01..2024-07-01",
                "from>=2024-01-01",
                "n<=3",
                "code:string=00123",
                "span:string=a..b",
                "ids:string=007|008",
                "d:date=2024-01-01",
                "x:number=5..6",
                "empty="));

    assertThat(f.conditions())
        .containsExactly(
            new Equals("team", MetadataValue.text("support")),
            new Equals("year", MetadataValue.number(2024)),
            new In(
                "lang",
                Set.of(MetadataValue.text("en"), MetadataValue.text("de"), MetadataValue.text("fr"))),
            new Range("year", MetadataValue.number(2020), MetadataValue.number(2024)),
            new Range("score", MetadataValue.number(0.5), null),
            new Range("size", null, MetadataValue.number(10)),
            new Range("created", MetadataValue.date(JAN), MetadataValue.date(JUL)),
            new Range("from", MetadataValue.date(JAN), null),
            new Range("n", null, MetadataValue.number(3)),
            new Equals("code", MetadataValue.text("00123")),
            new Equals("span", MetadataValue.text("a..b")),
            new In("ids", Set.of(MetadataValue.text("007"), MetadataValue.text("008"))),
            new Equals("d", MetadataValue.date(JAN)),
            new Range("x", MetadataValue.number(5), MetadataValue.number(6)),
            new Equals("empty", MetadataValue.text("")));
    assertThat(SearchFilter.parse(List.of())).isSameAs(SearchFilter.none());
  }

  @Test
  void strictBoundsAreTheNextRepresentableValue() {
    SearchFilter f =
        SearchFilter.parse(
            List.of("a>2023", "b<2023", "c>2024-01-01", "d<2024-01-01", "e>0", "f<-1.5"));

    assertThat(f.conditions())
        .containsExactly(
            new Range("a", MetadataValue.number(Math.nextUp(2023.0)), null),
            new Range("b", null, MetadataValue.number(Math.nextDown(2023.0))),
            new Range("c", MetadataValue.date(JAN.plusMillis(1)), null),
            new Range("d", null, MetadataValue.date(JAN.minusMillis(1))),
            new Range("e", MetadataValue.number(Double.MIN_VALUE), null),
            new Range("f", null, MetadataValue.number(Math.nextDown(-1.5))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "novalue",
        "=x",
        ">=5",
        "bad key=1",
        "year>=abc",
        "year<",
        "year=..",
        "year=abc..5",
        "year=2024..2020",
        "year=2020..2024-01-01",
        "lang=en||de",
        "lang=|",
        "year:number=abc",
        "year:bool=1",
        "code:string>=5",
        "when:date=tomorrow"
      })
  void parseRefusesABadExpressionNamingIt(String expression) {
    assertThatThrownBy(() -> SearchFilter.parse(List.of("ok=1", expression)))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("(filter '" + expression + "')");
  }

  @Test
  void parseErrorsSayWhatIsWrong() {
    assertThatThrownBy(() -> SearchFilter.parse(List.of("year>=abc")))
        .hasMessage(
            "'abc' is not a number or date; use key:string=abc to match text (filter 'year>=abc')");
    assertThatThrownBy(() -> SearchFilter.parse(List.of("year:number=abc")))
        .hasMessage("'abc' is not a number (metadata key year) (filter 'year:number=abc')");
    assertThatThrownBy(() -> SearchFilter.parse(List.of("year=2024..2020")))
        .hasMessage("range on 'year' has min 2024 greater than max 2020 (filter 'year=2024..2020')");
    assertThatThrownBy(() -> SearchFilter.parse(List.of("novalue")))
        .hasMessageStartingWith("a filter must be key=value, key=a|b, key=min..max");
    assertThatThrownBy(() -> SearchFilter.parse(java.util.Arrays.asList((String) null)))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("(filter 'null')");
  }
}
