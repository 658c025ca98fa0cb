package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.engine.internal.store.StoredChunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SoloException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SoloEngine#reindex}: a data folder re-embedded with another model keeps its documents and
 * chunks (nothing is parsed again), gets the new model's vectors and record, and searches with the
 * new model; a re-embedding that fails or is killed leaves the old model's data folder whole, or the
 * new one's, never a mix; the embedding cache never hands one model's vectors to another.
 */
class ReindexTest {

  static final String MINILM = "all-minilm-l6-v2";
  static final String E5 = "e5-small-v2-q";

  @TempDir Path tmp;

  @Test
  void reindexFromMiniLmToE5KeepsEveryChunkAndSearchesWithTheNewModel() {
    Path dataDir = tmp.resolve("data");
    List<Document> before;
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      IngestSummary s = engine.documents().ingest(IngestRequest.of(TestSupport.exampleData()));
      assertThat(s.skipped()).isEmpty();
      before = engine.documents().list();
    }
    Map<String, float[]> oldVectors = storedVectors(dataDir);
    ModelFolders.Counting counting = new ModelFolders.Counting();
    List<ReindexProgress> progress = new ArrayList<>();
    AtomicInteger indexing = new AtomicInteger();
    ReindexSummary summary =
        SoloEngine.reindex(
            EngineConfig.builder(dataDir).embeddingModel(E5).inferenceListener(counting).build(),
            new ReindexListener() {
              @Override
              public void started(String from, String to, long chunks) {
                assertThat(from).isEqualTo(MINILM);
                assertThat(to).isEqualTo(E5);
                assertThat(chunks).isEqualTo(oldVectors.size());
              }

              @Override
              public void progress(ReindexProgress p) {
                progress.add(p);
              }

              @Override
              public void indexing(long documents) {
                indexing.incrementAndGet();
              }
            });
    System.out.println("reindex " + MINILM + " -> " + E5 + ": " + summary);
    assertThat(summary.reembedded()).isTrue();
    assertThat(summary.fromModel()).isEqualTo(MINILM);
    assertThat(summary.toModel()).isEqualTo(E5);
    assertThat(summary.fromDimension()).isEqualTo(384);
    assertThat(summary.toDimension()).isEqualTo(384);
    assertThat(summary.documents()).isEqualTo(before.size());
    assertThat(summary.chunks()).isEqualTo(oldVectors.size());
    // The old model's cache entries are not the new model's: every chunk ran through e5.
    assertThat(summary.cachedChunks()).isZero();
    assertThat(counting.embedded()).isEqualTo(oldVectors.size());
    assertThat(counting.fromCache()).isZero();
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1).chunksDone()).isEqualTo(oldVectors.size());
    assertThat(indexing.get()).isEqualTo(1);

    Map<String, float[]> newVectors = storedVectors(dataDir);
    assertThat(newVectors.keySet()).isEqualTo(oldVectors.keySet());
    for (String chunk : oldVectors.keySet()) {
      assertThat(newVectors.get(chunk)).as(chunk).isNotEqualTo(oldVectors.get(chunk));
    }
    try (MetadataStore store = MetadataStore.open(dataDir)) {
      assertThat(store.storedModel()).contains(E5);
    }
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      assertThat(engine.inference().embeddingModel().id()).isEqualTo(E5);
      // Nothing was ingested again: same documents, same sequence numbers, same chunks.
      assertThat(engine.documents().list()).isEqualTo(before);
      // The stored vectors are e5's passage vectors of the stored text.
      Document d = before.get(0);
      String text = engine.documents().chunks(d.id()).get(0).text();
      double cosine =
          engine.inference().embed(text, EmbeddingKind.PASSAGE)
              .cosine(new dev.solosuccess.sdk.Embedding(E5, newVectors.get(d.id() + "#0")));
      assertThat(cosine).isGreaterThan(0.98);
      assertIndexAgreesWithStore(engine, dataDir, "How many vacation days do new hires get?");
      assertThat(engine.search().search(SearchRequest.builder(
              "How many vacation days do new hires get?").mode(SearchMode.HYBRID).limit(3).build())
          .hits()).anySatisfy(h -> assertThat(h.source()).endsWith("/policies/pto-and-leave.md"));
    }
    EngineConfig old = EngineConfig.builder(dataDir).embeddingModel(MINILM).build();
    assertThatThrownBy(() -> SoloEngine.open(old).close())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("built with embedding model " + E5)
        .hasMessageContaining("configured with " + MINILM);

    // The same model again: nothing to do.
    ReindexSummary again =
        SoloEngine.reindex(EngineConfig.builder(dataDir).embeddingModel(E5).build());
    assertThat(again.reembedded()).isFalse();
    assertThat(again.chunks()).isZero();

    // Back to MiniLM: its vectors of this very text are still in the cache, and come back intact.
    ModelFolders.Counting back = new ModelFolders.Counting();
    ReindexSummary undo =
        SoloEngine.reindex(
            EngineConfig.builder(dataDir).embeddingModel(MINILM).inferenceListener(back).build());
    assertThat(undo.cachedChunks()).isEqualTo(oldVectors.size());
    assertThat(back.embedded()).as("inputs MiniLM ran on").isZero();
    Map<String, float[]> restored = storedVectors(dataDir);
    for (String chunk : oldVectors.keySet()) {
      assertThat(restored.get(chunk)).as(chunk).isEqualTo(oldVectors.get(chunk));
    }
  }

  @Test
  void aReindexThatFailsLeavesTheOldModelWholeAndARetryResumesFromTheCache() throws IOException {
    Path dataDir = tmp.resolve("data");
    int documents = ingestNotes(dataDir, 600);
    Map<String, float[]> oldVectors = storedVectors(dataDir);
    assertThat(oldVectors).hasSize(documents);

    // A listener that throws ends the re-embedding after its first staged group (a real failure
    // path of the public API: "an exception thrown here ends the re-embedding").
    EngineConfig e5 = EngineConfig.builder(dataDir).embeddingModel(E5).build();
    AtomicInteger groups = new AtomicInteger();
    assertThatThrownBy(
            () ->
                SoloEngine.reindex(
                    e5,
                    new ReindexListener() {
                      @Override
                      public void progress(ReindexProgress p) {
                        groups.incrementAndGet();
                        throw new SoloException("the operator pressed ^C");
                      }
                    }))
        .hasMessageContaining("the operator pressed ^C");
    assertThat(groups.get()).isEqualTo(1);

    try (MetadataStore store = MetadataStore.open(dataDir)) {
      assertThat(store.storedModel()).contains(MINILM);
    }
    assertThat(storedVectors(dataDir)).as("the old model's vectors, untouched")
        .allSatisfy((chunk, v) -> assertThat(v).isEqualTo(oldVectors.get(chunk)));
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      assertThat(engine.inference().embeddingModel().id()).isEqualTo(MINILM);
      assertIndexAgreesWithStore(engine, dataDir, "crate 17 left at the loading dock");
    }

    ModelFolders.Counting counting = new ModelFolders.Counting();
    ReindexSummary summary =
        SoloEngine.reindex(
            EngineConfig.builder(dataDir).embeddingModel(E5).inferenceListener(counting).build());
    assertThat(summary.chunks()).isEqualTo(documents);
    // The group embedded before the failure came from the cache.
    assertThat(summary.cachedChunks()).isEqualTo(256);
    assertThat(counting.embedded()).isEqualTo(documents - 256);
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      assertThat(engine.inference().embeddingModel().id()).isEqualTo(E5);
      assertIndexAgreesWithStore(engine, dataDir, "crate 17 left at the loading dock");
    }
  }

  @Test
  void aReindexKilledAtAnyMomentLeavesOneModelOrTheOtherNeverAMix() throws Exception {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("ReindexTest seed: " + seed + " (rerun with -Dtests.seed=" + seed + ")");
    Random random = new Random(seed);
    Path dataDir = tmp.resolve("data");
    ingestNotes(dataDir, 900);
    Map<String, float[]> oldVectors = storedVectors(dataDir);

    // Round 1: killed while staging, after a random number of groups and a random pause.
    int groups = 1 + random.nextInt(2);
    String state = runChild(dataDir, "PROGRESS", groups, random.nextInt(150));
    System.out.println("round 1 killed after " + state);
    assertWhole(dataDir, oldVectors);
    // Round 2: killed right after the switch, while the index is rebuilt from the store.
    state = runChild(dataDir, "INDEXING", 1, 0);
    System.out.println("round 2 killed after " + state);
    String model = assertWhole(dataDir, oldVectors);
    if (state.startsWith("INDEXING")) {
      assertThat(model).isEqualTo(E5);
    }
    ReindexSummary finish =
        SoloEngine.reindex(EngineConfig.builder(dataDir).embeddingModel(E5).build());
    assertThat(finish.toModel()).isEqualTo(E5);
    assertThat(assertWhole(dataDir, oldVectors)).isEqualTo(E5);
  }

  /**
   * Runs {@link ReindexUntilKilled} to e5 and kills it with SIGKILL {@code pauseMs} after the
   * {@code count}-th line starting with {@code killAt}; returns the last line read ("DONE ..." if
   * it finished first).
   */
  private static String runChild(Path dataDir, String killAt, int count, int pauseMs)
      throws Exception {
    Process child =
        ChildJvm.builder(ReindexUntilKilled.class, List.of(), dataDir.toString(), E5)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String last = "";
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      int seen = 0;
      String line;
      while ((line = out.readLine()) != null) {
        last = line;
        if (line.startsWith(killAt) && ++seen == count) {
          Thread.sleep(pauseMs);
          kill(child);
          break;
        }
        if (line.startsWith("DONE")) {
          break;
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return last;
  }

  /**
   * Asserts that the data folder is wholly one model's: its record, every chunk's vector (the old
   * ones exactly, or none of them) and its index. Returns the model.
   */
  private static String assertWhole(Path dataDir, Map<String, float[]> oldVectors) {
    String model;
    try (MetadataStore store = MetadataStore.open(dataDir)) {
      model = store.storedModel().orElseThrow();
    }
    assertThat(model).isIn(MINILM, E5);
    Map<String, float[]> now = storedVectors(dataDir);
    assertThat(now.keySet()).isEqualTo(oldVectors.keySet());
    long unchanged =
        now.entrySet().stream()
            .filter(e -> Arrays.equals(e.getValue(), oldVectors.get(e.getKey())))
            .count();
    assertThat(unchanged)
        .as("chunks with the old model's vector, in a folder of " + model)
        .isEqualTo(model.equals(MINILM) ? oldVectors.size() : 0);
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      assertThat(engine.inference().embeddingModel().id()).isEqualTo(model);
      assertIndexAgreesWithStore(engine, dataDir, "crate 17 left at the loading dock");
    }
    return model;
  }

  /**
   * A semantic search's scores are the cosine of the query's vector and the chunk vectors in the
   * store: the index holds the store's vectors, and the query runs with their model.
   */
  static void assertIndexAgreesWithStore(SoloEngine engine, Path dataDir, String query) {
    List<SearchHit> hits =
        engine.search().search(
            SearchRequest.builder(query).mode(SearchMode.SEMANTIC).limit(5).build()).hits();
    assertThat(hits).hasSize(5);
    float[] q = engine.inference().embed(query, EmbeddingKind.QUERY).vector();
    Map<String, float[]> stored = storedVectors(dataDir);
    for (SearchHit h : hits) {
      double dot = 0;
      float[] v = stored.get(h.chunkId());
      for (int i = 0; i < v.length; i++) {
        dot += (double) q[i] * v[i];
      }
      // int8 queries vary a little with their batch; fp32 ones not at all.
      assertThat(h.score()).as("score of " + h.chunkId()).isCloseTo(dot, Offset.offset(0.02));
    }
  }

  /** Every chunk's stored vector, by chunk id. */
  static Map<String, float[]> storedVectors(Path dataDir) {
    Map<String, float[]> out = new HashMap<>();
    try (MetadataStore store = MetadataStore.open(dataDir)) {
      for (Document d : store.documents()) {
        for (StoredChunk c : store.chunksWithVectors(d.id())) {
          out.put(c.chunk().id(), c.vector());
        }
      }
    }
    return out;
  }

  /** Ingests {@code n} one-chunk delivery notes with MiniLM; returns n. */
  private static int ingestNotes(Path dataDir, int n) throws IOException {
    Path notes = Files.createDirectories(dataDir.resolveSibling("notes"));
    String[] items = {"espresso beans", "oat milk", "paper cups", "croissants", "cold brew kegs",
        "filters", "syrups", "napkins", "green coffee", "lids"};
    String[] places = {"loading dock", "back door", "cellar", "front counter", "roastery"};
    for (int i = 0; i < n; i++) {
      Files.writeString(notes.resolve("note-" + i + ".txt"),
          "Delivery note " + i + ": crate " + i + " of " + items[i % items.length]
              + " left at the " + places[i % places.length] + " by driver " + (i % 13) + ".");
    }
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      IngestSummary s = engine.documents().ingest(IngestRequest.of(notes));
      assertThat(s.ingested()).hasSize(n);
      assertThat(s.chunks()).isEqualTo(n);
    }
    return n;
  }

  private static void kill(Process child) throws Exception {
    Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0)
        .as("kill -KILL " + child.pid())
        .isTrue();
  }
}
