package dev.solosuccess.engine.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.ChunkingStrategy;
import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each format the engine reads, generated here the way its application writes it, comes back with
 * its text, title, headings (as section paths), pages, table rows and properties. See {@link
 * SampleDocuments} for what each generated document holds.
 */
class FormatRoundTripTest {

  private static final String TABLE = "Region | Sales\nNorth | 42";

  private static ExtractedText parse(String name, byte[] content) {
    return ParsersTest.extract(null, content, name);
  }

  /** The section path of the text where {@code snippet} starts. */
  private static List<String> sectionOf(ExtractedText t, String snippet) {
    int at = t.text().indexOf(snippet);
    assertThat(at).as("offset of '" + snippet + "'").isNotNegative();
    return t.sectionAt(at);
  }

  /** The page on which {@code snippet} starts. */
  private static int pageOf(ExtractedText t, String snippet) {
    int at = t.text().indexOf(snippet);
    assertThat(at).as("offset of '" + snippet + "'").isNotNegative();
    return t.pages().stream()
        .filter(s -> s.start() <= at && at < s.end())
        .mapToInt(ExtractedText.Span::page)
        .findFirst()
        .orElseThrow();
  }

  private static void assertProperties(ExtractedText t, String title, String author) {
    assertThat(t.info().title()).isEqualTo(title);
    assertThat(t.info().author()).isEqualTo(author);
    assertThat(t.info().created()).isEqualTo(SampleDocuments.CREATED);
  }

  @Test
  void docxKeepsHeadingsTablesAndProperties() throws IOException {
    ExtractedText t = parse("manual.docx", SampleDocuments.docx());
    assertThat(t.text())
        .isEqualTo("Cargo handling\n\nCranes lift containers from the quay at dawn.\n\n"
            + "Cold storage\n\nReefer containers stay plugged in overnight.\n\n" + TABLE + "\n\n"
            + "Safety\n\nHard hats are worn on the quay at all times.");
    assertProperties(t, "Harbour operations manual", "Ada Lovelace");
    assertThat(sectionOf(t, "Cranes lift")).containsExactly("Cargo handling");
    assertThat(sectionOf(t, "Reefer")).containsExactly("Cargo handling", "Cold storage");
    assertThat(sectionOf(t, "Region | Sales")).containsExactly("Cargo handling", "Cold storage");
    assertThat(sectionOf(t, "Hard hats")).containsExactly("Safety");
    assertThat(t.pageCount()).isZero();
  }

  @Test
  void aDocumentWithoutATitleIsTitledByItsFirstHeading() throws IOException {
    ExtractedText t = parse("untitled.docx", SampleDocuments.docx(null));
    assertThat(t.info().title()).isEqualTo("Cargo handling");
    assertThat(parse("notes.md", SampleDocuments.markdown()).info().title())
        .isEqualTo("Field notes");
  }

  @Test
  void xlsxSheetsAreSectionsAndRowsAreTableRows() throws IOException {
    ExtractedText t = parse("sales.xlsx", SampleDocuments.xlsx());
    assertThat(t.text()).isEqualTo("Q1\n\n" + TABLE + "\nSouth | 17");
    assertThat(sectionOf(t, "North | 42")).containsExactly("Q1");
    assertProperties(t, "Quarterly sales", "Grace Hopper");
  }

  @Test
  void pptxSlidesArePages() throws IOException {
    ExtractedText t = parse("fleet.pptx", SampleDocuments.pptx());
    assertThat(t.pageCount()).isEqualTo(3);
    assertThat(t.pages()).extracting(ExtractedText.Span::page).containsExactly(1, 2, 3);
    assertThat(pageOf(t, "Trucks")).isEqualTo(1);
    assertThat(pageOf(t, "Twelve trucks passed inspection in March.")).isEqualTo(1);
    assertThat(pageOf(t, "Four vans need new brake pads.")).isEqualTo(2);
    assertThat(pageOf(t, "The courier bicycles are stored in bay seven.")).isEqualTo(3);
    // Each slide's title shape is the heading of its text.
    assertThat(sectionOf(t, "Twelve trucks")).containsExactly("Trucks");
    assertThat(sectionOf(t, "Four vans")).containsExactly("Vans");
    assertThat(sectionOf(t, "The courier bicycles")).containsExactly("Bicycles");
    assertProperties(t, "Fleet review", "Katherine Johnson");
  }

  @Test
  void odtKeepsOutlineHeadingsTablesAndMeta() throws IOException {
    ExtractedText t = parse("greenhouse.odt", SampleDocuments.odt());
    assertThat(t.text())
        .isEqualTo("Greenhouse\n\nTomatoes ripen in the east greenhouse.\n\n"
            + "Watering\n\nDrip lines run every morning at six.\n\n" + TABLE);
    assertThat(sectionOf(t, "Tomatoes")).containsExactly("Greenhouse");
    assertThat(sectionOf(t, "Drip lines")).containsExactly("Greenhouse", "Watering");
    assertProperties(t, "Greenhouse handbook", "Barbara McClintock");
  }

