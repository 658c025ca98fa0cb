package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.internal.parse.SampleDocuments;
import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestStage;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SkippedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files in one batch, run in a child JVM with a 512 MB heap: each is refused with its
 * reason or read within its limits, the good documents around them are stored, and the child
 * finishes normally. A second test shows that a parse that runs past parseTimeout is abandoned.
 */
class HostileFilesTest {

  private static final int HEAP_MB = 512;

  @TempDir Path dataDir;
  @TempDir Path docs;

  /** What the child printed. */
  private record Outcome(List<String> ingested, Map<String, SkippedFile> skipped, long maxHeap,
      long peakHeap) {}

  @Test
  void eachHostileFileIsHandledWithinItsLimitsAndTheBatchFinishes(@TempDir Path logs)
      throws Exception {
    // Good documents among the hostile ones.
    Files.writeString(docs.resolve("good.txt"),
        "The greenhouse thermostat is set to eighteen degrees. Marker zqgoodtxt.");
    Files.writeString(docs.resolve("good.md"),
        "# Orchard\n\nThe pear trees are pruned in February. Marker zqgoodmd.\n");
    Files.write(docs.resolve("good.docx"), SampleDocuments.docx());
    Files.write(docs.resolve("good.pdf"), SampleDocuments.runningPdf());

    // A PDF cut in half: its page tree and trailer are gone.
    byte[] pdf = SampleDocuments.runningPdf();
    Files.write(docs.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 2));
    Files.write(docs.resolve("cyclic.pdf"), SampleDocuments.cyclicPdf(false));
    Files.write(docs.resolve("cyclic-via-child.pdf"), SampleDocuments.cyclicPdf(true));
    writeBomb(docs.resolve("bomb.zip"), 200L << 20);
    Files.write(docs.resolve("nested.zip"), nestedZip(1, 20));
    Files.writeString(docs.resolve("deep.html"), deepHtml(10_000));
    Files.write(docs.resolve("invalid-utf8.txt"), invalidUtf8());
    Files.write(docs.resolve("nul.txt"), nulRiddled());
    Files.write(docs.resolve("nul-padded.log"), nulPaddedLog());
    writeOneLine(docs.resolve("one-line.txt"), 100L << 20);
    Files.write(docs.resolve("empty.txt"), new byte[0]);
    // 2.8 MB, under maxDocumentBytes, but its word/document.xml inflates to 105 MB (74 million
    // characters of text). Office packages are read in memory (a temporary file would hold the
    // text in plain form on disk), so a part larger than maxDocumentBytes is refused before POI
    // reads it into the heap.
    try (OutputStream out = Files.newOutputStream(docs.resolve("large.docx"))) {
      SampleDocuments.largeDocx(out, 1_000_000);
    }

    Outcome o = runChild(logs.resolve("child.err"));
    assertThat(o.maxHeap()).as("child max heap").isLessThanOrEqualTo((long) HEAP_MB << 20);
    System.out.printf("hostile batch: peak heap (sum of pool peaks) %d MB of %d MB%n",
        o.peakHeap() >> 20, o.maxHeap() >> 20);

    // Read, by decision: HTML nested 10,000 deep is valid markup (jsoup builds and walks it
    // without recursion); invalid UTF-8 is 8-bit text, read as Windows-1252; a log padded with
    // NUL bytes keeps its text. Entries before a zip bomb, and above the depth limit, are stored.
    assertThat(o.ingested())
        .containsExactlyInAnyOrder(
            "good.txt", "good.md", "good.docx", "good.pdf",
            "bomb.zip!/readme.txt",
            "nested.zip!/note-1.txt",
            "nested.zip!/level-2.zip!/note-2.txt",
            "nested.zip!/level-2.zip!/level-3.zip!/note-3.txt",
            "deep.html", "invalid-utf8.txt", "nul-padded.log");

    // Refused, each with the limit or the defect named. Text with a NUL byte in every ten is
    // binary data; the 100 MB line is refused from its size before a byte of it is read.
    Map<String, SkippedFile> skipped = o.skipped();
    assertSkipped(skipped, "truncated.pdf", "invalid-input", "not a readable PDF");
    assertSkipped(skipped, "cyclic.pdf", "invalid-input", "page tree is cyclic");
    assertSkipped(skipped, "cyclic-via-child.pdf", "invalid-input", "page tree is cyclic");
    assertSkipped(skipped, "bomb.zip!/zeros.txt", "limit-exceeded", "maxCompressionRatio (100:1)");
    assertSkipped(skipped, "nested.zip!/level-2.zip!/level-3.zip!/level-4.zip", "limit-exceeded",
        "maxArchiveDepth (3)");
    assertSkipped(skipped, "nul.txt", "invalid-input", "binary data");
    assertSkipped(skipped, "one-line.txt", "limit-exceeded", "maxDocumentBytes");
    assertSkipped(skipped, "empty.txt", "invalid-input", "is empty (0 bytes)");
    assertSkipped(
        skipped, "large.docx", "limit-exceeded", "word/document.xml inflates to more than maxDocumentBytes");
    assertThat(skipped).hasSize(9);

