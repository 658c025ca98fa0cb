package dev.solosuccess.benchmarks.fuzz;

import static dev.solosuccess.benchmarks.fuzz.Mutator.utf8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The file corpus, made in code: small valid files of every format the engine reads, and the
 * hostile ones the issue lists (truncated and cyclic PDFs, zip bombs, deep archives,
 * billion-laughs and external-entity XML inside DOCX, bad UTF-8, NUL and zero-width characters,
 * path traversal in entry names, deep nesting). Files too large to mutate cheaply are marked
 * {@code asIs}: they are fed unchanged, now and then. Immutable after construction.
 */
final class FileSeeds {

  /** A file: its name (the extension picks the parser) and bytes. */
  record Seed(String name, byte[] bytes, boolean asIs) {}

  static final String TEXT =
      "Hypertension management in primary care.\n\nBlood pressure above 140/90 mmHg on two"
          + " visits is hypertension. Lifestyle changes come first: less salt, more exercise.\n\n"
          + "Thiazide diuretics, ACE inhibitors and calcium channel blockers are first-line drugs."
          + " Doctors review the dose after four weeks.\n";

  final List<Seed> documents = new ArrayList<>();
  final List<Seed> archives = new ArrayList<>();
  final List<byte[]> splicePartners = new ArrayList<>();

  FileSeeds() {
    byte[] pdf = pdf(TEXT, 2);
    add("note.txt", utf8(TEXT));
    add("note.md", utf8("# Hypertension\n\n## Drugs\n\n" + TEXT + "\n| drug | dose |\n|---|---|\n"
        + "| a | 1 |\n\n> quoted\n\n- item\n- item\n"));
    add("note.html", utf8("<!DOCTYPE html><html><head><title>BP</title></head><body><h1>BP</h1>"
        + "<p>" + TEXT + "</p><table><tr><td>a</td><td>b</td></tr></table><script>x()</script>"
        + "</body></html>"));
    add("note.pdf", pdf);
    add("note.docx", docx("<w:p><w:r><w:t>" + TEXT + "</w:t></w:r></w:p>", ""));
    add("note.eml", utf8("From: a@example.org\r\nTo: b@example.org\r\nSubject: BP\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + TEXT));
    add("note.rtf", utf8("{\\rtf1\\ansi{\\fonttbl\\f0 Arial;}\\f0\\pard " + TEXT + "\\par}"));
    add("note.csv", utf8("drug,dose\nthiazide,12.5 mg\nlisinopril,10 mg\n"));
    add("note.xml", utf8("<?xml version=\"1.0\"?><notes><note>" + TEXT + "</note></notes>"));
    add("note.json", utf8("{\"title\":\"BP\",\"text\":\"" + TEXT.replace("\n", "\\n") + "\"}"));

    // Hostile documents.
    add("truncated.pdf", java.util.Arrays.copyOf(pdf, pdf.length / 2));
    add("cyclic-pages.pdf", utf8(cyclicPdf("2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2"
        + " >> endobj")));
    add("self-length.pdf", utf8(cyclicPdf("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >>"
        + " endobj").replace("/Length 44", "/Length 4 0 R")));
    add("huge-count.pdf", utf8(cyclicPdf("2 0 obj << /Type /Pages /Kids [3 0 R]"
        + " /Count 2147483647 >> endobj")));
    add("outline-loop.pdf", utf8(cyclicPdf("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >>"
        + " endobj\n6 0 obj << /Type /Outlines /First 7 0 R /Last 7 0 R >> endobj\n7 0 obj"
        + " << /Title (loop) /Parent 6 0 R /Next 7 0 R /First 7 0 R >> endobj")
        .replace("/Pages 2 0 R", "/Pages 2 0 R /Outlines 6 0 R")));
    add("deep-array.pdf", utf8(cyclicPdf("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 /X "
        + "[".repeat(100_000) + "]".repeat(100_000) + " >> endobj")));
    add("billion-laughs.docx", docx("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", billionLaughs()));
    add("external-entity.docx", docx("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>",
        "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"));
    add("deep-xml.docx", docx("<w:p>".repeat(20_000) + "</w:p>".repeat(20_000), ""));
    add("invalid-utf8.txt", Mutator.concat(utf8(TEXT), new byte[] {(byte) 0xC3, (byte) 0x28,
        (byte) 0xA0, (byte) 0xA1, (byte) 0xE2, (byte) 0x28, (byte) 0xA1}));
    add("overlong-utf8.txt", Mutator.concat(utf8("path "), new byte[] {(byte) 0xC0, (byte) 0xAE,
        (byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAF, 'x'}));
    add("lone-surrogate.txt", Mutator.concat(utf8(TEXT), new byte[] {(byte) 0xED, (byte) 0xA0,
        (byte) 0x80, 'a', (byte) 0xED, (byte) 0xBF, (byte) 0xBF}));
    add("nul.txt", utf8(TEXT.replace(' ', '\0')));
    add("zero-width.txt", utf8(TEXT.replace(" ", "\u200B\u200C\uFEFF ")));
    add("term-40000-bytes.txt", utf8("start " + "x".repeat(40_000) + " end\n"));
    add("term-multibyte.txt", utf8("start " + "\u00E9".repeat(20_000) + " end\n"));
    add("deep.html", utf8("<div>".repeat(100_000) + "deep" + "</div>".repeat(100_000)));
    add("deep.md", utf8(">".repeat(50_000) + " deep\n" + "[".repeat(50_000) + "\n"));
    add("deep.json", utf8("[".repeat(10_000) + "]".repeat(10_000)));
    documents.add(new Seed("bomb.docx", docxBomb(40 << 20), true));
    documents.add(new Seed("line-100MB.txt", null, true)); // made on first use: 100 MB
    for (Seed s : documents) {
      if (s.bytes() != null && s.bytes().length < 64 * 1024) {
        splicePartners.add(s.bytes());
      }
    }

    // Archives.
    archives.add(new Seed("plain.zip", zip(new String[] {"a.txt", "b/c.md"},
        new String[] {TEXT, "# T\n\n" + TEXT}), false));
    archives.add(new Seed("traversal.zip", zip(new String[] {"../../../../tmp/evil.txt",
        "/etc/evil.txt", "C:\\evil.txt", "a/../../b.txt", "nul\u0000name.txt", "./.txt",
        "x".repeat(5000) + ".txt"}, new String[] {TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT}),
        false));
    archives.add(new Seed("bomb.zip", zipOfZeros(200 << 20), true));
    byte[] deep = zip(new String[] {"leaf.txt"}, new String[] {TEXT});
    for (int i = 0; i < 30; i++) {
      deep = zipBytes(new String[] {"level" + i + ".zip"}, new byte[][] {deep});
    }
    archives.add(new Seed("deep.zip", deep, false));
    String[] names = new String[20_000];
    String[] texts = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = "e" + i + ".txt";
      texts[i] = "entry " + i;
    }
    archives.add(new Seed("many-entries.zip", zip(names, texts), true));
    archives.add(new Seed("docx-inside.zip", zipBytes(new String[] {"x.docx", "y.pdf"},
        new byte[][] {documents.get(4).bytes(), pdf}), false));
  }

  private void add(String name, byte[] bytes) {
    documents.add(new Seed(name, bytes, bytes.length > 256 * 1024));
  }

  /** A line of 100 MB (no line break), made when first fed. */
  static byte[] hundredMegabyteLine() {
    byte[] b = new byte[100 << 20];
    byte[] word = utf8("lorem ipsum dolor ");
    for (int i = 0; i < b.length; i++) {
      b[i] = word[i % word.length];
    }
    return b;
  }

  static byte[] pdf(String text, int pages) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 11);
          cs.newLineAtOffset(50, 740);
          for (String line : text.split("\n")) {
            cs.showText(line.length() > 90 ? line.substring(0, 90) : line);
            cs.newLineAtOffset(0, -14);
          }
          cs.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal PDF without an xref table, its page tree given by {@code pagesObject}. */
  private static String cyclicPdf(String pagesObject) {
    return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + pagesObject + "\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        + " /Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
        + "4 0 obj << /Length 44 >> stream\nBT /F1 12 Tf 72 712 Td (Hello cycle) Tj ET\n"
        + "endstream endobj\n5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
        + "trailer << /Root 1 0 R /Size 8 >>\n%%EOF\n";
  }

  private static String billionLaughs() {
    StringBuilder b = new StringBuilder("<!DOCTYPE w:document [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      b.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        b.append("&lol").append(i - 1).append(';');
      }
      b.append("\">");
    }
    return b.append("]>").toString();
  }

