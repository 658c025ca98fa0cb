package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.engine.internal.store.StoredChunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding cache: texts embedded before (chunks, queries) never reach the model again, the
 * cache survives reopening, returns the very vectors the model gave, is bounded and evicts the
 * least recently used entries, and can be turned off. The {@link InferenceListener} hears every
 * model run, so it tells what reached the model.
 */
class EmbeddingCacheTest {

  @TempDir Path tmp;

  /** Eight paragraphs of one sentence each: one chunk per paragraph at 40-token chunks. */
  static String report(String changedLast) {
    List<String> paragraphs = new ArrayList<>();
    String[] topics = {
      "the espresso grinder", "the cold brew tanks", "the roaster's afterburner",
      "the delivery van", "the pastry oven", "the loading dock lights",
      "the walk-in cooler", "the point-of-sale tablets"
    };
    for (int i = 0; i < topics.length; i++) {
      paragraphs.add("Maintenance note " + i + ": " + topics[i] + " was inspected on Monday and"
          + " needs no further work until the next quarterly check.");
    }
    paragraphs.set(paragraphs.size() - 1, changedLast);
    return String.join("\n\n", paragraphs);
  }

  static final String LAST =
      "Maintenance note 7: the point-of-sale tablets were inspected on Monday and need no"
          + " further work until the next quarterly check.";

  EngineConfig.Builder config(Path dataDir, InferenceListener listener) {
    return EngineConfig.builder(dataDir)
        .chunkMaxTokens(40)
        .chunkOverlapTokens(0)
        .inferenceListener(listener);
  }

  @Test
  void chunksEmbeddedBeforeNeverReachTheModelAndComeBackAsTheSameVectors() throws IOException {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Path file = docs.resolve("maintenance.txt");
    Files.writeString(file, report(LAST));
    Path dataDir = tmp.resolve("data");
    ModelFolders.Counting counting = new ModelFolders.Counting();
    List<float[]> first;
    int chunks;
    try (SoloEngine engine = SoloEngine.open(config(dataDir, counting).build())) {
      IngestSummary s = engine.documents().ingest(IngestRequest.of(file));
      chunks = s.chunks();
      assertThat(chunks).isGreaterThanOrEqualTo(6);
      assertThat(s.cachedChunks()).isZero();
      assertThat(counting.embedded()).isEqualTo(chunks);
      String id = s.ingested().get(0).id();
      first = vectors(engine, dataDir, id);

      // Deleted and ingested again: same text, same model, so no chunk reaches the model.
      engine.documents().delete(id);
      IngestSummary again = engine.documents().ingest(IngestRequest.of(file));
      assertThat(again.ingested()).hasSize(1);
      assertThat(again.cachedChunks()).isEqualTo(chunks);
      assertThat(counting.embedded()).as("inputs the model ran on").isEqualTo(chunks);
      assertThat(counting.fromCache()).isEqualTo(chunks);
      List<float[]> second = vectors(engine, dataDir, id);
      assertThat(second).hasSameSizeAs(first);
      for (int i = 0; i < first.size(); i++) {
        assertThat(second.get(i)).as("chunk " + i + " from the cache").isEqualTo(first.get(i));
      }
      // The uncached path (inference().embed runs the model) agrees with the cached vector.
      String text = engine.documents().chunks(id).get(0).text();
      Embedding fresh = engine.inference().embed(text);
      assertThat(fresh.cosine(new Embedding("x", second.get(0)))).isGreaterThan(0.99999);

      // One paragraph changed: only the chunk that holds it is embedded.
      long before = counting.embedded();
      Files.writeString(file, report("Maintenance note 7: the tablets were replaced by new"
          + " terminals after the screens cracked during the holiday rush."));
      IngestSummary changed = engine.documents().ingest(IngestRequest.of(file));
      assertThat(changed.ingested()).hasSize(1);
      long embeddedNow = counting.embedded() - before;
      assertThat(embeddedNow).isBetween(1L, 2L);
      assertThat(changed.cachedChunks()).isEqualTo(changed.chunks() - (int) embeddedNow);
      assertThat(engine.search().search(SearchRequest.builder("cracked screens of the terminals")
          .mode(SearchMode.SEMANTIC).limit(1).build()).hits().get(0).chunkId())
          .isEqualTo(id + "#" + (changed.chunks() - 1));
    }
  }

