package dev.solosuccess.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexFilterTest {

  @Test
  void noneAndEmptyAreTheSameEmptyFilter() {
    assertThat(IndexFilter.none().isEmpty()).isTrue();
    assertThat(IndexFilter.of(Map.of())).isSameAs(IndexFilter.none());
    assertThat(IndexFilter.of(Map.of("team", "hr")).isEmpty()).isFalse();
  }

  @Test
  void theFilterKeepsItsOwnCopyOfTheTerms() {
    Map<String, String> terms = new HashMap<>(Map.of("team", "hr"));
    IndexFilter filter = IndexFilter.of(terms);

    terms.put("lang", "de");
    terms.put("team", "sales");

    assertThat(filter.terms()).containsExactly(Map.entry("team", "hr"));
    assertThatThrownBy(() -> filter.terms().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalTermsMakeEqualFilters() {
    assertThat(IndexFilter.of(Map.of("a", "1", "b", "2")))
        .isEqualTo(new IndexFilter(new HashMap<>(Map.of("b", "2", "a", "1"))))
        .hasSameHashCodeAs(IndexFilter.of(Map.of("b", "2", "a", "1")));
  }

  @Test
  void nullValuesAreRefused() {
    Map<String, String> terms = new HashMap<>();
    terms.put("team", null);
    assertThatThrownBy(() -> IndexFilter.of(terms)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void indexedChunkKeepsItsOwnCopyOfTheAttributes() {
    Map<String, String> attrs = new HashMap<>(Map.of("team", "hr"));
    IndexedChunk chunk = new IndexedChunk("c", "d", "text", new float[] {1}, attrs);

    attrs.put("team", "sales");

    assertThat(chunk.attributes()).containsExactly(Map.entry("team", "hr"));
  }
}
