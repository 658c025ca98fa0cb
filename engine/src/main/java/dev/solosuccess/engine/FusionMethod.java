package dev.solosuccess.engine;

/** How hybrid search combines the BM25 and the vector ranking of documents. */
public enum FusionMethod {
  /**
   * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): each document scores {@code
   * 1 / (k + rank)} summed over the rankings that hold it ({@link EngineConfig#rrfK()}). Uses ranks
   * only, so it needs no calibration between the retrievers' scores.
   */
  RRF,
  /**
   * Convex combination of normalized scores (Bruch, Gai and Ingber, 2023): each ranking's scores
   * are divided by its best one (a negative cosine counts as 0), and a document scores {@code w *
   * vector + (1 - w) * bm25} ({@link EngineConfig#semanticWeight()}); a document missing from a
   * ranking gets 0 there. Unlike min-max normalization, this does not depend on how many
   * candidates were fetched, so the first 10 of 1,000 hits are the 10 hits of a search for 10.
   */
  CONVEX
}
