package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LimitExceededException;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SkippedFile;
import dev.solosuccess.sdk.UnsupportedFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input in one batch: each file gets a clear reason or correct handling, the
 * rest of the batch is ingested, and what was stored before is untouched.
 */
class BadInputTest {

  @TempDir Path dataDir;
  @TempDir Path docs;
  SoloEngine engine;
  Document keeper;

  @BeforeEach
  void open() {
    engine = TestSupport.open(dataDir);
    keeper =
        engine.documents()
            .ingest(DocumentSource.ofText("keeper.txt", "The walk-in fridge is serviced by Polar Coolers every April."));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aBatchOfBrokenFilesSkipsEachWithItsReasonAndIngestsTheRest() throws Exception {
    Files.writeString(docs.resolve("good.md"), "# Good\n\nThe quince tart is baked on Tuesdays.\n");
    Files.write(
        docs.resolve("latin1.txt"),
        "Zoë's crème brûlée and the café au lait are served déjà chaud.\n"
            .getBytes(Charset.forName("ISO-8859-1")));
    Files.createSymbolicLink(docs.resolve("ghost.txt"), docs.resolve("does-not-exist.txt"));
    Path locked = docs.resolve("locked.txt");
    Files.writeString(locked, "secret");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    boolean lockedIsUnreadable = !Files.isReadable(locked);
    if (!lockedIsUnreadable) {
      Files.delete(locked); // root reads every file; the broken link stands in for it
    }
    Files.write(docs.resolve("report.docx"), new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3});
    Files.write(docs.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    Files.write(docs.resolve("empty.txt"), new byte[0]);
    Files.writeString(docs.resolve("blank.md"), "   \n\n \t \n");
    writeHugeText(docs.resolve("huge.txt"), 50L << 20);
    Files.write(
        docs.resolve("broken.pdf"),
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%garbage"
            .getBytes(StandardCharsets.ISO_8859_1));
    try (PDDocument pdf = new PDDocument()) {
      pdf.addPage(new PDPage());
      pdf.save(docs.resolve("scanned.pdf").toFile());
    }
    byte[] noise = new byte[4096];
    new Random(42).nextBytes(noise);
    Files.write(docs.resolve("binary.txt"), noise);
    boolean fifo = mkfifo(docs.resolve("pipe.txt"));

    long start = System.nanoTime();
    IngestSummary summary = engine.documents().ingest(IngestRequest.of(docs));
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(summary.ingested())
        .extracting(d -> Path.of(d.source()).getFileName().toString())
        .containsExactly("good.md", "latin1.txt");
    Map<String, SkippedFile> skipped =
        summary.skipped().stream()
            .collect(Collectors.toMap(s -> Path.of(s.source()).getFileName().toString(), s -> s));
    assertSkipped(skipped, "ghost.txt", "invalid-input", "broken symbolic link");
    if (lockedIsUnreadable) {
      assertSkipped(skipped, "locked.txt", "invalid-input", "permission denied");
    }
    assertSkipped(skipped, "report.docx", "invalid-input", "report.docx could not be parsed as");
    assertSkipped(skipped, "photo.png", "unsupported-format", ".png files are not supported");
    assertSkipped(skipped, "empty.txt", "invalid-input", "is empty (0 bytes)");
    assertSkipped(skipped, "blank.md", "invalid-input", "no text could be extracted");
    assertSkipped(skipped, "huge.txt", "limit-exceeded", "maxDocumentBytes");
    assertSkipped(skipped, "broken.pdf", "invalid-input", "not a readable PDF");
    assertSkipped(skipped, "scanned.pdf", "invalid-input", "OCR is not supported");
    assertSkipped(skipped, "binary.txt", "invalid-input", "binary data");
    if (fifo) {
      assertSkipped(skipped, "pipe.txt", "invalid-input", "not a regular file");
    }
    // The 50 MB file is refused from its size, before a byte of it is read.
    assertThat(seconds).as("batch seconds").isLessThan(60);

    Document latin1 =
        summary.ingested().stream().filter(d -> d.source().endsWith("latin1.txt")).findFirst().orElseThrow();
    assertThat(engine.documents().chunks(latin1.id()))
        .extracting(Chunk::text)
        .anyMatch(t -> t.contains("Zoë's crème brûlée") && t.contains("déjà"));
    assertThat(search("crème brûlée", SearchMode.LEXICAL)).first()
        .satisfies(h -> assertThat(h.source()).endsWith("latin1.txt"));

    // Nothing stored before was lost or changed.
    assertThat(engine.documents().get(keeper.id())).contains(keeper);
    assertThat(search("Polar Coolers fridge", SearchMode.HYBRID)).first()
        .satisfies(h -> assertThat(h.documentId()).isEqualTo(keeper.id()));
    assertThat(engine.documents().count()).isEqualTo(3);
  }

  @Test
  void aListenerThatThrowsAbortsTheBatchAndKeepsWhatWasStored() throws IOException {
    Files.writeString(docs.resolve("a.txt"), "The first note is about the espresso grinder.");
    Files.writeString(docs.resolve("b.txt"), "The second note is about the milk steamer.");
    Files.writeString(docs.resolve("c.txt"), "The third note is about the water filter.");
    IllegalStateException stop = new IllegalStateException("stop after the first file");
    dev.solosuccess.sdk.IngestListener listener =
        new dev.solosuccess.sdk.IngestListener() {
          @Override
          public void ingested(Document d, dev.solosuccess.sdk.IngestProgress p) {
            throw stop;
          }
        };
    assertThatThrownBy(
            () -> engine.documents().ingest(IngestRequest.builder().path(docs).listener(listener).build()))
        .isSameAs(stop);
    // The file the listener heard of is stored and searchable; the others were never started.
    assertThat(engine.documents().count()).isEqualTo(2);
    assertThat(search("espresso grinder", SearchMode.LEXICAL)).first()
        .satisfies(h -> assertThat(h.source()).endsWith("a.txt"));
  }

  @Test
  void singleDocumentCallsThrowTypedErrors() {
    assertThatThrownBy(() -> engine.documents().ingest(DocumentSource.ofBytes("setup.exe", new byte[] {1})))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageContaining(".exe")
        .satisfies(e -> assertThat(((UnsupportedFormatException) e).format()).isEqualTo(".exe"));
    assertThatThrownBy(() -> engine.documents().ingest(DocumentSource.ofBytes("x.md", new byte[0])))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () -> engine.documents().ingest(DocumentSource.ofBytes("x", "hi".getBytes(StandardCharsets.UTF_8)).withMediaType("application/x-tar")))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageContaining("application/x-tar");
    assertThatThrownBy(
            () -> engine.documents().ingest(DocumentSource.ofBytes("x", "hi".getBytes(StandardCharsets.UTF_8)).withMediaType("application/msword")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("x could not be parsed as application/msword");
    assertThatThrownBy(() -> engine.documents().ingest(IngestRequest.of(docs.resolve("nope"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no such file or folder")
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> engine.inference().embed("   "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("blank");
    assertThat(engine.documents().count()).isEqualTo(1);
  }

  @Test
  void theSizeLimitIsConfigurableAndNamed(@TempDir Path otherData) throws IOException {
    engine.close();
    engine =
        SoloEngine.open(EngineConfig.builder(otherData).maxDocumentBytes(1000).build());
    Path big = docs.resolve("big.txt");
    Files.writeString(big, "word ".repeat(300));
    assertThatThrownBy(() -> engine.documents().ingest(DocumentSource.of(big)))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("1500 bytes")
        .hasMessageContaining("maxDocumentBytes (1000)")
        .satisfies(
            e -> {
              LimitExceededException l = (LimitExceededException) e;
              assertThat(l.limit()).isEqualTo(1000);
              assertThat(l.actual()).isEqualTo(1500);
              assertThat(l.limitName()).isEqualTo("maxDocumentBytes");
            });
  }

  @Test
  void invalidConfigurationIsRefusedWithTheSettingNamed() {
    assertThatThrownBy(
            () -> EngineConfig.builder(dataDir).embeddingModel("all-minilm-l6-v2")
                .chunkMaxTokens(300).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("chunkMaxTokens must be in 16..256")
        .hasMessageContaining("got 300");
    assertThatThrownBy(() -> EngineConfig.builder(dataDir).chunkMaxTokens(600).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("chunkMaxTokens must be in 16..512");
    // Without a model named, the data folder's model (here the default) sets the limit on open.
    EngineConfig tooLong = EngineConfig.builder(dataDir).chunkMaxTokens(300).build();
    engine.close();
    assertThatThrownBy(() -> SoloEngine.open(tooLong).close())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("chunkMaxTokens must be at most 256")
        .hasMessageContaining("all-minilm-l6-v2");
    engine = TestSupport.open(dataDir);
    assertThatThrownBy(() -> EngineConfig.builder(dataDir).embeddingModel("gpt-17").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("gpt-17")
        .hasMessageContaining("all-minilm-l6-v2");
    assertThatThrownBy(() -> EngineConfig.builder(dataDir).chunkOverlapTokens(100).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("chunkOverlapTokens");
  }

  private List<SearchHit> search(String q, SearchMode mode) {
    return engine.search().search(SearchRequest.builder(q).mode(mode).limit(5).build()).hits();
  }

  private static void assertSkipped(
      Map<String, SkippedFile> skipped, String file, String code, String reason) {
    assertThat(skipped).as("skipped files").containsKey(file);
    assertThat(skipped.get(file).code()).as("code of " + file).isEqualTo(code);
    assertThat(skipped.get(file).reason()).as("reason of " + file).contains(reason).contains(file);
  }

  private static void writeHugeText(Path file, long bytes) throws IOException {
    byte[] line = "All work and no play makes a very large text file.\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < bytes; written += line.length) {
        out.write(line);
      }
    }
  }

  private static boolean mkfifo(Path path) throws InterruptedException {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).start();
      return p.waitFor() == 0 && Files.exists(path);
    } catch (IOException e) {
      return false;
    }
  }
}
