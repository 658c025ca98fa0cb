package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.search.SearchExecutor;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SearchResults;
import dev.solosuccess.sdk.SearchService;
import java.util.Objects;

/** {@link SearchService} of an in-process engine. Thread-safe. */
public final class EngineSearch implements SearchService {

  private final Lifecycle lifecycle;
  private final SearchExecutor executor;

  public EngineSearch(Lifecycle lifecycle, SearchExecutor executor) {
    this.lifecycle = lifecycle;
    this.executor = executor;
  }

  @Override
  public SearchResults search(SearchRequest request) {
    Objects.requireNonNull(request, "request");
    return lifecycle.call(() -> executor.search(request));
  }
}
