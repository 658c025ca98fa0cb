package dev.solosuccess.sdk;

import java.util.List;

/**
 * Where a piece of text came from in its document.
 *
 * @param page the 1-based page number (or slide), or {@link #NO_PAGE} when the format has no pages
 * @param startOffset the first character, an index into the document's extracted text
 * @param endOffset one past the last character
 * @param section the headings of the section the text starts in, top level first; empty before the
 *     first heading and for formats without headings
 */
public record Provenance(int page, int startOffset, int endOffset, List<String> section) {

  /** The page number of text from a format without pages (plain text, Markdown, HTML). */
  public static final int NO_PAGE = 0;

  public Provenance {
    if (page < 0) {
      throw new InvalidInputException("page must be >= 0, got " + page);
    }
    if (startOffset < 0 || endOffset < startOffset) {
      throw new InvalidInputException(
          "offsets must satisfy 0 <= start <= end, got " + startOffset + ".." + endOffset);
    }
    section = List.copyOf(section);
  }

  /** Text outside any section. */
  public Provenance(int page, int startOffset, int endOffset) {
    this(page, startOffset, endOffset, List.of());
  }

  /** Whether {@link #page()} is a real page number. */
  public boolean hasPage() {
    return page != NO_PAGE;
  }

  /** The section path joined for display: {@code "Returns > Opened items"}. */
  public String sectionPath() {
    return String.join(" > ", section);
  }

  /** The number of characters covered. */
  public int length() {
    return endOffset - startOffset;
  }
}