  @Test
  void rtfKeepsItsTextAndInfoGroup() {
    ExtractedText t = parse("bakery.rtf", SampleDocuments.rtf());
    // Tika's RTF parser reports table cells as paragraphs, without rows: the cells come in order.
    assertThat(t.text())
        .isEqualTo("The sourdough is fed every evening at eight.\n\n"
            + "Croissants are laminated on Thursdays.\n\nRegion\n\nSales\n\nNorth\n\n42");
    assertProperties(t, "Bakery schedule", "Julia Child");
  }

  @Test
  void emlIsTitledBySubjectAndAuthoredBySender() {
    ExtractedText t = parse("shipment.eml", SampleDocuments.eml());
    assertThat(t.text())
        .isEqualTo("The difference engine leaves the workshop on Friday.\n"
            + "Please have the crate ready by noon.");
    assertThat(t.info().title()).isEqualTo("Engine shipment schedule");
    assertThat(t.info().author()).contains("Ada Lovelace");
    assertThat(t.info().created()).isEqualTo(SampleDocuments.CREATED);
  }

  @Test
  void htmlKeepsHeadingsTablesTitleAuthorAndLanguage() {
    ExtractedText t = parse("kitchen.html", SampleDocuments.html());
    assertThat(t.text())
        .isEqualTo("Kitchen handbook\n\nKnives are sharpened every Monday.\n\n"
            + "Pastry\n\nThe pastry section opens at five.\n\n" + TABLE + "\n\n"
            + "Laminated dough\n\nButter blocks rest overnight.\n\n"
            + "Cleaning\n\nOvens are cleaned nightly.");
    assertThat(sectionOf(t, "Knives")).containsExactly("Kitchen handbook");
    assertThat(sectionOf(t, "North | 42")).containsExactly("Kitchen handbook", "Pastry");
    assertThat(sectionOf(t, "Butter"))
        .containsExactly("Kitchen handbook", "Pastry", "Laminated dough");
    assertThat(sectionOf(t, "Ovens")).containsExactly("Kitchen handbook", "Cleaning");
    assertThat(t.info().title()).isEqualTo("Kitchen handbook");
    assertThat(t.info().author()).isEqualTo("Auguste Escoffier");
    assertThat(t.info().language()).isEqualTo("en-gb");
  }

  @Test
  void markdownKeepsAtxAndSetextHeadingsAndTables() {
    ExtractedText t = parse("notes.md", SampleDocuments.markdown());
    assertThat(t.text())
        .isEqualTo("Field notes\n\nThe beehives are checked weekly.\n\n"
            + "Honey\n\nExtraction happens in August.\n\n" + TABLE + "\n\n"
            + "Wax\n\nCandles are poured from the cappings.");
    assertThat(sectionOf(t, "The beehives")).containsExactly("Field notes");
    assertThat(sectionOf(t, "North | 42")).containsExactly("Field notes", "Honey");
    assertThat(sectionOf(t, "Candles")).containsExactly("Field notes", "Wax");
  }

  @Test
  void pdfTextLandsOnItsPages() throws IOException {
    byte[] pdf =
        SampleDocuments.pdf(
            List.of(
                List.of("Alpha: the boiler is inspected in January."),
                List.of("Beta: the chimney is swept in June."),
                List.of("Gamma: the radiators are bled in October.")),
            "Building upkeep",
            "Ada Lovelace");
    ExtractedText t = parse("upkeep.pdf", pdf);
    assertThat(t.pageCount()).isEqualTo(3);
    assertThat(t.pages()).extracting(ExtractedText.Span::page).containsExactly(1, 2, 3);
    assertThat(pageOf(t, "Alpha")).isEqualTo(1);
    assertThat(pageOf(t, "Beta")).isEqualTo(2);
    assertThat(pageOf(t, "Gamma")).isEqualTo(3);
    ExtractedText.Span two = t.pages().get(1);
    assertThat(t.text().substring(two.start(), two.end()))
        .isEqualTo("Beta: the chimney is swept in June.");
    assertProperties(t, "Building upkeep", "Ada Lovelace");
  }

  @Test
  void pdfRunningHeadsAndFeetGoAndHyphenatedWordsAreJoined() throws IOException {
    ExtractedText t = parse("guide.pdf", SampleDocuments.runningPdf());
    assertThat(t.pageCount()).isEqualTo(5);
    assertThat(t.text())
        .doesNotContain("ACME Logistics")
        .doesNotContain("Confidential")
        .doesNotContain("Page ")
        .doesNotContain(" of 5")
        .contains("before the international shipment leaves the dock")
        .doesNotContain("inter-");
    for (int page = 1; page <= 5; page++) {
      ExtractedText.Span span = t.pages().get(page - 1);
      assertThat(span.page()).isEqualTo(page);
      assertThat(t.text().substring(span.start(), span.end()))
          .startsWith(SampleDocuments.BODY[page - 1]);
    }
    assertThat(pageOf(t, "international")).isEqualTo(2);
  }

