package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.search.SearchExecutor;
import dev.solosuccess.engine.internal.security.Caller;
import dev.solosuccess.engine.internal.security.Permission;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SearchResults;
import dev.solosuccess.sdk.SearchService;
import java.util.List;
import java.util.Objects;

/**
 * {@link SearchService} of an in-process engine for one caller: readers, writers and admins; a
 * caller with access labels searches only the documents carrying one of them. Thread-safe.
 */
public final class EngineSearch implements SearchService {

  private final Lifecycle lifecycle;
  private final SearchExecutor executor;
  private final Auditor auditor;
  private final Caller caller;

  public EngineSearch(
      Lifecycle lifecycle, SearchExecutor executor, Auditor auditor, Caller caller) {
    this.lifecycle = lifecycle;
    this.executor = executor;
    this.auditor = auditor;
    this.caller = caller;
  }

  @Override
  public SearchResults search(SearchRequest request) {
    Objects.requireNonNull(request, "request");
    // The query is not recorded (it may itself name a patient): which documents came back is.
    return lifecycle.call(
        () ->
            auditor.call(
                "search",
                List.of(),
                () -> {
                  caller.require(Permission.READ);
                  // The caller's labels filter inside each retriever and scope BM25 statistics.
                  return executor.search(request, caller.scope());
                },
                r ->
                    Auditor.Entry.of(
                            r.hits().stream().map(SearchHit::documentId).distinct().toList())
                        .with("mode", request.mode().name().toLowerCase(java.util.Locale.ROOT))
                        .with("limit", request.limit())
                        .with("hits", r.hits().size())));
  }
}
