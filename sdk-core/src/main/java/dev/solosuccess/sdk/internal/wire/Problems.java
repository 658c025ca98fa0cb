package dev.solosuccess.sdk.internal.wire;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * RFC 9457 problem details both ways: the problem an exception becomes on the server, and the
 * exception a problem becomes again in the remote client (the same type with the same message, so
 * code written against the embedded engine catches the same thing remotely). Never a stack trace,
 * never a storage path, never the text of a request. Stateless; thread-safe.
 */
public final class Problems {

  /** The media type of a problem body. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** Problem type URIs are this plus the code. */
  public static final String TYPE_BASE = "https://solosuccess.dev/problems/";

  /** The code of a call without a valid API key (server side only; read back as access denied). */
  public static final String UNAUTHENTICATED = "unauthenticated";

  /** The code of a {@link ClosedException} (which has no {@code code()}: it is not a SoloException). */
  public static final String CLOSED = "closed";

  private Problems() {}

  /**
   * A problem: HTTP status, code, short title, detail (the exception's message), extension members
   * and, for a 429 or 503, how long to wait.
   */
  public record Problem(
      int status,
      String code,
      String title,
      String detail,
      Map<String, Object> extensions,
      Optional<Duration> retryAfter) {

    public Problem {
      extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** The JSON body. */
    public byte[] body() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("type", TYPE_BASE + code);
      json.put("title", title);
      json.put("status", status);
      json.put("detail", detail);
      json.put("code", code);
      json.putAll(extensions);
      return Wire.write(json);
    }
  }

  /** The problem a failure becomes: anything not the SDK's own is a 500 "internal error". */
  public static Problem of(Throwable t) {
    Map<String, Object> ext = new LinkedHashMap<>();
    if (t instanceof ClosedException) {
      return new Problem(503, CLOSED, "Closed", t.getMessage(), ext, Optional.empty());
    }
    if (!(t instanceof SoloException e)) {
      return new Problem(500, "error", "Internal error", "internal error", ext, Optional.empty());
    }
    String detail = e.getMessage();
    return switch (e) {
      case UnsupportedFormatException u -> {
        u.source().ifPresent(s -> ext.put("source", s));
        if (u.format() != null) {
          ext.put("format", u.format());
        }
        yield new Problem(415, u.code(), "Unsupported format", detail, ext, Optional.empty());
      }
      case LimitExceededException l -> {
        ext.put("limit", l.limitName());
        ext.put("limitValue", l.limit());
        ext.put("actual", l.actual());
        l.source().ifPresent(s -> ext.put("source", s));
        l.retryAfter().ifPresent(d -> ext.put("retryAfterSeconds", retrySeconds(d)));
        int status = l.retryAfter().isPresent() ? 429 : 413;
        yield new Problem(status, l.code(), "Limit exceeded", detail, ext, l.retryAfter());
      }
      case InvalidInputException i -> {
        i.source().ifPresent(s -> ext.put("source", s));
        yield new Problem(400, i.code(), "Invalid input", detail, ext, Optional.empty());
      }
      case AccessDeniedException a ->
          new Problem(403, a.code(), "Access denied", detail, ext, Optional.empty());
      case NotFoundException n -> {
        ext.put("kind", n.kind());
        ext.put("id", n.id());
        yield new Problem(404, n.code(), "Not found", detail, ext, Optional.empty());
      }
      case UpstreamException u -> {
        if (u.host() != null) {
          ext.put("host", u.host());
        }
        ext.put("upstreamStatus", u.status());
        ext.put("retriable", u.retriable());
        yield new Problem(u.retriable() ? 503 : 502, u.code(), "Upstream failure", detail, ext,
            Optional.empty());
      }
      case ModelException m -> {
        if (m.modelId() != null) {
          ext.put("modelId", m.modelId());
        }
        yield new Problem(500, m.code(), "Model failure", detail, ext, Optional.empty());
      }
      // a storage message may name a file, and a file name may name a patient
      case StorageException s ->
          new Problem(500, s.code(), "Storage failure", "storage failure", ext, Optional.empty());
      default -> new Problem(500, e.code(), "Error", detail, ext, Optional.empty());
    };
  }

  private static long retrySeconds(Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }

  /**
   * The exception a problem stands for, as the engine would have thrown it. A body that is not a
   * problem (a proxy's HTML page, say) becomes a {@link SoloException} naming the status.
   */
  public static RuntimeException exception(int status, byte[] body) {
    JsonNode p;
    try {
      p = Wire.json().readTree(body);
    } catch (JacksonException e) {
      p = null;
    }
    if (p == null || !p.isObject() || !p.hasNonNull("code")) {
      if (status == 401 || status == 403) {
        return new AccessDeniedException("HTTP " + status + " from the server");
      }
      return new SoloException("HTTP " + status + " from the server (not a problem+json body)");
    }
    String code = p.get("code").asString();
    String detail = p.hasNonNull("detail") ? p.get("detail").asString() : "HTTP " + status;
    String source = p.hasNonNull("source") ? p.get("source").asString() : null;
    return switch (code) {
      case "invalid-input" -> new InvalidInputException(detail, source, null);
      case UNAUTHENTICATED, "access-denied" -> new AccessDeniedException(detail);
      case "not-found" -> {
        NotFoundException n = new NotFoundException(
            p.path("kind").asString("resource"), p.path("id").asString(""));
        // the message is made from kind and id; a server that said something else is believed
        yield n.getMessage().equals(detail) ? n : new SoloNotFound(detail, n.kind(), n.id());
      }
      case "unsupported-format" ->
          new UnsupportedFormatException(detail, source, p.path("format").asString(null));
      case "limit-exceeded" -> {
        String name = p.path("limit").asString("limit");
        long limit = p.path("limitValue").asLong(0);
        long actual = p.path("actual").asLong(0);
        yield p.hasNonNull("retryAfterSeconds")
            ? new LimitExceededException(
                detail, name, limit, actual, Duration.ofSeconds(p.get("retryAfterSeconds").asLong()))
            : new LimitExceededException(detail, source, name, limit, actual);
      }
      case "upstream-unavailable", "upstream-failed" -> new UpstreamException(
          detail, p.path("host").asString(null), p.path("upstreamStatus").asInt(0),
          "upstream-unavailable".equals(code), null);
      case "model" -> new ModelException(detail, p.path("modelId").asString(null), null);
      case "storage" -> new StorageException(detail, null, null);
      case CLOSED -> new ClosedException(detail);
      default -> new SoloException(detail);
    };
  }

  /** A not-found whose message is the server's, when it differs from the standard one. */
  private static final class SoloNotFound extends NotFoundException {
    private static final long serialVersionUID = 1L;
    private final String message;

    SoloNotFound(String message, String kind, String id) {
      super(kind, id);
      this.message = message;
    }

    @Override
    public String getMessage() {
      return message;
    }
  }
}
