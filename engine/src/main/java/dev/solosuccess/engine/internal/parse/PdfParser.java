package dev.solosuccess.engine.internal.parse;

import dev.solosuccess.sdk.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDF through Apache PDFBox, one text per page so that every chunk knows its page. */
final class PdfParser implements DocumentParser {

  @Override
  public RawText parse(byte[] content, String source) {
    try (PDDocument pdf = Loader.loadPDF(content)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      int pages = pdf.getNumberOfPages();
      List<String> texts = new ArrayList<>(pages);
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        texts.add(stripper.getText(pdf));
      }
      return new RawText(texts, true);
    } catch (InvalidPasswordException e) {
      throw new InvalidInputException(
          source + " is a password-protected PDF; decrypt it first", source, e);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
          source + " is not a readable PDF: " + e.getMessage(), source, e);
    }
  }
}
