package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.Grouping;
import dev.solosuccess.sdk.IngestListener;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A small BEIR folder through a real engine: the corpus ingested as one batch of in-memory
 * sources under ids that map back to BEIR's, every judged query searched in each mode, and
 * documents ranked by their best chunk.
 */
class BeirEvaluationTest {

  @TempDir static Path folder;
  @TempDir static Path dataDir;
  static BeirDataset dataset;
  static SoloEngine engine;
  static IngestSummary ingest;

  static final String[][] DOCS = {
    {"d1", "Espresso extraction", "Espresso is brewed by forcing hot water through finely ground coffee at nine bars of pressure for about thirty seconds."},
    {"d2", "Sourdough starters", "A sourdough starter is a culture of wild yeast and lactic acid bacteria fed daily with flour and water."},
    {"d3", "Bicycle chain care", "Clean the bicycle chain with a degreaser, dry it, and apply a drop of lubricant to every roller."},
    {"d4", "Tomato blight", "Late blight turns tomato leaves brown and rots the fruit; remove infected plants and avoid watering the leaves."},
    {"doc/5#x", "Honey bees", "Worker honey bees forage for nectar and pollen and communicate the location of flowers with a waggle dance."},
    {"d6", "Volcano formation", "Volcanoes form where magma from the mantle rises through the crust, often at the edges of tectonic plates."},
  };

