package dev.solosuccess.benchmarks;

import dev.solosuccess.benchmarks.SciFact.Abstract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * PDF (PDFBox) and Office Open XML (Apache POI) files for the mixed corpus, made the way an
 * office suite would lay them out: a PDF page per abstract with wrapped lines, a Word heading per
 * abstract, a spreadsheet table, a slide per paragraph. Stateless.
 */
final class OfficeFiles {

  private static final float MARGIN = 72;
  private static final float BODY_SIZE = 11;
  private static final float TITLE_SIZE = 14;
  private static final float LEADING = 1.35f;

  private OfficeFiles() {}

  /** A page per abstract (more where one runs over), title in bold, text wrapped to the margins. */
  static byte[] pdf(List<Abstract> abstracts) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      Map<Integer, Boolean> encodable = new HashMap<>();
      doc.getDocumentInformation()
          .setTitle(Pdf.encodable(regular, abstracts.get(0).title(), encodable));
      for (Abstract a : abstracts) {
        Pdf page = new Pdf(doc, encodable);
        page.paragraph(bold, TITLE_SIZE, a.title());
        for (String p : MixedCorpus.paragraphs(a.text())) {
          page.paragraph(regular, BODY_SIZE, p);
        }
        page.close();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** Writes wrapped lines down the page, starting a new page at the bottom margin. */
  private static final class Pdf {
    private final PDDocument doc;
    private final Map<Integer, Boolean> encodable;
    private PDPageContentStream stream;
    private float y;

    Pdf(PDDocument doc, Map<Integer, Boolean> encodable) throws IOException {
      this.doc = doc;
      this.encodable = encodable;
      newPage();
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.LETTER);
      doc.addPage(page);
      stream = new PDPageContentStream(doc, page);
      y = PDRectangle.LETTER.getHeight() - MARGIN;
    }

    void paragraph(PDType1Font font, float size, String text) throws IOException {
      float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
      for (String line : lines(font, size, encodable(font, text, encodable), width)) {
        if (y - size * LEADING < MARGIN) {
          newPage();
        }
        y -= size * LEADING;
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(MARGIN, y);
        stream.showText(line);
        stream.endText();
      }
      y -= size * 0.6f; // paragraph spacing
    }

    void close() throws IOException {
      stream.close();
    }

    private static List<String> lines(PDType1Font font, float size, String text, float width)
        throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
          lines.add(line.toString());
          line.setLength(0);
          line.append(word);
        } else {
          line.setLength(0);
          line.append(candidate);
        }
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
      }
      return lines;
    }

    /** The standard 14 fonts cover WinAnsi only: other characters (Greek, math) become '?'. */
    static String encodable(PDType1Font font, String text, Map<Integer, Boolean> cache) {
      StringBuilder b = new StringBuilder(text.length());
      text.codePoints().forEach(cp -> {
        if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
          b.append(' ');
        } else if (cache.computeIfAbsent(cp, c -> canEncode(font, c))) {
          b.appendCodePoint(cp);
        } else {
          b.append('?');
        }
      });
      return b.toString().replaceAll(" +", " ").strip();
    }

    private static boolean canEncode(PDType1Font font, int cp) {
      try {
        font.encode(new String(Character.toChars(cp)));
        return true;
      } catch (IOException | IllegalArgumentException e) {
        return false;
      }
    }
  }

  /** A "heading 1" per abstract (a style Word and Tika recognise), then its paragraphs. */
  static byte[] docx(List<Abstract> abstracts) throws IOException {
    try (XWPFDocument d = new XWPFDocument()) {
      XWPFStyles styles = d.createStyles();
      styles.addStyle(paragraphStyle("Heading1", "heading 1"));
      d.getProperties().getCoreProperties().setTitle(abstracts.get(0).title());
      d.getProperties().getCoreProperties().setCreator("Research Desk");
      for (Abstract a : abstracts) {
        XWPFParagraph heading = d.createParagraph();
        heading.setStyle("Heading1");
        heading.createRun().setText(a.title());
        for (String p : MixedCorpus.paragraphs(a.text())) {
          d.createParagraph().createRun().setText(p);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      d.write(out);
      return out.toByteArray();
    }
  }

  private static XWPFStyle paragraphStyle(String id, String name) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId(id);
    style.setType(STStyleType.PARAGRAPH);
    CTString n = CTString.Factory.newInstance();
    n.setVal(name);
    style.setName(n);
    return new XWPFStyle(style);
  }

  /** A sheet with a header row and one row per abstract: id, title, abstract. */
  static byte[] xlsx(List<Abstract> abstracts) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XSSFSheet sheet = wb.createSheet("Reading list");
      XSSFRow header = sheet.createRow(0);
      header.createCell(0).setCellValue("Id");
      header.createCell(1).setCellValue("Title");
      header.createCell(2).setCellValue("Abstract");
      for (int i = 0; i < abstracts.size(); i++) {
        Abstract a = abstracts.get(i);
        XSSFRow row = sheet.createRow(i + 1);
        row.createCell(0).setCellValue(a.id());
        row.createCell(1).setCellValue(a.title());
        row.createCell(2).setCellValue(a.text());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  /** A title-and-content slide per paragraph; the first carries the abstract's title. */
  static byte[] pptx(Abstract a) throws IOException {
    try (XMLSlideShow ppt = new XMLSlideShow()) {
      XSLFSlideLayout layout =
          ppt.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_AND_CONTENT);
      List<String> paragraphs = MixedCorpus.paragraphs(a.text());
      for (int i = 0; i < paragraphs.size(); i++) {
        XSLFSlide slide = ppt.createSlide(layout);
        slide.getPlaceholder(0).setText(i == 0 ? a.title() : "Part " + (i + 1));
        slide.getPlaceholder(1).setText(paragraphs.get(i));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ppt.write(out);
      return out.toByteArray();
    }
  }
}
