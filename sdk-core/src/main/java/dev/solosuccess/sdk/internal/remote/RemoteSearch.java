package dev.solosuccess.sdk.internal.remote;

import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SearchResults;
import dev.solosuccess.sdk.SearchService;
import java.util.Objects;

/** {@link SearchService} over {@code POST /api/v1/search}. Thread-safe. */
final class RemoteSearch implements SearchService {

  private final RemoteHttp http;

  RemoteSearch(RemoteHttp http) {
    this.http = http;
  }

  @Override
  public SearchResults search(SearchRequest request) {
    Objects.requireNonNull(request, "request");
    return http.post(http.url("search").build(), request, SearchResults.class);
  }
}