  @Test
  void repeatedQueriesNeverReachTheModelEvenAfterReopening() {
    Path dataDir = tmp.resolve("data");
    ModelFolders.Counting counting = new ModelFolders.Counting();
    String query = "when is the next quarterly check of the grinder";
    try (SoloEngine engine = SoloEngine.open(config(dataDir, counting).build())) {
      String id =
          engine.documents().ingest(dev.solosuccess.sdk.DocumentSource.ofText("m.txt", report(LAST)))
              .id();
      long afterIngest = counting.embedded();
      engine.search().search(SearchRequest.of(query));
      assertThat(counting.embedded() - afterIngest).isEqualTo(1);
      engine.search().search(SearchRequest.of(query));
      engine.search().search(SearchRequest.builder(query).mode(SearchMode.SEMANTIC).build());
      assertThat(counting.embedded() - afterIngest).isEqualTo(1);
      // Without prefixes a query and a passage are the same model input: the chunk's vector.
      String chunk = engine.documents().chunks(id).get(0).text();
      engine.search().search(SearchRequest.of(chunk));
      assertThat(counting.embedded() - afterIngest).isEqualTo(1);
      // Lexical search embeds nothing.
      engine.search().search(SearchRequest.builder("grinder").mode(SearchMode.LEXICAL).build());
      assertThat(counting.embedded() - afterIngest).isEqualTo(1);
    }
    ModelFolders.Counting reopened = new ModelFolders.Counting();
    try (SoloEngine engine = SoloEngine.open(config(dataDir, reopened).build())) {
      engine.search().search(SearchRequest.of(query));
      assertThat(reopened.embedded()).as("a query of the last run, from the data folder").isZero();
      assertThat(reopened.fromCache()).isEqualTo(1);
      engine.search().search(SearchRequest.of("an entirely new question about the oven"));
      assertThat(reopened.embedded()).isEqualTo(1);
    }
  }

  @Test
  void theCacheKeepsItsBoundAndEvictsTheLeastRecentlyUsed() {
    Path dataDir = tmp.resolve("data");
    ModelFolders.Counting counting = new ModelFolders.Counting();
    List<String> texts =
        List.of(
            "The grinder burrs were replaced in March.",
            "The van's tyres were rotated in April.",
            "The oven's thermostat was calibrated in May.",
            "The cooler's door seal was renewed in June.");
    EngineConfig config = config(dataDir, counting).embeddingCacheEntries(3).build();
    try (SoloEngine engine = SoloEngine.open(config)) {
      ingest(engine, "d0", texts.get(0));
      ingest(engine, "d1", texts.get(1));
      ingest(engine, "d2", texts.get(2));
      // d0 is used again (a hit), so d1 is now the least recently used.
      engine.documents().delete("d0");
      ingest(engine, "d0", texts.get(0));
      assertThat(counting.embedded()).isEqualTo(3);
      ingest(engine, "d3", texts.get(3)); // a fourth entry: d1's goes
      assertThat(counting.embedded()).isEqualTo(4);
      for (String id : List.of("d0", "d1", "d2", "d3")) {
        engine.documents().delete(id);
      }
    }
    // Reopened: the cache's writes (done in the background) and its eviction are on disk.
    try (MetadataStore store = MetadataStore.open(dataDir)) {
      assertThat(store.vectorCacheEntries()).isEqualTo(3);
    }
    try (SoloEngine engine = SoloEngine.open(config)) {
      long before = counting.embedded();
      ingest(engine, "d0", texts.get(0));
      ingest(engine, "d2", texts.get(2));
      ingest(engine, "d3", texts.get(3));
      assertThat(counting.embedded()).as("d0, d2 and d3 from the cache").isEqualTo(before);
      ingest(engine, "d1", texts.get(1));
      assertThat(counting.embedded()).as("d1 was evicted").isEqualTo(before + 1);
    }
    try (MetadataStore store = MetadataStore.open(dataDir)) {
      assertThat(store.vectorCacheEntries()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void aCacheOfZeroEntriesIsOff() {
    Path dataDir = tmp.resolve("data");
    ModelFolders.Counting counting = new ModelFolders.Counting();
    try (SoloEngine engine =
        SoloEngine.open(config(dataDir, counting).embeddingCacheEntries(0).build())) {
      ingest(engine, "d0", "The grinder burrs were replaced in March.");
      engine.documents().delete("d0");
      ingest(engine, "d0", "The grinder burrs were replaced in March.");
      engine.search().search(SearchRequest.of("grinder burrs"));
      engine.search().search(SearchRequest.of("grinder burrs"));
      assertThat(counting.embedded()).isEqualTo(4);
      assertThat(counting.fromCache()).isZero();
    }
    try (MetadataStore store = MetadataStore.open(dataDir)) {
      assertThat(store.vectorCacheEntries()).isZero();
    }
  }

  /** Ingests a one-chunk document under the explicit id {@code id}. */
  private static void ingest(SoloEngine engine, String id, String text) {
    Document d =
        engine.documents()
            .ingest(dev.solosuccess.sdk.DocumentSource.ofText(id + ".txt", text).withId(id));
    assertThat(d.id()).isEqualTo(id);
    assertThat(d.chunks()).isEqualTo(1);
  }

  /**
   * A document's stored vectors, read through a second pool on the store the engine has open (one
   * H2 database per JVM and file, shared by both).
   */
  static List<float[]> vectors(SoloEngine engine, Path dataDir, String id) {
    List<float[]> out = new ArrayList<>();
    try (MetadataStore store = MetadataStore.open(dataDir)) {
      for (StoredChunk c : store.chunksWithVectors(id)) {
        out.add(c.vector());
      }
    }
    return out;
  }
}