  @Test
  void plainTextDecodesUnicodeAndLegacyEncodings() {
    String western = "Zoë's café serves crème brûlée for 5 € – \u201Cdéjà vu\u201D.";
    assertDecoded(western, StandardCharsets.UTF_8, "UTF-8");
    assertDecoded(western, StandardCharsets.UTF_16LE, "UTF-16LE", 0xFF, 0xFE);
    assertDecoded(western, StandardCharsets.UTF_16BE, "UTF-16BE", 0xFE, 0xFF);
    assertDecoded(western, Charset.forName("windows-1252"), "windows-1252");
    // Short Western text dense with accents is still Western.
    assertDecoded("Ça a été déjà vu à Noël.", Charset.forName("windows-1252"), "windows-1252");
    assertDecoded("Größe, Übung und Äpfel für Jürgen.", Charset.forName("windows-1252"),
        "windows-1252");
    assertDecoded(
        "Склад в Новосибирске открывается в девять часов утра.\n"
            + "Инвентаризация проводится каждый понедельник.",
        Charset.forName("windows-1251"), "windows-1251");
    assertDecoded("東京の倉庫では毎週月曜日に在庫を数えます。\n配送は午前九時に始まります。",
        Charset.forName("Shift_JIS"), "Shift_JIS");
  }

  private static void assertDecoded(String text, Charset charset, String expected, int... bom) {
    byte[] body = text.getBytes(charset);
    byte[] bytes = new byte[bom.length + body.length];
    for (int i = 0; i < bom.length; i++) {
      bytes[i] = (byte) bom[i];
    }
    System.arraycopy(body, 0, bytes, bom.length, body.length);
    TextDecoder.Decoded d =
        TextDecoder.decode(bytes, "t.txt", ParsersTest.TIKA.encodingDetector());
    assertThat(d.text()).as("text in " + charset).isEqualTo(text);
    assertThat(d.charset().name()).as("charset of text in " + charset).isEqualTo(expected);
    assertThat(parse("t.txt", bytes).text()).as("parsed text in " + charset).isEqualTo(text);
  }

  @Test
  void zipEntriesAreDocumentsOfTheirOwn(@TempDir Path dataDir, @TempDir Path docs)
      throws IOException {
    Path archive = docs.resolve("archive.zip");
    try (OutputStream file = Files.newOutputStream(archive);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      entry(zip, "notes.txt",
          "The lighthouse keeper logs the fog horn every quarter.".getBytes(StandardCharsets.UTF_8));
      entry(zip, "manual.docx", SampleDocuments.docx());
      zip.putNextEntry(new ZipEntry("nested/"));
      zip.closeEntry();
      entry(zip, "nested/folder/deep.md",
          "# Deep\n\nThe spare lantern wicks are in the tin box.\n".getBytes(StandardCharsets.UTF_8));
    }
    // Section chunks, so that a chunk's section path is that of the heading it falls under.
    EngineConfig config = EngineConfig.builder(dataDir).chunking(ChunkingStrategy.SECTION).build();
    try (SoloEngine engine = SoloEngine.open(config)) {
      IngestSummary summary = engine.documents().ingest(IngestRequest.of(docs));
      assertThat(summary.skipped()).isEmpty();
      String prefix = archive + "!/";
      assertThat(summary.ingested())
          .extracting(Document::source)
          .containsExactlyInAnyOrder(
              prefix + "notes.txt", prefix + "manual.docx", prefix + "nested/folder/deep.md");
      assertThat(topHit(engine, "fog horn lighthouse keeper").source())
          .isEqualTo(prefix + "notes.txt");
      assertThat(topHit(engine, "lantern wicks tin box").source())
          .isEqualTo(prefix + "nested/folder/deep.md");
      SearchHit reefer = topHit(engine, "reefer containers plugged overnight");
      assertThat(reefer.source()).isEqualTo(prefix + "manual.docx");
      assertThat(reefer.provenance().section()).containsExactly("Cargo handling", "Cold storage");
      Document deep =
          summary.ingested().stream()
              .filter(d -> d.source().endsWith("deep.md"))
              .findFirst()
              .orElseThrow();
      assertThat(engine.documents().chunks(deep.id()))
          .extracting(Chunk::text)
          .containsExactly("Deep\n\nThe spare lantern wicks are in the tin box.");
    }
  }

  private static SearchHit topHit(SoloEngine engine, String query) {
    List<SearchHit> hits =
        engine.search()
            .search(SearchRequest.builder(query).mode(SearchMode.LEXICAL).limit(3).build())
            .hits();
    assertThat(hits).as("hits for " + query).isNotEmpty();
    return hits.get(0);
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }
}
