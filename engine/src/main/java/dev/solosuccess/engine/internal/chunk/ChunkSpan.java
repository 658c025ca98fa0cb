package dev.solosuccess.engine.internal.chunk;

/**
 * A chunk's place in the extracted text.
 *
 * @param page 1-based page, or 0 for formats without pages
 * @param start first character
 * @param end one past the last character
 * @param tokens word pieces of {@code text.substring(start, end)}, without special tokens
 */
public record ChunkSpan(int page, int start, int end, int tokens) {}
