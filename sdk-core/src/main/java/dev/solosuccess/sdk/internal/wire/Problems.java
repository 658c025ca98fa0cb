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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * RFC 9457 problem details as the remote client reads them: the exception a problem becomes again
 * (the same type with the same message, so code written against the embedded engine catches the
 * same thing remotely). The server writes them ({@code dev.solosuccess.engine.internal.server.Problem},
 * per the table of codes and extension members in the wire contract; {@code ProblemWireTest} checks
 * the two agree for every exception type). Stateless; thread-safe.
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
