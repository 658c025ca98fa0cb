package dev.solosuccess.engine.internal.model;

/** Word-piece counts and boundaries of a model's tokenizer, without special tokens. Thread-safe. */
public interface Tokenization {

  /** The number of word pieces of {@code text}. */
  int countTokens(String text);

  /**
   * The character offset, in {@code text}, where each word piece starts; the array's length is
   * {@link #countTokens(String)}.
   */
  int[] tokenStarts(String text);
}
