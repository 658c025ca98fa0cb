package dev.solosuccess.engine;

import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Child JVM for {@link LogCanaryTest}: every logger at its finest level (java.util.logging and
 * SLF4J), then ingest (text, HTML, Markdown, PDF, Word, a damaged PDF), search, read, summarize,
 * zero-shot and redact documents that hold the canaries. Prints DONE at the end.
 */
public final class LogCanaryRun {

  private LogCanaryRun() {}

  public static void main(String[] args) throws Exception {
    Logger root = Logger.getLogger("");
    root.setLevel(Level.ALL);
    for (var h : root.getHandlers()) {
      root.removeHandler(h);
    }
    ConsoleHandler console = new ConsoleHandler();
    console.setLevel(Level.ALL);
    root.addHandler(console);

    Path data = Path.of(args[0]);
    Path docs = Files.createDirectories(Path.of(args[1]));
    String note = LogCanaryTest.NOTE;
    Files.writeString(docs.resolve("note.txt"), note);
    Files.writeString(docs.resolve("note.html"), "<html><body><p>" + note + "</p></body></html>");
    Files.writeString(docs.resolve("note.md"), "# Visit\n\n" + note);
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
        s.newLineAtOffset(40, 700);
        s.showText(note.substring(0, Math.min(note.length(), 90)));
        s.endText();
      }
      pdf.save(docs.resolve("note.pdf").toFile());
    }
    try (XWPFDocument doc = new XWPFDocument();
        OutputStream out = Files.newOutputStream(docs.resolve("note.docx"))) {
      doc.createParagraph().createRun().setText(note);
      doc.write(out);
    }
    Files.writeString(docs.resolve("broken.pdf"), "%PDF-1.7\n" + note + "\n%%EOF-broken");

    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).build())) {
      var summary = engine.documents().ingest(IngestRequest.of(docs));
      System.out.println("ingested " + summary.ingested().size() + " skipped "
          + summary.skipped().size());
      for (SearchMode mode : SearchMode.values()) {
        engine.search().search(SearchRequest.builder(LogCanaryTest.QUERY).mode(mode).build());
      }
      String id = summary.ingested().get(0).id();
      engine.documents().text(id);
      engine.documents().chunks(id);
      engine.inference().summarize(id, 2);
      engine.inference().classifyZeroShot(
          note, Map.of("visit", "a clinic visit note", "bill", "an invoice"));
      engine.inference().redact(note);
      engine.documents().ingest(DocumentSource.ofText("again.txt", note + " Follow-up."));
      engine.documents().delete(id);
    }
    System.out.println("DONE");
  }
}
