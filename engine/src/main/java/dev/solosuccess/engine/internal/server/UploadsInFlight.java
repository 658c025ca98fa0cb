package dev.solosuccess.engine.internal.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Document uploads ({@code POST /api/v1/documents}, batches at {@code POST /api/v1/ingest}) being
 * ingested now: the ingest queue's depth
 * as the server sees it, for the {@code solo_ingest_in_flight} gauge. Thread-safe.
 */
final class UploadsInFlight {

  static final java.util.Set<String> UPLOAD_ROUTES = java.util.Set.of("/api/v1/documents", "/api/v1/ingest");
  private static final String ATTRIBUTE = "solo.upload";

  private final AtomicInteger count = new AtomicInteger();

  void entered(Context ctx) {
    var matched = ctx.endpoints().matchedHttpEndpoint();
    if (ctx.method() == HandlerType.POST && matched != null && UPLOAD_ROUTES.contains(matched.path)) {
      count.incrementAndGet();
      ctx.attribute(ATTRIBUTE, Boolean.TRUE);
    }
  }

  void left(Context ctx) {
    if (Boolean.TRUE.equals(ctx.attribute(ATTRIBUTE))) {
      ctx.attribute(ATTRIBUTE, Boolean.FALSE);
      count.decrementAndGet();
    }
  }

  int count() {
    return count.get();
  }
}
