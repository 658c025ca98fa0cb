package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.DuplicateFile;
import dev.solosuccess.sdk.Grouping;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestStage;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SearchResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity, unchanged re-ingest, atomic replacement under concurrent search, and duplicates. */
class DocumentUpdatesTest {

  @TempDir Path dataDir;
  @TempDir Path files;

  /** Counts what the embedding model is asked to do. */
  static final class ModelCalls implements InferenceListener {
    final LongAdder calls = new LongAdder();
    final LongAdder inputs = new LongAdder();

    @Override
    public void embedded(String modelId, int n, Duration elapsed) {
      calls.increment();
      inputs.add(n);
    }
  }

  private SoloEngine open(InferenceListener listener, DuplicatePolicy duplicates) {
    return SoloEngine.open(
        EngineConfig.builder(dataDir)
            .inferenceListener(listener)
            .duplicates(duplicates)
            .build());
  }

  @Test
  void reingestingUnchangedFilesRunsTheModelZeroTimes() throws Exception {
    for (int i = 0; i < 6; i++) {
      Files.writeString(files.resolve("note-" + i + ".txt"),
          "Note " + i + ". The roaster in bay " + i + " was serviced on schedule. "
              + "Next service is due in " + (i + 2) + " weeks.");
    }
    ModelCalls calls = new ModelCalls();
    try (SoloEngine engine = open(calls, DuplicatePolicy.KEEP)) {
      IngestSummary first = engine.documents().ingest(IngestRequest.of(files));
      assertThat(first.ingested()).hasSize(6);
      assertThat(calls.calls.sum()).isPositive();
      long inputsAfterFirst = calls.inputs.sum();
      assertThat(inputsAfterFirst).isEqualTo(first.chunks());

      calls.calls.reset();
      calls.inputs.reset();
      IngestSummary second = engine.documents().ingest(IngestRequest.of(files));
      assertThat(second.unchanged()).hasSize(6);
      assertThat(second.ingested()).isEmpty();
      assertThat(calls.calls.sum()).as("model calls on an unchanged re-ingest").isZero();
      assertThat(second.stages().get(IngestStage.EMBED)).isEqualTo(Duration.ZERO);

      // One file changes: only its chunks are embedded again.
      Files.writeString(files.resolve("note-3.txt"), "Note 3 was rewritten. Bay 3 is closed.");
      IngestSummary third = engine.documents().ingest(IngestRequest.of(files));
      assertThat(third.ingested()).extracting(Document::source)
          .containsExactly(files.resolve("note-3.txt").toAbsolutePath().toString());
      assertThat(calls.inputs.sum()).isEqualTo(third.chunks());
    }
    // And after a restart, nothing is re-embedded either: the content hashes are stored.
    ModelCalls afterRestart = new ModelCalls();
    try (SoloEngine engine = open(afterRestart, DuplicatePolicy.KEEP)) {
      assertThat(engine.documents().ingest(IngestRequest.of(files)).unchanged()).hasSize(6);
      assertThat(afterRestart.calls.sum()).isZero();
    }
  }

