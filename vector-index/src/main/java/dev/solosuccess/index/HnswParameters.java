package dev.solosuccess.index;

/**
 * The parameters of an HNSW graph. Build-time ones ({@code maxConnections}, {@code beamWidth})
 * apply to vectors added afterwards; {@code searchCandidates} is read at every search and can be
 * overridden per query ({@link VectorQuery#withCandidates(int)}).
 *
 * <pre>{@code
 * HnswParameters.defaults().withSearchCandidates(200);
 * }</pre>
 *
 * @param maxConnections the most neighbours of a node per layer (HNSW's M), 2 to 512; the bottom
 *     layer keeps twice as many
 * @param beamWidth the candidates explored while inserting a node (efConstruction), 1 to 3200
 * @param searchCandidates the candidates a search keeps (ef), at least k; 1 to 10,000
 */
public record HnswParameters(int maxConnections, int beamWidth, int searchCandidates) {

  /** Lucene's default M: the recall/size balance most HNSW libraries ship with. */
  public static final int DEFAULT_MAX_CONNECTIONS = 16;

  /** Lucene's default beam width. */
  public static final int DEFAULT_BEAM_WIDTH = 100;

  /**
   * Candidates per search: on the SciFact sentence benchmark (about 50,000 MiniLM vectors) this
   * reaches recall@10 of at least 0.95 on every HNSW backend; see {@code benchmarks/README.md}.
   */
  public static final int DEFAULT_SEARCH_CANDIDATES = 100;

  /** The most search candidates a query may ask for. */
  public static final int MAX_SEARCH_CANDIDATES = 10_000;

  public HnswParameters {
    if (maxConnections < 2 || maxConnections > 512) {
      throw new IllegalArgumentException(
          "maxConnections must be in 2..512, got " + maxConnections);
    }
    if (beamWidth < 1 || beamWidth > 3200) {
      throw new IllegalArgumentException("beamWidth must be in 1..3200, got " + beamWidth);
    }
    if (searchCandidates < 1 || searchCandidates > MAX_SEARCH_CANDIDATES) {
      throw new IllegalArgumentException(
          "searchCandidates must be in 1.." + MAX_SEARCH_CANDIDATES + ", got " + searchCandidates);
    }
  }

  public static HnswParameters defaults() {
    return new HnswParameters(
        DEFAULT_MAX_CONNECTIONS, DEFAULT_BEAM_WIDTH, DEFAULT_SEARCH_CANDIDATES);
  }

  public HnswParameters withMaxConnections(int m) {
    return new HnswParameters(m, beamWidth, searchCandidates);
  }

  public HnswParameters withBeamWidth(int width) {
    return new HnswParameters(maxConnections, width, searchCandidates);
  }

  public HnswParameters withSearchCandidates(int candidates) {
    return new HnswParameters(maxConnections, beamWidth, candidates);
  }
}
