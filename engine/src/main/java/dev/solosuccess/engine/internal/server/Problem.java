package dev.solosuccess.engine.internal.server;

import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.ClosedException;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LimitExceededException;
import dev.solosuccess.sdk.ModelException;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.SoloException;
import dev.solosuccess.sdk.StorageException;
import dev.solosuccess.sdk.UnsupportedFormatException;
import dev.solosuccess.sdk.UpstreamException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem: what the server answers instead of a result, as {@code
 * application/problem+json}. Built from an exception by {@link #of(Throwable)} following the wire
 * contract (status per {@link SoloException#code()}, extension members per type). The detail is
 * the exception's message, which by the engine's rules names values but never document text;
 * storage failures and unknown errors say only "storage failure" and "internal error", since their
 * messages may hold a file path or anything else.
 *
 * @param status the HTTP status
 * @param code the stable error name, also the last segment of {@code type}
 * @param title a short, fixed summary of the kind
 * @param detail what went wrong with this request
 * @param extensions further members ({@code kind}, {@code id}, {@code limit}, ...), in order
 * @param headers response headers the problem needs ({@code Retry-After}, {@code
 *     WWW-Authenticate})
 */
public record Problem(
    int status,
    String code,
    String title,
    String detail,
    Map<String, Object> extensions,
    Map<String, String> headers) {

  /** The media type of a problem. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** Where a problem's {@code type} points: this prefix and its code. */
  public static final String TYPE_PREFIX = "https://solosuccess.dev/problems/";

  public Problem {
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A problem with no extension members or headers. */
  public static Problem of(int status, String code, String title, String detail) {
    return new Problem(status, code, title, detail, Map.of(), Map.of());
  }

  /** A 401: no, a malformed, an unknown or a revoked API key. */
  public static Problem unauthenticated(String detail) {
    return new Problem(
        401,
        "unauthenticated",
        "Unauthenticated",
        detail,
        Map.of(),
        Map.of("WWW-Authenticate", "Bearer realm=\"solo\""));
  }

  /** The problem of an exception, per the wire contract's table. */
  public static Problem of(Throwable e) {
    Map<String, Object> ext = new LinkedHashMap<>();
    Map<String, String> headers = new LinkedHashMap<>();
    if (e instanceof Unauthenticated u) {
      return unauthenticated(u.getMessage());
    }
    if (e instanceof ClosedException c) {
      return of(503, c.code(), "Engine closed", c.getMessage());
    }
    if (!(e instanceof SoloException s)) {
      return of(500, "error", "Internal error", "internal error");
    }
    switch (s) {
      case LimitExceededException l -> {
        ext.put("limit", l.limitName());
        ext.put("limitValue", l.limit());
        ext.put("actual", l.actual());
        if (l.retryAfter().isPresent()) {
          long seconds = retryAfterSeconds(l.retryAfter().get());
          ext.put("retryAfterSeconds", seconds);
          headers.put("Retry-After", Long.toString(seconds));
          return new Problem(429, l.code(), "Too many requests", l.getMessage(), ext, headers);
        }
        return new Problem(413, l.code(), "Limit exceeded", l.getMessage(), ext, headers);
      }
      case UnsupportedFormatException u -> {
        u.source().ifPresent(src -> ext.put("source", src));
        if (u.format() != null) {
          ext.put("format", u.format());
        }
        return new Problem(415, u.code(), "Unsupported format", u.getMessage(), ext, headers);
      }
      case InvalidInputException i -> {
        i.source().ifPresent(src -> ext.put("source", src));
        return new Problem(400, i.code(), "Invalid input", i.getMessage(), ext, headers);
      }
      case AccessDeniedException a -> {
        return of(403, a.code(), "Access denied", a.getMessage());
      }
      case NotFoundException n -> {
        if (n.kind() != null) {
          ext.put("kind", n.kind());
        }
        if (n.id() != null) {
          ext.put("id", n.id());
        }
        return new Problem(404, n.code(), "Not found", n.getMessage(), ext, headers);
      }
      case UpstreamException u -> {
        if (u.host() != null) {
          ext.put("host", u.host());
        }
        ext.put("upstreamStatus", u.status());
        ext.put("retriable", u.retriable());
        return new Problem(502, u.code(), "Upstream failure", u.getMessage(), ext, headers);
      }
      case ModelException m -> {
        if (m.modelId() != null) {
          ext.put("modelId", m.modelId());
        }
        return new Problem(500, m.code(), "Model failure", m.getMessage(), ext, headers);
      }
      case StorageException st -> {
        // Never the message: it names a path, which may name a patient's file.
        return of(500, st.code(), "Storage failure", "storage failure");
      }
      default -> {
        return of(500, "error", "Internal error", "internal error");
      }
    }
  }

  /** Whole seconds, rounded up and at least 1, as {@code Retry-After} wants. */
  static long retryAfterSeconds(Duration wait) {
    long millis = Math.max(1, wait.toMillis());
    return Math.max(1, (millis + 999) / 1000);
  }

  /** The JSON members in order: type, title, status, detail, code, then the extensions. */
  public Map<String, Object> body() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", TYPE_PREFIX + code);
    m.put("title", title);
    m.put("status", status);
    m.put("detail", detail);
    m.put("code", code);
    m.putAll(extensions);
    return m;
  }

  /** This problem with one more extension member. */
  public Problem with(String name, Object value) {
    Map<String, Object> ext = new LinkedHashMap<>(extensions);
    ext.put(name, value);
    return new Problem(status, code, title, detail, ext, headers);
  }
}
