package dev.solosuccess.engine.internal.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Documents of every format the engine reads, generated the way their applications write them, with
 * known text, structure and properties. For the format tests and the batch tests.
 */
public final class SampleDocuments {

  /** The creation time every generated document that carries one declares. */
  public static final Instant CREATED = Instant.parse("2024-03-05T10:15:00Z");

  private SampleDocuments() {}

  /** A Word document titled "Harbour operations manual" by Ada Lovelace, with headings and a table. */
  public static byte[] docx() throws IOException {
    return docx("Harbour operations manual");
  }

  /**
   * @param title the document's title property, or {@code null} for none
   */
  public static byte[] docx(String title) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument d = new XWPFDocument()) {
      var core = d.getProperties().getCoreProperties();
      if (title != null) {
        core.setTitle(title);
      }
      core.setCreator("Ada Lovelace");
      core.setCreated(Optional.of(Date.from(CREATED)));
      // A fresh document has no styles; Word's own "heading n" styles are what make headings.
      XWPFStyles styles = d.createStyles();
      for (int level = 1; level <= 2; level++) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId("Heading" + level);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal("heading " + level);
        s.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        styles.addStyle(new XWPFStyle(s));
      }
      heading(d, 1, "Cargo handling");
      d.createParagraph().createRun().setText("Cranes lift containers from the quay at dawn.");
      heading(d, 2, "Cold storage");
      d.createParagraph().createRun().setText("Reefer containers stay plugged in overnight.");
      XWPFTable t = d.createTable(2, 2);
      t.getRow(0).getCell(0).setText("Region");
      t.getRow(0).getCell(1).setText("Sales");
      t.getRow(1).getCell(0).setText("North");
      t.getRow(1).getCell(1).setText("42");
      heading(d, 1, "Safety");
      d.createParagraph().createRun().setText("Hard hats are worn on the quay at all times.");
      d.write(out);
    }
    return out.toByteArray();
  }

  private static void heading(XWPFDocument d, int level, String text) {
    var p = d.createParagraph();
    p.setStyle("Heading" + level);
    p.createRun().setText(text);
  }

  /**
   * A Word document of {@code paragraphs} numbered paragraphs, zipped straight from its XML parts
   * (much faster than POI for large documents), streamed to {@code out}.
   */
  public static void largeDocx(OutputStream out, int paragraphs) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\""
          + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
          + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
      put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
          + "2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\""
          + "http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
      for (int i = 0; i < paragraphs; i++) {
        w.write("<w:p><w:r><w:t>The storeroom shelf " + i
            + " holds jars of pickled walnuts and quince jam.</w:t></w:r></w:p>");
      }
      w.write("</w:body></w:document>");
      w.flush();
      zip.closeEntry();
    }
  }

  /** A workbook titled "Quarterly sales", one sheet "Q1" with a Region | Sales table. */
  public static byte[] xlsx() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      var core = wb.getProperties().getCoreProperties();
      core.setTitle("Quarterly sales");
      core.setCreator("Grace Hopper");
      core.setCreated(Optional.of(Date.from(CREATED)));
      var sheet = wb.createSheet("Q1");
      String[][] rows = {{"Region", "Sales"}, {"North", "42"}, {"South", "17"}};
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        row.createCell(0).setCellValue(rows[r][0]);
        if (r == 0) {
          row.createCell(1).setCellValue(rows[r][1]);
        } else {
          row.createCell(1).setCellValue(Double.parseDouble(rows[r][1]));
        }
      }
      wb.write(out);
    }
    return out.toByteArray();
  }

  /** A deck titled "Fleet review" with three slides: Trucks, Vans, Bicycles. */
  public static byte[] pptx() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XMLSlideShow show = new XMLSlideShow()) {
      var core = show.getProperties().getCoreProperties();
      core.setTitle("Fleet review");
      core.setCreator("Katherine Johnson");
      core.setCreated(Optional.of(Date.from(CREATED)));
      XSLFSlideLayout layout = show.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_AND_CONTENT);
      String[][] slides = {
          {"Trucks", "Twelve trucks passed inspection in March."},
          {"Vans", "Four vans need new brake pads."},
          {"Bicycles", "The courier bicycles are stored in bay seven."}};
      for (String[] s : slides) {
        XSLFSlide slide = show.createSlide(layout);
        slide.getPlaceholder(0).setText(s[0]);
        slide.getPlaceholder(1).setText(s[1]);
      }
      show.write(out);
    }
    return out.toByteArray();
  }

  /** An OpenDocument text, written by hand as LibreOffice lays it out: headings, a table, meta. */
  public static byte[] odt() throws IOException {
    String ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
        + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
        + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
    String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<office:document-content " + ns + " office:version=\"1.2\"><office:body><office:text>"
        + "<text:h text:outline-level=\"1\">Greenhouse</text:h>"
        + "<text:p>Tomatoes ripen in the east greenhouse.</text:p>"
        + "<text:h text:outline-level=\"2\">Watering</text:h>"
        + "<text:p>Drip lines run every morning at six.</text:p>"
        + "<table:table table:name=\"Sales\"><table:table-column table:number-columns-repeated=\"2\"/>"
        + "<table:table-row><table:table-cell><text:p>Region</text:p></table:table-cell>"
        + "<table:table-cell><text:p>Sales</text:p></table:table-cell></table:table-row>"
        + "<table:table-row><table:table-cell><text:p>North</text:p></table:table-cell>"
        + "<table:table-cell><text:p>42</text:p></table:table-cell></table:table-row></table:table>"
        + "</office:text></office:body></office:document-content>";
    String meta = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<office:document-meta " + ns + " office:version=\"1.2\"><office:meta>"
        + "<dc:title>Greenhouse handbook</dc:title>"
        + "<meta:initial-creator>Barbara McClintock</meta:initial-creator>"
        + "<dc:creator>Barbara McClintock</dc:creator>"
        + "<meta:creation-date>2024-03-05T10:15:00</meta:creation-date>"
        + "</office:meta></office:document-meta>";
    String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        + "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
        + "</manifest:manifest>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry m = new ZipEntry("mimetype");
      m.setMethod(ZipEntry.STORED);
      m.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      m.setCrc(crc.getValue());
      zip.putNextEntry(m);
      zip.write(mimetype);
      zip.closeEntry();
      put(zip, "content.xml", content);
      put(zip, "meta.xml", meta);
      put(zip, "META-INF/manifest.xml", manifest);
    }
    return out.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** An RTF document with an info group (title, author, creation time) and a table. */
  public static byte[] rtf() {
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}"
        + "{\\info{\\title Bakery schedule}{\\author Julia Child}"
        + "{\\creatim\\yr2024\\mo3\\dy5\\hr10\\min15}}\n"
        + "\\pard\\plain The sourdough is fed every evening at eight.\\par\n"
        + "\\pard\\plain Croissants are laminated on Thursdays.\\par\n"
        + "\\trowd\\cellx2000\\cellx4000\\pard\\intbl Region\\cell Sales\\cell\\row\n"
        + "\\trowd\\cellx2000\\cellx4000\\pard\\intbl North\\cell 42\\cell\\row\n"
        + "}").getBytes(StandardCharsets.US_ASCII);
  }

  /** A plain-text e-mail from Ada Lovelace, subject "Engine shipment schedule". */
  public static byte[] eml() {
    return ("From: Ada Lovelace <ada@example.com>\r\n"
        + "To: Charles Babbage <charles@example.com>\r\n"
        + "Subject: Engine shipment schedule\r\n"
        + "Date: Tue, 5 Mar 2024 10:15:00 +0000\r\n"
        + "Message-ID: <1@example.com>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "\r\n"
        + "The difference engine leaves the workshop on Friday.\r\n"
        + "Please have the crate ready by noon.\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** An HTML page with navigation and a script around its content. */
  public static byte[] html() {
    return ("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
        + "<title>Kitchen handbook</title><meta name=\"author\" content=\"Auguste Escoffier\">"
        + "<style>p { color: red }</style></head><body><nav><a href=\"/\">Home</a></nav>"
        + "<h1>Kitchen handbook</h1><p>Knives are sharpened every Monday.</p>"
        + "<h2>Pastry</h2><p>The pastry section opens at five.</p>"
        + "<table><tr><th>Region</th><th>Sales</th></tr><tr><td>North</td><td>42</td></tr></table>"
        + "<h3>Laminated dough</h3><p>Butter blocks rest overnight.</p>"
        + "<h2>Cleaning</h2><p>Ovens are cleaned nightly.</p>"
        + "<script>document.title = 'x';</script></body></html>").getBytes(StandardCharsets.UTF_8);
  }

  /** Markdown with ATX and setext headings and a pipe table. */
  public static byte[] markdown() {
    return ("# Field notes\n\nThe beehives are checked **weekly**.\n\n"
        + "## Honey\n\nExtraction happens in August.\n\n"
        + "| Region | Sales |\n|---|---:|\n| North | 42 |\n\n"
        + "Wax\n---\n\nCandles are poured from the cappings.\n").getBytes(StandardCharsets.UTF_8);
  }

  /** A PDF with one page per list of lines, without properties. */
  public static byte[] pdf(List<List<String>> pages) throws IOException {
    return pdf(pages, null, null);
  }

  /** A PDF with one page per list of lines, in Helvetica, and a title and author if given. */
  public static byte[] pdf(List<List<String>> pages, String title, String author) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (List<String> lines : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 12);
          cs.setLeading(14.5f);
          cs.newLineAtOffset(72, 770);
          for (String line : lines) {
            if (!line.isEmpty()) {
              cs.showText(line);
            }
            cs.newLine();
          }
          cs.endText();
        }
      }
      PDDocumentInformation info = doc.getDocumentInformation();
      if (title != null) {
        info.setTitle(title);
        info.setAuthor(author);
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(CREATED.toEpochMilli());
        info.setCreationDate(c);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** The body line of each page of {@link #runningPdf()}. */
  public static final String[] BODY = {
      "Forklifts are charged in the north shed overnight.",
      "Pallets are wrapped in film before they are stacked.",
      "Drivers sign the gate log when they arrive.",
      "Damaged crates are set aside for the insurer.",
      "The loading bay closes at six in the evening."};

  /**
   * A PDF written by hand whose page tree loops: the root lists itself among its kids, or (with
   * {@code viaChild}) a child node lists the root.
   */
  public static byte[] cyclicPdf(boolean viaChild) {
    List<String> objects = new ArrayList<>();
    objects.add("<< /Type /Catalog /Pages 2 0 R >>");
    objects.add(viaChild
        ? "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 3 >>"
        : "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>");
    objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        + " /Resources << /Font << /F1 5 0 R >> >> >>");
    String content = "BT /F1 12 Tf 72 700 Td (A page tree that loops back on itself.) Tj ET";
    objects.add("<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
    objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    objects.add("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>");
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    long[] offsets = new long[objects.size()];
    for (int i = 0; i < objects.size(); i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    long xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    for (long o : offsets) {
      pdf.append(String.format("%010d 00000 n \n", o));
    }
    pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref).append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Five pages, each with the running head "ACME Logistics - Confidential", a foot "Page n of 5"
   * and one line of {@link #BODY}; page 2 also holds a word hyphenated across a line end.
   */
  public static byte[] runningPdf() throws IOException {
    List<List<String>> pages = new ArrayList<>();
    for (int p = 1; p <= 5; p++) {
      List<String> lines = new ArrayList<>();
      lines.add("ACME Logistics - Confidential");
      lines.add("");
      lines.add(BODY[p - 1]);
      if (p == 2) {
        lines.add("Pallets are wrapped before the inter-");
        lines.add("national shipment leaves the dock.");
      }
      for (int i = 0; i < 40; i++) {
        lines.add("");
      }
      lines.add("Page " + p + " of 5");
      pages.add(lines);
    }
    return pdf(pages, "Loading bay guide", "Ada Lovelace");
  }

  /** A file attached to an e-mail. */
  public record Attachment(String name, byte[] bytes) {}

  /** A multipart e-mail: a plain-text body and Word attachments, base64-encoded. */
  public static byte[] emlWithDocx(String body, Attachment... attachments) {
    String boundary = "zq-boundary-1";
    StringBuilder m = new StringBuilder()
        .append("From: Dock Office <dock@example.com>\r\n")
        .append("To: Stores <stores@example.com>\r\n")
        .append("Subject: Thursday shipment\r\n")
        .append("Date: Tue, 5 Mar 2024 10:15:00 +0000\r\n")
        .append("Message-ID: <2@example.com>\r\n")
        .append("MIME-Version: 1.0\r\n")
        .append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n")
        .append("--").append(boundary).append("\r\n")
        .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
        .append(body).append("\r\n");
    for (Attachment a : attachments) {
      m.append("--").append(boundary).append("\r\n")
          .append("Content-Type: application/vnd.openxmlformats-officedocument.")
          .append("wordprocessingml.document; name=\"").append(a.name()).append("\"\r\n")
          .append("Content-Disposition: attachment; filename=\"").append(a.name()).append("\"\r\n")
          .append("Content-Transfer-Encoding: base64\r\n\r\n")
          .append(Base64.getMimeEncoder().encodeToString(a.bytes())).append("\r\n");
    }
    m.append("--").append(boundary).append("--\r\n");
    return m.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
