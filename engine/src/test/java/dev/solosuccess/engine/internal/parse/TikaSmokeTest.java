package dev.solosuccess.engine.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class TikaSmokeTest {
  @Test
  void docx() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument d = new XWPFDocument()) {
      d.getProperties().getCoreProperties().setTitle("Quarterly report");
      d.getProperties().getCoreProperties().setCreator("Ada");
      var h = d.createParagraph();
      h.setStyle("Heading1");
      h.createRun().setText("Results");
      d.createParagraph().createRun().setText("Revenue grew by nine percent.");
      var t = d.createTable(2, 2);
      t.getRow(0).getCell(0).setText("Region");
      t.getRow(0).getCell(1).setText("Sales");
      t.getRow(1).getCell(0).setText("North");
      t.getRow(1).getCell(1).setText("42");
      d.write(out);
    }
    ExtractedText t = ParsersTest.extract(null, out.toByteArray(), "r.docx");
    System.out.println(t);
    assertThat(t.text()).contains("Revenue grew");
  }
}
