package dev.solosuccess.index;

/**
 * How text is cut into the terms BM25 matches, in the index and in queries alike. Recorded in the
 * index: opening it with another analysis is refused ({@link IncompatibleIndexException}) and its
 * owner rebuilds it, since the terms already indexed would no longer match the queries' terms.
 */
public enum TextAnalysis {
  /**
   * Lucene's English analysis: Unicode word boundaries, possessives removed, lower case, the 33
   * English stop words dropped, Porter stemming ("treatments" and "treated" match "treat"). The
   * analysis of Anserini's BEIR baselines.
   */
  ENGLISH,
  /**
   * As {@link #ENGLISH}, with the Krovetz stemmer, which conflates fewer words ("universe" and
   * "university" stay apart) and leaves dictionary words whole.
   */
  ENGLISH_KSTEM,
  /** As {@link #ENGLISH}, stripping only plural endings ("cells" matches "cell"). */
  ENGLISH_MINIMAL,
  /** As {@link #ENGLISH}, keeping stop words ("vitamin a" keeps its "a"). */
  ENGLISH_ALL_WORDS,
  /** Word boundaries and lower case only: no stemming, no stop words, for any language. */
  STANDARD
}
