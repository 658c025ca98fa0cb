package dev.solosuccess.engine.internal.parse;

import java.util.List;

/**
 * A parser's output: structure blocks in reading order, the page count and document properties.
 *
 * @param blocks headings, paragraphs and table rows
 * @param pageCount the number of pages, or 0 for formats without pages
 * @param info title, author, created, language
 */
public record ParsedDocument(List<Block> blocks, int pageCount, DocInfo info) {

  public ParsedDocument {
    blocks = List.copyOf(blocks);
  }

  public boolean paginated() {
    return pageCount > 0;
  }
}
