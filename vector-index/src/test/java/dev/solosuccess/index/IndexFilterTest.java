package dev.solosuccess.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndexFilterTest {

  @Test
  void noneAndEmptyAreTheSameEmptyFilter() {
    assertThat(IndexFilter.none().isEmpty()).isTrue();
    assertThat(IndexFilter.of(Map.of())).isSameAs(IndexFilter.none());
    assertThat(IndexFilter.of(List.of())).isSameAs(IndexFilter.none());
    assertThat(IndexFilter.of()).isSameAs(IndexFilter.none());
    assertThat(IndexFilter.of(Map.of("team", "hr")).isEmpty()).isFalse();
  }

  @Test
  void aMapOfTermsIsOneEqualityClausePerEntrySortedByName() {
    assertThat(IndexFilter.of(Map.of("team", "hr", "lang", "de")).clauses())
        .containsExactly(IndexFilter.terms("lang", "de"), IndexFilter.terms("team", "hr"));
  }

  @Test
  void theFilterKeepsItsOwnCopyOfTheClausesAndTerms() {
    List<IndexFilter.Clause> clauses = new ArrayList<>(List.of(IndexFilter.terms("team", "hr")));
    Set<String> values = new HashSet<>(Set.of("en"));
    IndexFilter filter = IndexFilter.of(clauses);
    IndexFilter.Terms terms = new IndexFilter.Terms("lang", values);

    clauses.add(IndexFilter.range("year", 1, 2));
    values.add("de");

    assertThat(filter.clauses()).containsExactly(IndexFilter.terms("team", "hr"));
    assertThat(terms.values()).containsExactly("en");
    assertThatThrownBy(() -> filter.clauses().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> terms.values().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalClausesMakeEqualFilters() {
    assertThat(IndexFilter.of(Map.of("a", "1", "b", "2")))
        .isEqualTo(IndexFilter.of(new HashMap<>(Map.of("b", "2", "a", "1"))))
        .hasSameHashCodeAs(IndexFilter.of(Map.of("b", "2", "a", "1")));
    assertThat(IndexFilter.terms("lang", "en", "de", "en"))
        .isEqualTo(new IndexFilter.Terms("lang", Set.of("de", "en")));
    assertThat(IndexFilter.range("x", -0.0, 0.0)).isEqualTo(IndexFilter.range("x", 0.0, 0.0));
  }

  @Test
  void badClausesAreRefusedNamingTheField() {
    Map<String, String> terms = new HashMap<>();
    terms.put("team", null);
    assertThatThrownBy(() -> IndexFilter.of(terms)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> IndexFilter.terms("lang"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("terms of 'lang' must not be empty");
    assertThatThrownBy(() -> IndexFilter.terms("", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attribute name");
    assertThatThrownBy(() -> IndexFilter.range("year", 2024, 2020))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("range of 'year' must have min <= max, got 2024.0 and 2020.0");
    assertThatThrownBy(() -> IndexFilter.range("year", Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'year'");
  }

  @Test
  void indexedChunkKeepsItsOwnCopyOfTheAttributesAndNumbers() {
    Map<String, String> attrs = new HashMap<>(Map.of("team", "hr"));
    Map<String, Double> numbers = new HashMap<>(Map.of("year", 2024.0));
    IndexedChunk chunk = new IndexedChunk("c", "d", "text", new float[] {1}, attrs, numbers);

    attrs.put("team", "sales");
    numbers.put("year", 1999.0);

    assertThat(chunk.attributes()).containsExactly(Map.entry("team", "hr"));
    assertThat(chunk.numbers()).containsExactly(Map.entry("year", 2024.0));
    assertThat(new IndexedChunk("c", "d", "t", new float[] {1}, attrs).numbers()).isEmpty();
  }

  @Test
  void indexedChunkRefusesNonFiniteNumbers() {
    assertThatThrownBy(
            () ->
                new IndexedChunk(
                    "c7", "d", "t", new float[] {1}, Map.of(), Map.of("x", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("number 'x' of chunk c7 must be finite, got NaN");
  }
}
