package dev.solosuccess.index;

import java.util.Objects;

/**
 * A nearest-neighbour query.
 *
 * <pre>{@code
 * index.search(VectorQuery.of(vector, 10).withFilter(IndexFilter.of(Map.of("team", "support"))));
 * }</pre>
 *
 * @param vector the query vector; same dimension as the index
 * @param k the most hits, 1 to the index's {@link VectorIndexConfig#maxK()}
 * @param filter which entries may be returned; applied during the search, not after
 * @param candidates HNSW candidates to explore (ef); 0 takes the index's {@link
 *     HnswParameters#searchCandidates()}; ignored by the exact backend
 */
public record VectorQuery(float[] vector, int k, IndexFilter filter, int candidates) {

  public VectorQuery {
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(filter, "filter");
    if (candidates < 0 || candidates > HnswParameters.MAX_SEARCH_CANDIDATES) {
      throw new IllegalArgumentException(
          "candidates must be in 0.." + HnswParameters.MAX_SEARCH_CANDIDATES + ", got "
              + candidates);
    }
  }

  /** The {@code k} nearest of all entries, with the index's default candidates. */
  public static VectorQuery of(float[] vector, int k) {
    return new VectorQuery(vector, k, IndexFilter.none(), 0);
  }

  public VectorQuery withFilter(IndexFilter f) {
    return new VectorQuery(vector, k, f, candidates);
  }

  public VectorQuery withCandidates(int c) {
    return new VectorQuery(vector, k, filter, c);
  }

  /** The candidates to explore: at least k, and the index's default when none was set. */
  public int candidatesOr(int defaultCandidates) {
    return Math.max(k, candidates == 0 ? defaultCandidates : candidates);
  }
}
