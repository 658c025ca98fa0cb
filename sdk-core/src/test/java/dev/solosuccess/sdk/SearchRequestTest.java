package dev.solosuccess.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchRequestTest {

  @Test
  void ofUsesTheDefaults() {
    SearchRequest r = SearchRequest.of("refund window");

    assertThat(r.query()).isEqualTo("refund window");
    assertThat(r.mode()).isEqualTo(SearchMode.HYBRID);
    assertThat(r.limit()).isEqualTo(SearchRequest.DEFAULT_LIMIT).isEqualTo(10);
    assertThat(r.filter()).isEqualTo(SearchFilter.none());
    assertThat(r.grouping()).isEqualTo(Grouping.DOCUMENT);
    assertThat(SearchRequest.builder("refund window").build()).isEqualTo(r);
  }

  @Test
  void builderSetsEveryField() {
    SearchRequest r =
        SearchRequest.builder("q")
            .mode(SearchMode.LEXICAL)
            .limit(5)
            .filter(Metadata.of("team", "support"))
            .grouping(Grouping.CHUNK)
            .build();

    assertThat(r)
        .isEqualTo(
            new SearchRequest(
                "q",
                SearchMode.LEXICAL,
                5,
                SearchFilter.builder().equalTo("team", "support").build(),
                Grouping.CHUNK));
  }

  @Test
  void aMetadataFilterIsEqualityOnEachEntryAndTheLastFilterSetWins() {
    SearchFilter typed = SearchFilter.builder().atLeast("year", 2023).build();

    SearchRequest byMetadata =
        SearchRequest.builder("q").filter(Metadata.of("team", "hr", "lang", "de")).build();
    SearchRequest replaced =
        SearchRequest.builder("q").filter(Metadata.of("team", "hr")).filter(typed).build();

    assertThat(byMetadata.filter().conditions())
        .containsExactly(
            new SearchFilter.Equals("lang", MetadataValue.text("de")),
            new SearchFilter.Equals("team", MetadataValue.text("hr")));
    assertThat(replaced.filter()).isEqualTo(typed);
    assertThat(SearchRequest.builder("q").filter(Metadata.empty()).build().filter())
        .isEqualTo(SearchFilter.none());
  }

  @ParameterizedTest
  @EnumSource(SearchMode.class)
  void everyModeIsAccepted(SearchMode mode) {
    assertThat(SearchRequest.builder("q").mode(mode).build().mode()).isEqualTo(mode);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n "})
  void blankQueriesAreRefused(String query) {
    assertThatThrownBy(() -> SearchRequest.of(query))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("query must not be blank");
    assertThatThrownBy(() -> SearchRequest.of(null))
        .isExactlyInstanceOf(InvalidInputException.class);
  }

  @Test
  void queriesUpToTheMaximumLengthAreAccepted() {
    String max = "a".repeat(SearchRequest.MAX_QUERY_LENGTH);
    assertThat(SearchRequest.MAX_QUERY_LENGTH).isEqualTo(4096);
    assertThat(SearchRequest.of(max).query()).hasSize(4096);

    assertThatThrownBy(() -> SearchRequest.of(max + "b"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("4096")
        .hasMessageEndingWith("got 4097");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void limitsOutOfRangeAreRefusedNamingTheValue(int limit) {
    assertThatThrownBy(() -> SearchRequest.builder("q").limit(limit).build())
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("limit must be in 1..1000, got " + limit);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 10, 1000})
  void limitsInRangeAreAccepted(int limit) {
    assertThat(SearchRequest.builder("q").limit(limit).build().limit()).isEqualTo(limit);
    assertThat(SearchRequest.MAX_LIMIT).isEqualTo(1000);
  }

  @Test
  void nullModeFilterOrGroupingAreRefused() {
    assertThatThrownBy(() -> SearchRequest.builder("q").mode(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("mode");
    assertThatThrownBy(() -> SearchRequest.builder("q").filter((SearchFilter) null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("filter");
    assertThatThrownBy(() -> SearchRequest.builder("q").filter((Metadata) null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("filter");
    assertThatThrownBy(() -> SearchRequest.builder("q").grouping(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("grouping");
  }
}
