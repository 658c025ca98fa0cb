package dev.solosuccess.sdk;

/**
 * Search over the ingested chunks: BM25 ({@link SearchMode#LEXICAL}), nearest neighbours of the query
 * embedding ({@link SearchMode#SEMANTIC}), or both fused ({@link SearchMode#HYBRID}).
 *
 * <p>A caller with access labels searches only the documents that carry one of them: the labels
 * filter inside each retriever, and BM25's statistics are those of the documents the caller sees,
 * so another tenant's document is never returned, never counted and never changes a score or a
 * snippet.
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
