package dev.solosuccess.engine;

/**
 * How extracted text is cut into chunks. Every strategy keeps chunks within one page and within the
 * embedding model's input, so no chunk is truncated, and every chunk records its section path, page
 * and character offsets.
 */
public enum ChunkingStrategy {
  /**
   * Whole sentences packed up to the token budget, consecutive chunks sharing trailing sentences.
   * The default: the best retrieval on prose.
   */
  SENTENCE,
  /**
   * Like {@link #SENTENCE}, but a chunk never crosses a heading: each section starts a new chunk.
   * For manuals and policies whose sections answer different questions.
   */
  SECTION,
  /**
   * Windows of exactly the token budget (the last one shorter), overlapping by the overlap budget,
   * cut between word pieces without regard to sentences. For text without sentence structure: logs,
   * tables, code.
   */
  FIXED
}