    try (SoloEngine engine = TestSupport.open(dataDir)) {
      assertThat(engine.documents().count()).isEqualTo(o.ingested().size());
      for (String marker : List.of("zqgoodtxt", "zqgoodmd", "zqdepth1", "zqdepth2", "zqdepth3",
          "zqreadme", "zqmarmot", "zqinvalid", "zqpadded")) {
        assertThat(search(engine, marker)).as("hits for " + marker).isNotEmpty();
      }
      assertThat(search(engine, "zqdepth4")).as("hits beyond the depth limit").isEmpty();
      // Invalid UTF-8 is read as Windows-1252: every byte is a character, none is lost.
      assertThat(chunks(engine, "invalid-utf8.txt"))
          .anyMatch(t -> t.contains("stray bytes Ã( and Ã© here"));
      // A log padded with NUL bytes (preallocated, or cut short by a crash) keeps its text only.
      assertThat(chunks(engine, "nul-padded.log"))
          .allMatch(t -> t.indexOf('\0') < 0)
          .anyMatch(t -> t.contains("pump station 7 pressure nominal"));
    }
  }

  private Outcome runChild(Path stderr) throws IOException, InterruptedException {
    Process child =
        ChildJvm.builder(IngestFolder.class, List.of("-Xmx" + HEAP_MB + "m"),
                dataDir.toString(), docs.toString())
            .redirectError(stderr.toFile())
            .start();
    List<String> lines;
    try (var out = child.inputReader(StandardCharsets.UTF_8)) {
      lines = out.lines().toList();
    } finally {
      if (!child.waitFor(120, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
    String err = Files.exists(stderr) ? Files.readString(stderr) : "";
    assertThat(child.exitValue()).as("child exit status; its output:\n%s\n%s",
        String.join("\n", lines), err.lines().limit(60).reduce("", (a, b) -> a + "\n" + b))
        .isZero();
    String prefix = docs.toString() + "/";
    List<String> ingested = new ArrayList<>();
    Map<String, SkippedFile> skipped = new HashMap<>();
    long maxHeap = 0;
    long peakHeap = 0;
    for (String line : lines) {
      String[] f = line.split("\t", 4);
      switch (f[0]) {
        case "INGESTED" -> ingested.add(f[1].substring(prefix.length()));
        case "SKIPPED" -> {
          String name = f[1].substring(prefix.length());
          skipped.put(name, new SkippedFile(name, f[2], f[3]));
        }
        case "MAX_HEAP" -> maxHeap = Long.parseLong(f[1]);
        case "PEAK_HEAP" -> peakHeap = Long.parseLong(f[1]);
        default -> {}
      }
    }
    return new Outcome(ingested, skipped, maxHeap, peakHeap);
  }

  @Test
  void aParseThatRunsPastParseTimeoutIsAbandoned(@TempDir Path warmUp)
      throws IOException, InterruptedException {
    Files.write(warmUp.resolve("small.docx"), SampleDocuments.docx());
    Files.write(warmUp.resolve("small.html"), SampleDocuments.html());
    try (OutputStream out = Files.newOutputStream(docs.resolve("big.docx"))) {
      SampleDocuments.largeDocx(out, 200_000);
    }
    StringBuilder html = new StringBuilder("<html><body>");
    for (int i = 0; i < 40_000; i++) {
      html.append("<h2>Shelf ").append(i).append("</h2><p>Shelf ").append(i)
          .append(" holds jars of pickled walnuts and quince jam.</p>\n");
    }
    Files.writeString(docs.resolve("big.html"), html);
    Files.writeString(docs.resolve("small.txt"), "The pantry door sticks in wet weather.");
    EngineConfig config =
        EngineConfig.builder(dataDir).parseTimeout(Duration.ofMillis(50)).build();
    IngestSummary summary;
    try (SoloEngine engine = SoloEngine.open(config)) {
      // Loading Tika's parsers counts against the first parse's deadline, and a cold parser is
      // slow: warm them so that the timing below is that of the parses alone.
      engine.documents().ingest(IngestRequest.of(warmUp));
      summary = engine.documents().ingest(IngestRequest.of(docs));
    }
    assertThat(summary.ingested()).extracting(Document::source)
        .containsExactly(docs.resolve("small.txt").toString());
    assertThat(summary.skipped()).hasSize(2).allSatisfy(s -> {
      assertThat(s.code()).isEqualTo("limit-exceeded");
      assertThat(s.reason()).contains("parseTimeout (50 ms)").contains("abandoned");
    });
    // Each parse stopped at its deadline instead of running on: together they took about 0.15 s
    // here, where parsing the two without the timeout takes about 5 s.
    assertThat(summary.stages().get(IngestStage.PARSE)).isLessThan(Duration.ofSeconds(1));
    // No parse thread lives on after the batch (they are daemons: one that ignored its deadline
    // would keep burning a core unseen).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!parseThreads().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(parseThreads()).as("live parse threads").isEmpty();
  }

  private static List<String> parseThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("solo-parse-"))
        .toList();
  }

  private static void assertSkipped(
      Map<String, SkippedFile> skipped, String name, String code, String reason) {
    assertThat(skipped).as("skipped files").containsKey(name);
    SkippedFile s = skipped.get(name);
    assertThat(s.code()).as("code of " + name).isEqualTo(code);
    String file = name.substring(name.lastIndexOf('/') + 1);
    assertThat(s.reason()).as("reason of " + name).contains(reason).contains(file);
  }

  private static List<SearchHit> search(SoloEngine engine, String query) {
    return engine.search()
        .search(SearchRequest.builder(query).mode(SearchMode.LEXICAL).limit(3).build())
        .hits();
  }

  private List<String> chunks(SoloEngine engine, String name) {
    String source = docs.resolve(name).toString();
    Document d = engine.documents().list().stream()
        .filter(x -> x.source().equals(source))
        .findFirst()
        .orElseThrow();
    return engine.documents().chunks(d.id()).stream().map(Chunk::text).toList();
  }

  /** A good entry, then one of {@code zeros} zero bytes, streamed: it deflates about 1000:1. */
  private static void writeBomb(Path file, long zeros) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write("Read me first: the bomb follows. Marker zqreadme.".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] block = new byte[1 << 16];
      for (long written = 0; written < zeros; written += block.length) {
        zip.write(block);
      }
      zip.closeEntry();
    }
  }

  /** Level {@code level} of {@code levels}: a note, then the next level's archive. */
  private static byte[] nestedZip(int level, int levels) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("note-" + level + ".txt"));
      zip.write(("A note at depth " + level + ". Marker zqdepth" + level + ".")
          .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      if (level < levels) {
        zip.putNextEntry(new ZipEntry("level-" + (level + 1) + ".zip"));
        zip.write(nestedZip(level + 1, levels));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String deepHtml(int depth) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
    html.append("<div>".repeat(depth));
    html.append("The innermost box holds a marmot. Marker zqmarmot.");
    html.append("</div>".repeat(depth));
    return html.append("</body></html>").toString();
  }

  private static byte[] invalidUtf8() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("The compost heap is turned every fortnight. Marker zqinvalid. stray bytes "
        .getBytes(StandardCharsets.US_ASCII));
    b.writeBytes(new byte[] {(byte) 0xC3, 0x28}); // a lead byte without its continuation
    b.writeBytes(" and ".getBytes(StandardCharsets.US_ASCII));
    b.writeBytes("é".getBytes(StandardCharsets.UTF_8)); // valid UTF-8, in a file that is not
    b.writeBytes(" here.\n".getBytes(StandardCharsets.US_ASCII));
    return b.toByteArray();
  }

  /** Text with a NUL byte after every ninth: binary, whatever its letters say. */
  private static byte[] nulRiddled() {
    byte[] text = "Lines of a record that a program wrote with its padding. ".repeat(50)
        .getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < text.length; i++) {
      b.write(text[i]);
      if (i % 9 == 8) {
        b.write(0);
      }
    }
    return b.toByteArray();
  }

  /** 12 KB of log lines, then 256 KB of NUL bytes. */
  private static byte[] nulPaddedLog() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < 200; i++) {
      b.writeBytes(("2024-03-05 10:" + String.format("%02d", i % 60)
          + " INFO pump station 7 pressure nominal, marker zqpadded\n")
          .getBytes(StandardCharsets.US_ASCII));
    }
    b.writeBytes(new byte[256 << 10]);
    return b.toByteArray();
  }

  private static void writeOneLine(Path file, long bytes) throws IOException {
    byte[] words = "lorem ipsum dolor sit amet ".repeat(40_000).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < bytes; written += words.length) {
        out.write(words);
      }
    }
  }
}
