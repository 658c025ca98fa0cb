package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.engine.internal.chunk.ChunkSpan;
import dev.solosuccess.engine.internal.chunk.Chunker;
import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.engine.internal.model.ModelTokenizer;
import dev.solosuccess.engine.internal.model.NativeRuntime;
import dev.solosuccess.engine.internal.parse.ExtractedText;
import dev.solosuccess.engine.internal.parse.Formats;
import dev.solosuccess.engine.internal.parse.ParseGuard;
import dev.solosuccess.engine.internal.parse.Parsers;
import dev.solosuccess.engine.internal.parse.TikaFormats;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.LimitExceededException;
import dev.solosuccess.sdk.SkippedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failures the fuzzer ({@code benchmarks/.../fuzz/Fuzz}) found, each with its input made
 * smaller and written in code. Every test failed before its fix: an exception other than a
 * SoloException, or a parse that ran far past its deadline.
 */
class FuzzRegressionTest {

  private static final Parsers PARSERS = new Parsers(new TikaFormats());

  @TempDir static Path nativeDir;
  static ModelTokenizer tokenizer;

  @BeforeAll
  static void load() {
    NativeRuntime.prepare(nativeDir);
    tokenizer = ModelTokenizer.load(ModelSpec.ALL_MINILM_L6_V2);
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  /**
   * Fuzz case 656 of seed 1: lone surrogates made the tokenizer's character offsets point past the
   * end of the text, and the chunker threw StringIndexOutOfBoundsException.
   */
  @Test
  void loneSurrogatesAreChunkedWithinTheText() {
    String text = "word ".repeat(250) + ">".repeat(15) + "word ".repeat(350)
        + "\uDFFF".repeat(12_416) + "word ".repeat(1_400) + " \uD800 end.";
    for (ChunkingStrategy strategy : ChunkingStrategy.values()) {
      List<ChunkSpan> chunks =
          new Chunker(strategy, tokenizer, 126, 16).chunk(ExtractedText.plain(text));
      assertThat(chunks).as(strategy.name()).isNotEmpty();
      for (ChunkSpan c : chunks) {
        assertThat(c.start()).as(strategy + " chunk start").isBetween(0, c.end());
        assertThat(c.end()).as(strategy + " chunk end").isLessThanOrEqualTo(text.length());
      }
    }
  }

  /** The tokenizer's offsets of text with lone surrogates stay inside the text, in order. */
  @Test
  void tokenOffsetsOfLoneSurrogatesStayInsideTheText() {
    String text = "word " + "\uDFFF".repeat(100) + " word \uD800 word";
    int[] starts = tokenizer.tokenStarts(text);
    assertThat(starts).isNotEmpty().isSorted();
    assertThat(starts[starts.length - 1]).isEqualTo(text.lastIndexOf("word"));
  }

  /** The same text through a parser: what is stored holds U+FFFD, never a lone surrogate. */
  @Test
  void parsedTextHoldsNoLoneSurrogate() {
    byte[] html = "<p>a &#xD800; b \uD83D\uDE00 c</p>".getBytes(StandardCharsets.UTF_8);
    ExtractedText t = parse("x.html", html, Duration.ofSeconds(30));
    assertThat(t.text()).doesNotContain("\uD800").contains("\uD83D\uDE00");
    for (int i = 0; i < t.text().length(); i++) {
      char c = t.text().charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(Character.isLowSurrogate(t.text().charAt(++i))).isTrue();
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at " + i).isFalse();
      }
    }
  }

  /**
   * Fuzz case 334 of seed 1: a Markdown line of 50,000 '[' kept the link pattern backtracking
   * for minutes (each '[' scanned to the end of the line), past any parse timeout.
   */
  @Test
  void aLineOfOpeningBracketsParsesQuickly() {
    byte[] md = ("# Title\n\n" + "[".repeat(50_000) + "\n").getBytes(StandardCharsets.UTF_8);
    long start = System.nanoTime();
    ExtractedText t = parse("deep.md", md, Duration.ofSeconds(30));
    assertThat(t.text()).startsWith("Title");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  /**
   * A line that still makes a Markdown pattern backtrack ('*' openers that never close) ends at
   * the parse deadline: the patterns read the line through the guard.
   */
  @Test
  void backtrackingMarkupStopsAtTheParseTimeout() {
    byte[] md = "*a ".repeat(60_000).getBytes(StandardCharsets.UTF_8);
    long start = System.nanoTime();
    assertThatThrownBy(() -> parse("stars.md", md, Duration.ofMillis(300)))
        .isInstanceOfSatisfying(LimitExceededException.class,
            e -> assertThat(e.limitName()).isEqualTo("parseTimeout"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  /**
   * Fuzz case 194 of seed 1: an archive entry whose name holds a NUL character threw
   * InvalidPathException out of the batch; now it is skipped and the other entries are stored.
   */
  @Test
  void anArchiveEntryNamedWithNulIsSkippedAndTheRestIngested(@TempDir Path dataDir,
      @TempDir Path docs) throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      for (String name : List.of("good.txt", "bad\u0000name.txt")) {
        out.putNextEntry(new ZipEntry(name));
        out.write("The orchard pears are pruned in February.".getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    Files.write(docs.resolve("a.zip"), zip.toByteArray());
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      IngestSummary s = engine.documents().ingest(IngestRequest.of(docs));
      assertThat(s.ingested()).extracting(d -> d.source()).containsExactly(
          docs.resolve("a.zip") + "!/good.txt");
      assertThat(s.skipped()).singleElement().satisfies((SkippedFile f) -> {
        assertThat(f.code()).isEqualTo("invalid-input");
        assertThat(f.reason()).contains("NUL");
      });
    }
  }

  /**
   * Fuzz case 16712 of seed 20261126: a page tree whose /Count says 2,147,483,647 made the PDF
   * parser size its page list from it: OutOfMemoryError ("Requested array size exceeds VM
   * limit"). The pages the tree really holds are read.
   */
  @Test
  void aPdfWhosePageCountLiesIsReadByItsRealPages() throws IOException {
    byte[] pdf;
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText("The orchard pears are pruned in February.");
        cs.endText();
      }
      doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES)
          .setInt(COSName.COUNT, Integer.MAX_VALUE);
      doc.save(out);
      pdf = out.toByteArray();
    }
    ExtractedText t = parse("count.pdf", pdf, Duration.ofSeconds(30));
    assertThat(t.text()).contains("orchard pears");
    assertThat(t.pageCount()).isEqualTo(1);
  }

  private static ExtractedText parse(String name, byte[] content, Duration timeout) {
    Formats.Format f = Formats.detect(null, name, content, PARSERS.tika());
    return PARSERS.parse(f, content, new ParseGuard(name, 10_000_000, timeout));
  }
}