  @BeforeAll
  static void setUp() throws IOException {
    StringBuilder corpus = new StringBuilder();
    for (String[] d : DOCS) {
      corpus.append("{\"_id\": \"").append(d[0]).append("\", \"title\": \"").append(d[1])
          .append("\", \"text\": \"").append(d[2]).append("\"}\n");
    }
    // A long document whose relevant sentence is at its end: several chunks.
    corpus.append("{\"_id\": \"d7\", \"title\": \"Harbour log\", \"text\": \"")
        .append("The ferry left the harbour on time and the weather was calm. ".repeat(40))
        .append("A lighthouse keeper polished the great Fresnel lens every evening.\"}\n");
    Files.writeString(folder.resolve("corpus.jsonl"), corpus);
    Files.writeString(
        folder.resolve("queries.jsonl"),
        """
        {"_id": "q1", "text": "how long does an espresso shot take to brew"}
        {"_id": "q2", "text": "dance that bees use to show where flowers are"}
        {"_id": "q3", "text": "who polished the Fresnel lens of the lighthouse"}
        {"_id": "q4", "text": "not judged"}
        """);
    Files.createDirectories(folder.resolve("qrels"));
    Files.writeString(
        folder.resolve("qrels/test.tsv"),
        "query-id\tcorpus-id\tscore\r\nq1\td1\t1\r\nq2\tdoc/5#x\t2\r\nq3\td7\t1\r\n");
    dataset = BeirDataset.read(folder, "test");
    engine = TestSupport.open(dataDir);
    ingest = BeirEvaluation.ingest(engine, dataset, IngestListener.NONE);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void theCorpusIsIngestedUnderIdsThatMapBack() {
    assertThat(ingest.ingested()).hasSize(7);
    assertThat(engine.documents().get("d1")).isPresent();
    String hashed = BeirEvaluation.documentId("doc/5#x");
    assertThat(hashed).matches("beir-[0-9a-f]{32}");
    assertThat(engine.documents().get(hashed)).isPresent();
    assertThat(engine.documents().text("d1")).startsWith("Espresso extraction\n\nEspresso is");
    assertThat(engine.documents().chunks("d7").size()).isGreaterThan(1);
  }

  @Test
  void ingestingAgainFindsEverythingStored() {
    IngestSummary again = BeirEvaluation.ingest(engine, dataset, IngestListener.NONE);
    assertThat(again.ingested()).isEmpty();
    assertThat(again.unchanged()).hasSize(7);
  }

  @ParameterizedTest
  @EnumSource(SearchMode.class)
  void everyJudgedQueryIsSearchedAndTheRelevantDocumentLeads(SearchMode mode) {
    Map<String, List<RankedDocument>> run = BeirEvaluation.search(engine, dataset, mode, 5);

    assertThat(run.keySet()).containsExactly("q1", "q2", "q3");
    assertThat(run.values()).allSatisfy(r -> assertThat(r).hasSizeLessThanOrEqualTo(5));
    assertThat(run.get("q2").get(0).documentId()).isEqualTo("doc/5#x");
    RetrievalMetrics.Scores s = RetrievalMetrics.evaluate(dataset.judgments(), run);
    assertThat(s.queries()).isEqualTo(3);
    assertThat(s.mrrAt10()).as(mode + " MRR@10 of " + run).isEqualTo(1.0);
    assertThat(s.ndcgAt10()).isEqualTo(1.0);
  }

  /** Every document hit scores its best chunk: the maximum over its chunks' scores. */
  static void documentsScoreTheirBestChunk(SoloEngine e, SearchMode mode, String query) {
    List<SearchHit> chunks =
        e.search().search(
            SearchRequest.builder(query).mode(mode).limit(100).grouping(Grouping.CHUNK).build())
            .hits();
    Map<String, Double> best = new HashMap<>();
    for (SearchHit h : chunks) {
      best.merge(h.documentId(), h.score(), Math::max);
    }
    List<SearchHit> documents =
        e.search().search(SearchRequest.builder(query).mode(mode).limit(100).build()).hits();

    assertThat(documents).isNotEmpty();
    for (SearchHit d : documents) {
      assertThat(d.score()).as(d.documentId()).isEqualTo(best.get(d.documentId()));
    }
    assertThat(documents).extracting(SearchHit::score)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(documents.get(0).documentId()).isEqualTo("d7");
    assertThat(documents.get(0).snippet()).containsIgnoringCase("lighthouse");
  }

  @Test
  void semanticDocumentsScoreTheirBestChunk() {
    documentsScoreTheirBestChunk(engine, SearchMode.SEMANTIC, "lighthouse keeper polished the lens");
  }

  @Test
  void lexicalDocumentsScoreTheirBestChunkWhenBm25ScoresChunks(@TempDir Path own) {
    try (SoloEngine e =
        SoloEngine.open(EngineConfig.builder(own).lexicalScope(LexicalScope.CHUNK).build())) {
      BeirEvaluation.ingest(e, dataset, IngestListener.NONE);
      documentsScoreTheirBestChunk(e, SearchMode.LEXICAL, "lighthouse keeper polished the lens");
    }
  }

  @Test
  void wholeDocumentBm25ShowsTheBestChunk() {
    // Document scope (the default): d7 is scored as one unit, and shown by the chunk that holds
    // the query's words, its last, not by its first.
    SearchHit hit =
        engine.search()
            .search(SearchRequest.builder("Fresnel lens").mode(SearchMode.LEXICAL).build())
            .hits()
            .get(0);
    assertThat(hit.documentId()).isEqualTo("d7");
    assertThat(hit.snippet()).contains("Fresnel");
    List<dev.solosuccess.sdk.Chunk> chunks = engine.documents().chunks("d7");
    assertThat(hit.chunkId()).isEqualTo(chunks.get(chunks.size() - 1).id());
  }

  @Test
  void aDataFolderHoldingOtherDocumentsIsRefused(@TempDir Path other) {
    try (SoloEngine e = TestSupport.open(other)) {
      e.documents().ingest(DocumentSource.ofText("notes/extra", "Something else entirely."));
      assertThatThrownBy(() -> BeirEvaluation.ingest(e, dataset, IngestListener.NONE))
          .isExactlyInstanceOf(InvalidInputException.class)
          .hasMessageContaining("the data folder holds 8 documents, the corpus 7");
    }
  }

  @Test
  void aDepthOutsideOneToAThousandIsRefused() {
    assertThatThrownBy(() -> BeirEvaluation.search(engine, dataset, SearchMode.LEXICAL, 1001))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("depth must be in 1..1000, got 1001");
  }
}
