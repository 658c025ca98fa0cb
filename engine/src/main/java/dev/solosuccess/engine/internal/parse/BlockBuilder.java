package dev.solosuccess.engine.internal.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a document's structure as a parser walks it: text goes into the open paragraph, heading
 * or table cell; block boundaries close it. Every character passes through the {@link ParseGuard},
 * so an oversized or overdue parse stops while it runs. Not thread-safe: one per parse.
 */
final class BlockBuilder {

  private final ParseGuard guard;
  private final List<Block> blocks = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final List<String> cells = new ArrayList<>();
  private int page; // 0 until the first page starts
  private int pageCount;
  private int headingLevel; // > 0 while inside a heading
  private boolean inRow;
  private boolean inCell;

  BlockBuilder(ParseGuard guard) {
    this.guard = guard;
  }

  /** Starts the next page; following text belongs to it. */
  void startPage() {
    endBlock();
    pageCount++;
    page = pageCount;
  }

  void startHeading(int level) {
    endBlock();
    headingLevel = Math.max(1, Math.min(6, level));
  }

  void endHeading() {
    endBlock();
  }

  void startRow() {
    endBlock();
    inRow = true;
    cells.clear();
  }

  void startCell() {
    if (!inRow) {
      startRow();
    }
    endCell();
    inCell = true;
  }

  void endCell() {
    if (inCell) {
      cells.add(text.toString().strip().replaceAll("\\s+", " "));
      text.setLength(0);
      inCell = false;
    }
  }

  void endRow() {
    if (!inRow) {
      return;
    }
    endCell();
    inRow = false;
    while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
      cells.remove(cells.size() - 1); // spreadsheets pad rows with empty cells
    }
    boolean any = cells.stream().anyMatch(c -> !c.isEmpty());
    if (any) {
      blocks.add(new Block(Block.Kind.TABLE_ROW, 0, String.join(" | ", cells), page));
    }
    cells.clear();
  }

  void text(char[] ch, int start, int length) {
    guard.addChars(length);
    text.append(ch, start, length);
  }

  void text(String s) {
    guard.addChars(s.length());
    text.append(s);
  }

  void lineBreak() {
    text.append('\n');
  }

  /** Closes the open paragraph or heading (a table row stays open until {@link #endRow()}). */
  void endBlock() {
    if (inRow) {
      if (inCell) {
        text.append(' '); // a paragraph inside a cell: the row stays one line
      }
      return;
    }
    String s = text.toString();
    text.setLength(0);
    if (!s.isBlank()) {
      if (headingLevel > 0) {
        blocks.add(new Block(Block.Kind.HEADING, headingLevel, s.strip().replaceAll("\\s+", " "),
            page));
      } else {
        blocks.add(new Block(Block.Kind.PARAGRAPH, 0, s, page));
      }
    }
    headingLevel = 0;
  }

  /**
   * Closes the open paragraph as a heading of {@code level} if it reads like a title (short, no
   * final full stop), else as a paragraph. For slides, whose first paragraph is usually the title.
   */
  void endBlockAsTitle(int level) {
    String t = text.toString().strip();
    if (!inRow && headingLevel == 0 && !t.isEmpty() && t.length() <= 120 && !t.endsWith(".")
        && t.indexOf('\n') < 0) {
      headingLevel = Math.max(1, Math.min(6, level));
    }
    endBlock();
  }

  /** Adds a whole paragraph. */
  void paragraph(String s) {
    endBlock();
    text(s);
    endBlock();
  }

  void heading(int level, String s) {
    startHeading(level);
    text(s);
    endHeading();
  }

  ParsedDocument build(DocInfo info, boolean paginated) {
    endRow();
    endBlock();
    DocInfo withTitle = info;
    if (info.title() == null) {
      // No declared title: the first top-level heading is the best stand-in.
      for (Block b : blocks) {
        if (b.kind() == Block.Kind.HEADING) {
          withTitle = info.withTitle(b.text());
          break;
        }
      }
    }
    return new ParsedDocument(blocks, paginated ? Math.max(pageCount, 1) : 0, withTitle);
  }
}
