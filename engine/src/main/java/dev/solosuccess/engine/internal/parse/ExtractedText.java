package dev.solosuccess.engine.internal.parse;

import dev.solosuccess.sdk.Provenance;
import java.util.List;

/**
 * A document's normalized text, the one that chunk offsets point into, with its page boundaries.
 *
 * @param text the whole text; pages are separated by a blank line
 * @param pages the page spans in order, or one span with page {@link Provenance#NO_PAGE}
 * @param pageCount the number of pages, 0 for formats without pages
 */
public record ExtractedText(String text, List<Span> pages, int pageCount) {

  /**
   * A page's part of the text.
   *
   * @param page 1-based page number, or {@link Provenance#NO_PAGE}
   * @param start first character
   * @param end one past the last character
   */
  public record Span(int page, int start, int end) {}

  public ExtractedText {
    pages = List.copyOf(pages);
  }

  /** Joins normalized pages into one text. */
  public static ExtractedText of(RawText raw) {
    StringBuilder text = new StringBuilder();
    List<Span> spans = new java.util.ArrayList<>();
    for (int i = 0; i < raw.pages().size(); i++) {
      String page = TextNormalizer.normalize(raw.pages().get(i));
      if (page.isEmpty()) {
        continue; // a blank page adds nothing, and page numbers of the others stay right
      }
      if (!text.isEmpty()) {
        text.append("\n\n");
      }
      int start = text.length();
      text.append(page);
      spans.add(new Span(raw.paginated() ? i + 1 : Provenance.NO_PAGE, start, text.length()));
    }
    return new ExtractedText(text.toString(), spans, raw.paginated() ? raw.pages().size() : 0);
  }

  public boolean isBlank() {
    return text.isBlank();
  }
}