  /** A DOCX made by hand, so that its XML can carry a DOCTYPE. */
  static byte[] docx(String bodyXml, String doctype) {
    String types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
        + "openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType="
        + "\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\""
        + " ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType="
        + "\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "</Types>";
    String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas"
        + ".openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http:"
        + "//schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target="
        + "\"word/document.xml\"/></Relationships>";
    String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype + "<w:document xmlns:w="
        + "\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + bodyXml
        + "</w:body></w:document>";
    return zip(new String[] {"[Content_Types].xml", "_rels/.rels", "word/document.xml"},
        new String[] {types, rels, doc});
  }

  /** A DOCX whose document part inflates to {@code bytes} of paragraphs. */
  private static byte[] docxBomb(int bytes) {
    String para = "<w:p><w:r><w:t>a</w:t></w:r></w:p>";
    return docx(para.repeat(bytes / para.length()), "");
  }

  static byte[] zip(String[] names, String[] texts) {
    byte[][] contents = new byte[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      contents[i] = utf8(texts[i]);
    }
    return zipBytes(names, contents);
  }

  static byte[] zipBytes(String[] names, byte[][] contents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < names.length; i++) {
        zip.putNextEntry(new ZipEntry(names[i]));
        zip.write(contents[i]);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One entry of {@code bytes} zeros: a ratio of about 1000 to 1. */
  private static byte[] zipOfZeros(int bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] chunk = new byte[1 << 20];
      for (int i = 0; i < bytes / chunk.length; i++) {
        zip.write(chunk);
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
