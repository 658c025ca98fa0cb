package dev.solosuccess.sdk;

/**
 * Search over the ingested chunks: BM25 ({@link SearchMode#LEXICAL}), nearest neighbours of the query
 * embedding ({@link SearchMode#SEMANTIC}), or both fused ({@link SearchMode#HYBRID}).
 *
 * <p>Thread-safe; searches run concurrently with each other and with ingestion, and see every write
 * that returned before they started.
 */
public interface SearchService {

  /**
   * Runs a search.
   *
   * @throws InvalidInputException if the request is not valid for this engine
   */
  SearchResults search(SearchRequest request);

  /** A {@link SearchMode#HYBRID} search with the default limit, grouped by document. */
  default SearchResults search(String query) {
    return search(SearchRequest.of(query));
  }
}
