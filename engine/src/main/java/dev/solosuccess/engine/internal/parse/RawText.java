package dev.solosuccess.engine.internal.parse;

import java.util.List;

/**
 * What a parser found, before normalization.
 *
 * @param pages the text of each page; one element for formats without pages
 * @param paginated whether {@code pages} are real pages (PDF) rather than the whole text
 */
public record RawText(List<String> pages, boolean paginated) {

  public RawText {
    pages = List.copyOf(pages);
  }

  static RawText unpaginated(String text) {
    return new RawText(List.of(text), false);
  }
}
