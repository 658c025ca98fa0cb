package dev.solosuccess.engine;

/**
 * How text is cut into the terms lexical (BM25) search matches, in documents and queries alike.
 * The index records it: opening a data folder with another analyzer rebuilds the index from the
 * stored chunks (no model runs).
 */
public enum TextAnalyzer {
  /**
   * Unicode word boundaries, possessives removed, lower case, the 33 English stop words dropped,
   * Porter stemming ("treatments" and "treated" match "treat"). Lucene's English analysis, and the
   * analysis of Anserini's BEIR baselines.
   */
  ENGLISH,
  /**
   * As {@link #ENGLISH}, with the Krovetz stemmer: fewer words conflated ("universe" and
   * "university" stay apart), dictionary words left whole.
   */
  ENGLISH_KSTEM,
  /** As {@link #ENGLISH}, stripping plural endings only ("cells" matches "cell"). */
  ENGLISH_MINIMAL,
  /** As {@link #ENGLISH}, keeping stop words ("vitamin a" keeps its "a"). */
  ENGLISH_ALL_WORDS,
  /** Word boundaries and lower case only: no stemming, no stop words; for any language. */
  STANDARD
}
