package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.ClosedException;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.Grouping;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.StorageException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deletes, reopening, and rebuilding the derived index from the store. */
class PersistenceTest {

  static final List<String> QUERIES =
      List.of(
          "How many vacation days do new hires get?",
          "chaff collector fire",
          "telecommuting eligibility",
          "Ethiopia Hambela price");

  @TempDir Path dataDir;

  @Test
  void deleteRemovesADocumentFromTheStoreAndFromEveryRetriever() {
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      engine.documents().ingest(IngestRequest.of(TestSupport.exampleData()));
      long before = engine.documents().count();
      String query = "How many vacation days do new hires get?";
      SearchHit top = search(engine, query, SearchMode.HYBRID).get(0);
      assertThat(top.source()).endsWith("pto-and-leave.md");

      engine.documents().delete(top.documentId());

      assertThat(engine.documents().count()).isEqualTo(before - 1);
      assertThat(engine.documents().get(top.documentId())).isEmpty();
      assertThatThrownBy(() -> engine.documents().chunks(top.documentId()))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining(top.documentId());
      for (SearchMode mode : SearchMode.values()) {
        SearchRequest everything =
            SearchRequest.builder(query).mode(mode).limit(1000).grouping(Grouping.CHUNK).build();
        assertThat(engine.search().search(everything).hits())
            .as(mode.name())
            .isNotEmpty()
            .noneMatch(h -> h.documentId().equals(top.documentId()));
      }
      assertThatThrownBy(() -> engine.documents().delete(top.documentId()))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void reopeningFindsEverythingAgain() {
    List<List<SearchHit>> before;
    List<Document> docs;
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      engine.documents().ingest(IngestRequest.of(TestSupport.exampleData()));
      docs = engine.documents().list();
      before = allResults(engine);
    }
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      assertThat(engine.documents().list()).isEqualTo(docs);
      assertSameResults(allResults(engine), before);
    }
  }

  @Test
  void aDeletedIndexFolderIsRebuiltFromTheStore() throws IOException {
    List<List<SearchHit>> before;
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      engine.documents().ingest(IngestRequest.of(TestSupport.exampleData()));
      before = allResults(engine);
    }
    deleteTree(dataDir.resolve("index"));
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      assertSameResults(allResults(engine), before);
    }
  }

  @Test
  void aCorruptedIndexIsRebuiltFromTheStore() throws IOException {
    List<List<SearchHit>> before;
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      engine.documents().ingest(IngestRequest.of(TestSupport.exampleData()));
      before = allResults(engine);
    }
    try (Stream<Path> files = Files.list(dataDir.resolve("index"))) {
      for (Path f : files.filter(p -> !p.getFileName().toString().equals("write.lock")).toList()) {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
          raf.seek(raf.length() / 2);
          raf.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
      }
    }
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      assertSameResults(allResults(engine), before);
    }
  }

  @Test
  void anIndexAheadOfARestoredStoreIsRebuiltToMatchTheStore() throws IOException {
    Path backup = dataDir.resolveSibling(dataDir.getFileName() + "-meta-backup.mv.db");
    String kept;
    String lost;
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      kept = engine.documents().ingest(DocumentSource.ofText("a.txt", "The kettle descaler is citric acid.")).id();
    }
    Files.copy(dataDir.resolve("meta.mv.db"), backup);
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      lost = engine.documents().ingest(DocumentSource.ofText("b.txt", "The tamper mat is washed weekly.")).id();
    }
    Files.copy(backup, dataDir.resolve("meta.mv.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.delete(backup);
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      assertThat(engine.documents().list()).extracting(Document::id).containsExactly(kept);
      assertThat(search(engine, "tamper mat washed", SearchMode.LEXICAL)).isEmpty();
      assertThat(search(engine, "kettle descaler", SearchMode.LEXICAL))
          .extracting(SearchHit::documentId)
          .containsExactly(kept);
      String again = engine.documents().ingest(DocumentSource.ofText("c.txt", "The grinder burrs are replaced yearly.")).id();
      assertThat(search(engine, "grinder burrs", SearchMode.LEXICAL))
          .extracting(SearchHit::documentId)
          .containsExactly(again);
    }
    assertThat(lost).isNotEqualTo(kept);
  }

  @Test
  void reingestingSkipsUnchangedFilesAndReplacesChangedOnesWhole(@TempDir Path docs)
      throws IOException {
    Path file = docs.resolve("menu.md");
    Files.writeString(file, "# Menu\n\nThe zucchini loaf costs four dollars.\n");
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      IngestSummary first = engine.documents().ingest(IngestRequest.of(docs));
      Document v1 = first.ingested().get(0);

      IngestSummary again = engine.documents().ingest(IngestRequest.of(docs));
      assertThat(again.ingested()).isEmpty();
      assertThat(again.unchanged()).containsExactly(v1);

      Files.writeString(file, "# Menu\n\nThe pumpernickel roll costs two dollars.\n");
      IngestSummary changed = engine.documents().ingest(IngestRequest.of(docs));
      Document v2 = changed.ingested().get(0);
      assertThat(v2.id()).isEqualTo(v1.id());
      assertThat(v2.sequence()).isGreaterThan(v1.sequence());
      assertThat(v2.sha256()).isNotEqualTo(v1.sha256());
      assertThat(engine.documents().count()).isEqualTo(1);
      for (SearchMode mode : SearchMode.values()) {
        assertThat(search(engine, "pumpernickel roll", mode)).hasSize(1);
      }
      assertThat(search(engine, "zucchini", SearchMode.LEXICAL)).isEmpty();
    }
  }

  @Test
  void metadataFiltersApplyInsideEveryRetriever() {
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      engine.documents()
          .ingest(
              IngestRequest.builder()
                  .path(TestSupport.exampleData().resolve("policies"))
                  .metadata(Metadata.of("category", "policy"))
                  .build());
      engine.documents()
          .ingest(
              IngestRequest.builder()
                  .path(TestSupport.exampleData().resolve("meetings"))
                  .metadata(Metadata.of("category", "minutes"))
                  .build());
      long policies =
          engine.documents().list().stream()
              .filter(d -> d.metadata().getString("category").orElse("").equals("policy"))
              .count();
      assertThat(policies).isGreaterThanOrEqualTo(5);
      for (SearchMode mode : SearchMode.values()) {
        // A query about meetings, restricted to policies: every hit is a policy, and the limit is
        // still filled because the filter runs inside the retrievers, not after them.
        SearchRequest request =
            SearchRequest.builder("decisions and action items from the meeting")
                .mode(mode)
                .limit(5)
                .filter(Metadata.of("category", "policy"))
                .build();
        List<SearchHit> hits = engine.search().search(request).hits();
        if (mode != SearchMode.LEXICAL) {
          assertThat(hits).as(mode.name()).hasSize(5);
        }
        assertThat(hits)
            .as(mode.name())
            .isNotEmpty()
            .allMatch(h -> h.metadata().getString("category").orElseThrow().equals("policy"));
      }
      SearchRequest none =
          SearchRequest.builder("meeting").filter(Metadata.of("category", "nonexistent")).build();
      assertThat(engine.search().search(none).hits()).isEmpty();
    }
  }

  @Test
  void chunkGroupingMayReturnSeveralChunksOfOneDocument() {
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      engine.documents().ingest(IngestRequest.of(TestSupport.exampleData()));
      List<SearchHit> hits =
          engine.search()
              .search(
                  SearchRequest.builder("roaster chaff collector")
                      .mode(SearchMode.LEXICAL)
                      .grouping(Grouping.CHUNK)
                      .limit(20)
                      .build())
              .hits();
      assertThat(hits).extracting(SearchHit::chunkId).doesNotHaveDuplicates();
      assertThat(hits.stream().map(SearchHit::documentId).distinct().count())
          .isLessThan(hits.size());
    }
  }

  @Test
  void aDataFolderOpensOnceAtATime() {
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      assertThatThrownBy(() -> TestSupport.open(dataDir))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("already open");
      assertThat(engine.documents().count()).isZero();
    }
    try (SoloEngine again = TestSupport.open(dataDir)) {
      assertThat(again.documents().count()).isZero();
    }
  }

  @Test
  void closingReleasesEveryFileOfTheDataFolder() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    org.assertj.core.api.Assumptions.assumeThat(Files.isDirectory(fds)).as("/proc/self/fd").isTrue();
    Path data = dataDir.toRealPath();
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      engine.documents().ingest(IngestRequest.of(TestSupport.exampleData().resolve("policies")));
      engine.search().search("refund");
      assertThat(openFilesUnder(fds, data)).as("files open while the engine is open").isNotEmpty();
    }
    assertThat(openFilesUnder(fds, data)).as("files still open after close").isEmpty();
  }

  private static List<Path> openFilesUnder(Path fds, Path dir) throws IOException {
    List<Path> open = new ArrayList<>();
    try (Stream<Path> list = Files.list(fds)) {
      for (Path fd : list.toList()) {
        try {
          Path target = Files.readSymbolicLink(fd);
          if (target.startsWith(dir)) {
            open.add(target);
          }
        } catch (IOException e) {
          // the descriptor closed while we listed
        }
      }
    }
    return open;
  }

  @Test
  void callsAfterCloseFailAndCloseIsIdempotent() {
    SoloEngine engine = TestSupport.open(dataDir);
    engine.documents().ingest(DocumentSource.ofText("note", "A short note about espresso."));
    engine.close();
    engine.close();
    assertThatThrownBy(() -> engine.documents().list()).isInstanceOf(ClosedException.class);
    assertThatThrownBy(() -> engine.search().search("espresso"))
        .isInstanceOf(ClosedException.class)
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> engine.inference().embed("espresso"))
        .isInstanceOf(ClosedException.class);
  }

  @Test
  void searchesRunWhileABatchIngests() throws Exception {
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      engine.documents().ingest(DocumentSource.ofText("seed", "The espresso grinder is cleaned daily."));
      List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
      List<Thread> searchers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        Thread th =
            Thread.ofPlatform()
                .name("searcher-" + t)
                .start(
                    () -> {
                      while (!done.get()) {
                        try {
                          assertThat(search(engine, "espresso grinder", SearchMode.HYBRID))
                              .isNotEmpty();
                        } catch (Throwable e) {
                          failures.add(e);
                          return;
                        }
                      }
                    });
        searchers.add(th);
      }
      engine.documents().ingest(IngestRequest.of(TestSupport.exampleData()));
      done.set(true);
      for (Thread th : searchers) {
        th.join();
      }
      assertThat(failures).isEmpty();
      assertThat(engine.documents().count()).isGreaterThan(15);
    }
  }

  private static List<SearchHit> search(SoloEngine engine, String q, SearchMode mode) {
    return engine.search().search(SearchRequest.builder(q).mode(mode).limit(10).build()).hits();
  }

  /**
   * The same hits in the same order with the same scores, up to float rounding: a rebuilt index
   * has other segments, and Lucene may score a small segment exactly and a large one through its
   * graph, whose SIMD sums round differently in the last bits.
   */
  private static void assertSameResults(List<List<SearchHit>> actual, List<List<SearchHit>> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      List<SearchHit> a = actual.get(i);
      List<SearchHit> e = expected.get(i);
      assertThat(a).extracting(SearchHit::chunkId).containsExactlyElementsOf(
          e.stream().map(SearchHit::chunkId).toList());
      for (int j = 0; j < e.size(); j++) {
        assertThat(a.get(j).score()).isCloseTo(e.get(j).score(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(a.get(j).snippet()).isEqualTo(e.get(j).snippet());
        assertThat(a.get(j).provenance()).isEqualTo(e.get(j).provenance());
      }
    }
  }

  private static List<List<SearchHit>> allResults(SoloEngine engine) {
    List<List<SearchHit>> all = new ArrayList<>();
    for (String q : QUERIES) {
      for (SearchMode mode : SearchMode.values()) {
        all.add(search(engine, q, mode));
      }
    }
    return all;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
