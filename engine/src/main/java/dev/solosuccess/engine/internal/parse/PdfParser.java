package dev.solosuccess.engine.internal.parse;

import dev.solosuccess.sdk.InvalidInputException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDF through Apache PDFBox directly rather than through Tika: one text per page, so every chunk
 * knows its page, and the pages side by side, so running heads and feet can be recognized and
 * removed. Paragraphs come from PDFBox's spacing analysis.
 */
final class PdfParser implements DocumentParser {

  private static final String PARAGRAPH_END = "\n\u2029\n";

  @Override
  public ParsedDocument parse(byte[] content, ParseGuard guard) {
    String source = guard.source();
    try (PDDocument pdf = Loader.loadPDF(content)) {
      guard.check();
      checkPageTree(pdf, guard);
      GuardedStripper stripper = new GuardedStripper(guard);
      stripper.setSortByPosition(true);
      stripper.setParagraphEnd(PARAGRAPH_END);
      int pages = countPages(pdf, guard);
      List<List<String>> lines = new ArrayList<>(pages);
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(pdf);
        guard.addChars(text.length());
        lines.add(List.of(text.split("\\R", -1)));
      }
      List<List<String>> cleaned = PageCleaner.clean(lines);
      BlockBuilder out = new BlockBuilder(guard);
      for (List<String> page : cleaned) {
        out.startPage();
        for (String paragraph : String.join("\n", page).split("\u2029")) {
          out.paragraph(paragraph);
        }
      }
      return out.build(info(pdf), true);
    } catch (InvalidPasswordException e) {
      throw new InvalidInputException(
          source + " is a password-protected PDF; decrypt it first", source, e);
    } catch (InvalidInputException e) {
      throw e; // already says what is wrong
    } catch (IOException | RuntimeException e) {
      Parsers.rethrowLimit(e);
      throw new InvalidInputException(
          source + " is not a readable PDF: " + Parsers.describe(e), source, e);
    } catch (StackOverflowError e) {
      // A page tree or object graph nested beyond reason: hostile or broken, never a real file.
      throw new InvalidInputException(
          source + " is not a readable PDF: its object structure is nested too deeply", source,
          null);
    }
  }

  /**
   * Refuses a page tree in which a node is its own ancestor. PDFBox tolerates the loop, but what it
   * yields is wrong: pages repeated or blank, and a page count taken from the broken tree. The walk
   * is iterative, so a deep tree costs memory, not stack; a subtree shared by two parents (a
   * repeated page, not a loop) is walked once.
   */
  private static void checkPageTree(PDDocument pdf, ParseGuard guard) {
    COSDictionary root = pdf.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
    if (root == null) {
      return; // PDFBox reports a missing page tree itself
    }
    Set<COSDictionary> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<COSDictionary> done = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<COSDictionary> path = new ArrayDeque<>();
    Deque<Integer> nextKid = new ArrayDeque<>();
    path.push(root);
    nextKid.push(0);
    onPath.add(root);
    while (!path.isEmpty()) {
      COSDictionary node = path.peek();
      int i = nextKid.pop();
      COSArray kids = node.getCOSArray(COSName.KIDS);
      if (kids == null || i >= kids.size()) {
        path.pop();
        onPath.remove(node);
        done.add(node);
        continue;
      }
      nextKid.push(i + 1);
      if ((i & 255) == 0) {
        guard.check();
      }
      COSBase kid = kids.getObject(i);
      if (!(kid instanceof COSDictionary child) || done.contains(child)) {
        continue;
      }
      if (onPath.contains(child)) {
        throw new InvalidInputException(
            guard.source() + " is not a readable PDF: its page tree is cyclic (a node of it is its"
                + " own ancestor)",
            guard.source(), null);
      }
      if (child.containsKey(COSName.KIDS)) {
        path.push(child);
        nextKid.push(0);
        onPath.add(child);
      }
    }
  }

  /**
   * The pages the page tree holds. Not the tree's /Count, which a broken or hostile file can set to
   * anything: 2,147,483,647 made the page list ask for an array larger than the VM allows.
   */
  private static int countPages(PDDocument pdf, ParseGuard guard) {
    int n = 0;
    for (PDPage ignored : pdf.getPages()) {
      if ((++n & 255) == 0) {
        guard.check();
      }
    }
    return n;
  }

  private static DocInfo info(PDDocument pdf) {
    PDDocumentInformation i = pdf.getDocumentInformation();
    Calendar created = i.getCreationDate();
    String lang = pdf.getDocumentCatalog().getLanguage();
    return new DocInfo(
        i.getTitle(),
        i.getAuthor(),
        created == null ? null : created.toInstant(),
        lang == null ? null : lang.toLowerCase(Locale.ROOT));
  }

  /** Checks the guard at every page and text run. */
  private static final class GuardedStripper extends PDFTextStripper {
    private final ParseGuard guard;

    GuardedStripper(ParseGuard guard) {
      this.guard = guard;
    }

    @Override
    public void processPage(PDPage page) throws IOException {
      guard.check();
      super.processPage(page);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
      guard.check();
      super.writeString(text, positions);
    }
  }
}