  @Test
  void aConcurrentSearcherNeverSeesOldAndNewChunksTogether() throws Exception {
    // Two versions of one document with different chunk counts; every chunk carries its version.
    String v1 = version("amber", 14);
    String v2 = version("cobalt", 9);
    try (SoloEngine engine = open(InferenceListener.NONE, DuplicatePolicy.KEEP)) {
      int v2Chunks =
          engine.documents().ingest(DocumentSource.ofText("ledger", v2).withId("ledger")).chunks();
      int v1Chunks =
          engine.documents().ingest(DocumentSource.ofText("ledger", v1).withId("ledger")).chunks();
      assertThat(v1Chunks).isGreaterThan(v2Chunks);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger searches = new AtomicInteger();
      ConcurrentLinkedQueue<String> mixed = new ConcurrentLinkedQueue<>();
      Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
      SearchRequest request =
          SearchRequest.builder("account reserve")
              .mode(SearchMode.LEXICAL)
              .grouping(Grouping.CHUNK)
              .limit(100)
              .build();
      Thread searcher =
          new Thread(
              () -> {
                while (!stop.get()) {
                  SearchResults r = engine.search().search(request);
                  Set<String> versions =
                      r.hits().stream()
                          .map(SearchHit::snippet)
                          .map(s -> s.contains("amber") ? "amber" : s.contains("cobalt") ? "cobalt" : "?")
                          .collect(Collectors.toSet());
                  seen.addAll(versions);
                  int expected = versions.contains("amber") ? v1Chunks : v2Chunks;
                  if (versions.size() != 1 || r.hits().size() != expected) {
                    mixed.add(versions + " in " + r.hits().size() + " hits");
                  }
                  searches.incrementAndGet();
                }
              },
              "searcher");
      searcher.start();
      for (int round = 0; round < 12; round++) {
        engine.documents().ingest(
            DocumentSource.ofText("ledger", round % 2 == 0 ? v2 : v1).withId("ledger"));
      }
      stop.set(true);
      searcher.join();
      assertThat(mixed).as("results mixing versions").isEmpty();
      assertThat(seen).contains("amber", "cobalt");
      assertThat(searches.get()).isGreaterThan(12);
      List<Chunk> chunks = engine.documents().chunks("ledger");
      assertThat(chunks).hasSize(v1Chunks).allMatch(c -> c.text().contains("amber"));
    }
  }

  /** A document of {@code n} paragraphs, one chunk each, each naming the version. */
  private static String version(String marker, int n) {
    List<String> paragraphs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder p = new StringBuilder();
      p.append("Ledger entry ").append(i).append(" of version ").append(marker).append(". ");
      // Enough words that each paragraph fills most of a chunk on its own.
      for (int w = 0; w < 8; w++) {
        p.append("The ").append(marker).append(" account line ").append(w)
            .append(" balances against the reserve. ");
      }
      paragraphs.add(p.toString().strip());
    }
    return String.join("\n\n", paragraphs);
  }

  @Test
  void identicalContentUnderTwoSourcesIsReportedAndKeptWithoutEmbedding() throws Exception {
    Files.createDirectories(files.resolve("a"));
    Files.createDirectories(files.resolve("b"));
    String text = "The Hambela lot arrived on 4 March. It cups at 87 points with notes of peach.";
    Files.writeString(files.resolve("a/lot.txt"), text);
    Files.writeString(files.resolve("b/lot-copy.txt"), text);
    ModelCalls calls = new ModelCalls();
    try (SoloEngine engine = open(calls, DuplicatePolicy.KEEP)) {
      IngestSummary s = engine.documents().ingest(IngestRequest.of(files));
      assertThat(s.ingested()).hasSize(2);
      assertThat(s.duplicates()).singleElement().satisfies(d -> {
        assertThat(d.source()).endsWith("b/lot-copy.txt");
        assertThat(d.originalSource()).endsWith("a/lot.txt");
        assertThat(d.kept()).isTrue();
      });
      assertThat(calls.inputs.sum()).as("only the first copy is embedded").isEqualTo(1);
      SearchResults r = engine.search().search(
          SearchRequest.builder("Hambela peach").mode(SearchMode.LEXICAL).build());
      assertThat(r.hits()).hasSize(2);
    }
  }

  @Test
  void skippedDuplicatesAreReportedAndNotStored() throws Exception {
    String text = "Roast profile 12 finishes at 212 degrees after nine minutes and thirty seconds.";
    Files.writeString(files.resolve("one.txt"), text);
    Files.writeString(files.resolve("two.txt"), text);
    try (SoloEngine engine = open(InferenceListener.NONE, DuplicatePolicy.SKIP)) {
      IngestSummary s = engine.documents().ingest(IngestRequest.of(files));
      assertThat(s.ingested()).hasSize(1);
      assertThat(s.duplicates()).extracting(DuplicateFile::kept).containsExactly(false);
      assertThat(s.files()).isEqualTo(2);
      assertThat(engine.documents().count()).isEqualTo(1);
    }
  }
}
