package dev.solosuccess.index;

import java.util.Map;

/**
 * Attribute terms a chunk must all carry (exact, case-sensitive match). Applied inside the
 * retrievers: BM25 scores only matching chunks, and the HNSW search explores the graph for matching
 * vectors, so a filtered search still returns {@code k} hits when {@code k} match.
 *
 * @param terms attribute name to required value
 */
public record IndexFilter(Map<String, String> terms) {

  private static final IndexFilter NONE = new IndexFilter(Map.of());

  public IndexFilter {
    terms = Map.copyOf(terms);
  }

  /** Matches every chunk. */
  public static IndexFilter none() {
    return NONE;
  }

  public static IndexFilter of(Map<String, String> terms) {
    return terms.isEmpty() ? NONE : new IndexFilter(terms);
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }
}
