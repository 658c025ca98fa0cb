package dev.solosuccess.engine;

import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Child JVM for {@link TempFileCanaryTest}: with a master key and {@code java.io.tmpdir} pointing
 * at a folder the test watches, ingests the canary in every format the engine reads through a
 * parser library (Word with a picture, Excel old and new, PowerPoint, OpenDocument, RTF, e-mail
 * with a Word attachment, a ZIP of office files, PDF, HTML, Markdown, text), then searches in
 * every mode, reads, summarizes, redacts, backs up and erases. Prints DONE at the end.
 */
public final class TempFileCanaryRun {

  private TempFileCanaryRun() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path docs = Files.createDirectories(Path.of(args[1]));
    Path backup = Path.of(args[2]);
    String note = TempFileCanaryTest.NOTE;
    Files.writeString(docs.resolve("note.txt"), note);
    Files.writeString(docs.resolve("note.html"), "<html><body><p>" + note + "</p></body></html>");
    Files.writeString(docs.resolve("note.md"), "# Visit\n\n" + note);
    Files.write(docs.resolve("note.pdf"), pdf(note));
    Files.write(docs.resolve("note.docx"), docx(note));
    Files.write(docs.resolve("note.xlsx"), xlsx(note));
    Files.write(docs.resolve("note.xls"), xls(note));
    Files.write(docs.resolve("note.pptx"), pptx(note));
    Files.write(docs.resolve("note.odt"), odt(note));
    Files.writeString(docs.resolve("note.rtf"), "{\\rtf1\\ansi " + note + "\\par}");
    Files.writeString(docs.resolve("note.eml"), eml(note));
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(docs.resolve("b.zip")))) {
      put(zip, "inner/letter.docx", docx(note));
      put(zip, "inner/letter.odt", odt(note));
    }

    MasterKey key = MasterKey.fromEnvironment();
    EngineConfig config = EngineConfig.builder(data).masterKey(key).build();
    try (SoloEngine engine = SoloEngine.open(config)) {
      var summary = engine.documents().ingest(IngestRequest.of(docs));
      System.out.println("ingested " + summary.ingested().size() + " skipped "
          + summary.skipped().size() + " " + summary.skipped());
      for (SearchMode mode : SearchMode.values()) {
        int hits = engine.search()
            .search(SearchRequest.builder(TempFileCanaryTest.CANARY).mode(mode).limit(50).build())
            .hits().size();
        System.out.println(mode + " hits " + hits);
      }
      String id = summary.ingested().get(0).id();
      engine.documents().text(id);
      engine.inference().summarize(id, 2);
      engine.inference().redact(note);
      engine.documents().ingest(DocumentSource.ofText("again.txt", note + " Follow-up."));
      engine.backup(backup);
      engine.documents().delete(id);
    }
    System.out.println("DONE");
  }

  private static byte[] pdf(String note) throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
        s.newLineAtOffset(40, 700);
        s.showText(note);
        s.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    }
  }

  /** A Word document with a picture: Tika's image parsers read pictures from temporary files. */
  private static byte[] docx(String note) throws Exception {
    try (XWPFDocument doc = new XWPFDocument()) {
      XWPFRun run = doc.createParagraph().createRun();
      run.setText(note);
      run.addPicture(new ByteArrayInputStream(png()), Document.PICTURE_TYPE_PNG, "scan.png",
          20 * 9525, 20 * 9525);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    }
  }

  /** A 1x1 PNG, as bytes: ImageIO would write its own temporary files in this JVM. */
  private static byte[] png() {
    return Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
  }

  private static byte[] xlsx(String note) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.createSheet("Notes").createRow(0).createCell(0).setCellValue(note);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] xls(String note) throws IOException {
    try (HSSFWorkbook wb = new HSSFWorkbook()) {
      wb.createSheet("Notes").createRow(0).createCell(0).setCellValue(note);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] pptx(String note) throws IOException {
    try (XMLSlideShow show = new XMLSlideShow()) {
      show.createSlide().createTextBox().setText(note);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      show.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] odt(String note) throws IOException {
    String ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";
    String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + ns
        + " office:version=\"1.2\"><office:body><office:text><text:p>" + note
        + "</text:p></office:text></office:body></office:document-content>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "mimetype",
          "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
      put(zip, "content.xml", content.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static String eml(String note) throws Exception {
    String attachment = Base64.getMimeEncoder().encodeToString(docx(note));
    return "From: Clinic <clinic@example.com>\r\nTo: Records <records@example.com>\r\n"
        + "Subject: Visit\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
        + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + note + "\r\n"
        + "--b1\r\nContent-Type: application/vnd.openxmlformats-officedocument"
        + ".wordprocessingml.document; name=\"letter.docx\"\r\n"
        + "Content-Disposition: attachment; filename=\"letter.docx\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n" + attachment + "\r\n--b1--\r\n";
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }
}
