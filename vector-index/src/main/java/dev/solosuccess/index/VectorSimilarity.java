package dev.solosuccess.index;

/** How vectors are compared. Scores returned by searches are the similarity itself. */
public enum VectorSimilarity {
  /** Dot product of unit-length vectors (the cheapest cosine); vectors must be L2-normalized. */
  DOT_PRODUCT,
  /** Cosine similarity of vectors of any non-zero length. */
  COSINE
}
