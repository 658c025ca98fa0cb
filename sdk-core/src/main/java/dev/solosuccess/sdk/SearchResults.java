package dev.solosuccess.sdk;

import java.time.Duration;
import java.util.List;

/**
 * The hits of a search, best first.
 *
 * @param request the request that produced them
 * @param hits at most {@code request.limit()} hits
 * @param took wall time spent in the engine
 */
public record SearchResults(SearchRequest request, List<SearchHit> hits, Duration took) {

  public SearchResults {
    hits = List.copyOf(hits);
  }
}
