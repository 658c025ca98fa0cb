package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines on the non-default built-in models: bge-small-en-v1.5-q answers questions about the
 * example corpus in hybrid mode, e5-small-v2-q's passage prefix fits in the chunk budget, and a
 * data folder refuses every model but the one it was built with.
 */
class BuiltInModelEngineTest {

  @Test
  void bgeIngestsTheExampleCorpusAndAnswersInHybridModeAndOtherModelsAreRefused(
      @TempDir Path dataDir) {
    EngineConfig config =
        EngineConfig.builder(dataDir).embeddingModel("bge-small-en-v1.5-q").build();
    try (SoloEngine engine = SoloEngine.open(config)) {
      assertThat(engine.inference().embeddingModel().id()).isEqualTo("bge-small-en-v1.5-q");
      IngestSummary summary =
          engine.documents().ingest(IngestRequest.of(TestSupport.exampleData()));
      assertThat(summary.ingested()).isNotEmpty();
      assertThat(summary.truncatedChunks()).isZero();
      assertTopThree(engine, "How many vacation days do new hires get?", "policies/pto-and-leave.md");
      assertTopThree(
          engine,
          "How long do customers have to return an unopened bag of coffee?",
          "policies/refund-policy.md");
      assertTopThree(engine, "telecommuting eligibility", "policies/remote-work.md");
      // Queries carry bge's instruction, passages do not.
      assertThat(
              engine.inference().embed("espresso", EmbeddingKind.QUERY).cosine(
                  engine.inference().embed("espresso")))
          .isLessThan(0.999);
    }
    for (String other : EngineConfig.builtInModels()) {
      if (other.equals("bge-small-en-v1.5-q")) {
        continue;
      }
      EngineConfig wrong = EngineConfig.builder(dataDir).embeddingModel(other).build();
      assertThatThrownBy(() -> SoloEngine.open(wrong).close())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("built with embedding model bge-small-en-v1.5-q")
          .hasMessageContaining("configured with " + other);
    }
    try (SoloEngine again = SoloEngine.open(config)) {
      assertThat(again.documents().list()).isNotEmpty();
    }
    // Without a model named, the engine takes the one the data folder was built with.
    try (SoloEngine adopted = SoloEngine.open(EngineConfig.builder(dataDir).build())) {
      assertThat(adopted.inference().embeddingModel().id()).isEqualTo("bge-small-en-v1.5-q");
    }
  }

  @Test
  void e5ChunksAtTheModelsLimitLeaveRoomForThePassagePrefix(@TempDir Path dataDir) {
    EngineConfig config =
        EngineConfig.builder(dataDir).embeddingModel("e5-small-v2-q").chunkMaxTokens(512).build();
    try (SoloEngine engine = SoloEngine.open(config)) {
      IngestSummary summary =
          engine.documents().ingest(IngestRequest.of(TestSupport.exampleData()));
      assertThat(summary.ingested()).isNotEmpty();
      // "passage: " is 2 word pieces, [CLS] and [SEP] 2 more: 508 left for the chunk's own text.
      assertThat(summary.truncatedChunks()).isZero();
      int longest = 0;
      for (Document d : engine.documents().list()) {
        for (Chunk c : engine.documents().chunks(d.id())) {
          longest = Math.max(longest, c.tokens());
        }
      }
      System.out.println("e5-small-v2-q longest chunk at chunkMaxTokens 512: " + longest);
      assertThat(longest).isLessThanOrEqualTo(508).isGreaterThan(400);
      assertTopThree(engine, "How many vacation days do new hires get?", "policies/pto-and-leave.md");
    }
  }

  private static void assertTopThree(SoloEngine engine, String query, String expectedFile) {
    List<SearchHit> hits =
        engine
            .search()
            .search(SearchRequest.builder(query).mode(SearchMode.HYBRID).limit(3).build())
            .hits();
    assertThat(hits)
        .as("top 3 for '%s'", query)
        .anySatisfy(h -> assertThat(h.source()).endsWith("/" + expectedFile));
  }
}
