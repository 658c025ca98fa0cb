package dev.solosuccess.engine.internal.chunk;

import java.util.List;

/**
 * A chunk's place in the extracted text.
 *
 * @param page 1-based page, or 0 for formats without pages
 * @param start first character
 * @param end one past the last character
 * @param tokens word pieces of {@code text.substring(start, end)}, without special tokens
 * @param section the headings of the section the chunk starts in, top level first
 */
public record ChunkSpan(int page, int start, int end, int tokens, List<String> section) {

  public ChunkSpan {
    section = List.copyOf(section);
  }
}
