package dev.solosuccess.engine.internal.parse;

/**
 * One unit of a document's structure, in reading order.
 *
 * @param kind heading, paragraph or table row
 * @param level heading level 1 (top) to 6; 0 for other kinds
 * @param text the raw text, not yet normalized
 * @param page 1-based page, or 0 for formats without pages
 */
public record Block(Kind kind, int level, String text, int page) {

  /** What a block is. */
  public enum Kind {
    HEADING,
    PARAGRAPH,
    /** A table row, its cells joined by {@code " | "}. */
    TABLE_ROW
  }
}
