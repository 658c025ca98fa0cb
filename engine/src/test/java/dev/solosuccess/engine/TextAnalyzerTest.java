package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text analyzer is a setting of the engine: reopening a data folder with another one rebuilds
 * the index from the stored chunks, and lexical search then matches as that analyzer does.
 */
class TextAnalyzerTest {

  @TempDir Path data;

  private SoloEngine open(TextAnalyzer analyzer) {
    return SoloEngine.open(EngineConfig.builder(data).textAnalyzer(analyzer).build());
  }

  private static int lexicalHits(SoloEngine engine, String query) {
    return engine.search()
        .search(SearchRequest.builder(query).mode(SearchMode.LEXICAL).build())
        .hits()
        .size();
  }

  @Test
  void reopeningWithAnotherAnalyzerRebuildsTheIndexUnderIt() {
    try (SoloEngine engine = open(EngineConfig.DEFAULT_TEXT_ANALYZER)) {
      engine.documents().ingest(
          DocumentSource.ofText("u.txt", "The university treated twelve cultures.").withId("u"));
      assertThat(lexicalHits(engine, "universe")).as("Porter: universe ~ university").isEqualTo(1);
    }
    try (SoloEngine engine = open(TextAnalyzer.STANDARD)) {
      assertThat(lexicalHits(engine, "universe")).as("no stemming").isZero();
      assertThat(lexicalHits(engine, "university")).as("the index was rebuilt").isEqualTo(1);
      assertThat(engine.config().textAnalyzer()).isEqualTo(TextAnalyzer.STANDARD);
    }
    try (SoloEngine engine = open(TextAnalyzer.ENGLISH_KSTEM)) {
      assertThat(lexicalHits(engine, "universe")).as("Krovetz keeps them apart").isZero();
      assertThat(lexicalHits(engine, "treat")).isEqualTo(1);
    }
    try (SoloEngine engine = open(TextAnalyzer.ENGLISH)) {
      assertThat(lexicalHits(engine, "universe")).isEqualTo(1);
      assertThat(engine.documents().count()).isEqualTo(1);
    }
  }
}
