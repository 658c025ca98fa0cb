package dev.solosuccess.index;

import static dev.solosuccess.index.Vectors.axis;
import static dev.solosuccess.index.Vectors.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each {@link TextAnalysis} matches what it promises on a real index, in text and queries alike,
 * and the index records its analysis: opening it with another one is refused, so that its owner
 * rebuilds it.
 */
class TextAnalysisTest {

  private static final int DIM = 4;

  @TempDir Path dir;

  /** Which of the probe queries find the one document, under {@code analysis}. */
  private List<String> found(TextAnalysis analysis, String text, List<String> queries) {
    IndexSettings settings =
        IndexSettings.of(DIM, VectorSimilarity.DOT_PRODUCT, "test").withTextAnalysis(analysis);
    try (ChunkIndex index = ChunkIndex.open(dir.resolve(analysis.name()), settings)) {
      index.replaceDocument("d1", List.of(chunk("c1", "d1", text, axis(DIM, 0))));
      return queries.stream()
          .filter(q -> !index.searchText(q, 10, IndexFilter.none()).isEmpty())
          .toList();
    }
  }

  @Test
  void eachAnalysisConflatesWhatItSays() {
    String text = "The university treated cells with vitamin A";
    List<String> probes =
        List.of("universe", "treatment", "treat", "cell", "vitamin a", "a", "University");
    assertThat(found(TextAnalysis.ENGLISH, text, probes))
        .as("Porter: universe~university, treat~treated (not treatment); 'a' is a stop word")
        .containsExactly("universe", "treat", "cell", "vitamin a", "University");
    assertThat(found(TextAnalysis.ENGLISH_KSTEM, text, probes))
        .as("Krovetz keeps universe and university apart")
        .containsExactly("treat", "cell", "vitamin a", "University");
    assertThat(found(TextAnalysis.ENGLISH_MINIMAL, text, probes))
        .as("plurals only")
        .containsExactly("cell", "vitamin a", "University");
    assertThat(found(TextAnalysis.ENGLISH_ALL_WORDS, text, probes))
        .as("stop words kept: 'a' alone finds it")
        .containsExactly("universe", "treat", "cell", "vitamin a", "a", "University");
    assertThat(found(TextAnalysis.STANDARD, text, probes))
        .as("lower case only")
        .containsExactly("vitamin a", "a", "University");
  }

  @Test
  void anIndexOpenedWithAnotherAnalysisIsRefusedAndKept() {
    Path path = dir.resolve("index");
    IndexSettings english = IndexSettings.of(DIM, VectorSimilarity.DOT_PRODUCT, "test");
    try (ChunkIndex index = ChunkIndex.open(path, english)) {
      index.replaceDocument("d1", List.of(chunk("c1", "d1", "refunds", axis(DIM, 0))));
      index.commit(1);
    }
    assertThatThrownBy(
            () -> ChunkIndex.open(path, english.withTextAnalysis(TextAnalysis.STANDARD)))
        .isExactlyInstanceOf(IncompatibleIndexException.class)
        .hasMessageContaining("text analysis must be STANDARD, got ENGLISH");
    try (ChunkIndex index = ChunkIndex.open(path, english)) {
      assertThat(index.committedSequence()).isEqualTo(1);
      assertThat(index.searchText("refund", 10, IndexFilter.none())).hasSize(1);
    }
  }
}
