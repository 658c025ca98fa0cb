package dev.solosuccess.engine.internal.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * The first thing every request meets, before routing: refuses a declared body over the size
 * limit (413) and a request beyond the concurrency limit (429 with {@code Retry-After: 1}), both
 * as problems. It sits in the servlet chain rather than in a Javalin before-handler so that the
 * permit is released in a {@code finally}, whatever the handlers throw.
 *
 * <p>Thread-safe.
 */
final class AdmissionFilter implements Filter {

  private final long maxRequestBytes;
  private final int maxConcurrent;
  private final Semaphore permits;
  private final LongAdder refused = new LongAdder();

  AdmissionFilter(long maxRequestBytes, int maxConcurrent) {
    this.maxRequestBytes = maxRequestBytes;
    this.maxConcurrent = maxConcurrent;
    this.permits = new Semaphore(maxConcurrent);
  }

  /** Requests being served now. */
  int inFlight() {
    return maxConcurrent - permits.availablePermits();
  }

  /** Requests refused for the concurrency limit since start. */
  long refused() {
    return refused.sum();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse res = (HttpServletResponse) response;
    long length = req.getContentLengthLong();
    if (length > maxRequestBytes) {
      Problem p =
          new Problem(
              413,
              "limit-exceeded",
              "Limit exceeded",
              "the request body of " + length + " bytes is over the limit of " + maxRequestBytes
                  + " bytes",
              Map.of("limit", "maxRequestBytes", "limitValue", maxRequestBytes),
              Map.of("Connection", "close"));
      write(res, p);
      return;
    }
    if (!permits.tryAcquire()) {
      refused.increment();
      write(
          res,
          new Problem(
              429,
              "limit-exceeded",
              "Too many requests",
              "the server is serving its limit of " + maxConcurrent
                  + " concurrent requests; try again shortly",
              Map.of(
                  "limit", "maxConcurrentRequests",
                  "limitValue", (long) maxConcurrent,
                  "retryAfterSeconds", 1L),
              Map.of("Retry-After", "1")));
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      permits.release();
    }
  }

  private static void write(HttpServletResponse res, Problem p) throws IOException {
    res.setStatus(p.status());
    p.headers().forEach(res::setHeader);
    res.setHeader("Cache-Control", "no-store");
    res.setContentType(Problem.MEDIA_TYPE);
    byte[] body = Json.bytes(p.body());
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
