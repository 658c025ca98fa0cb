package dev.solosuccess.sdk;

/**
 * A remote service the engine called (the chat model of the LLM fallback) failed or answered
 * something unusable. {@link #retriable()} says whether the same call may succeed later (rate
 * limited, server error, timeout) or will fail again as it is (refused request, malformed or
 * oversize reply). The message names the host and the HTTP status, never the text that was sent
 * or an API key.
 */
public class UpstreamException extends SoloException {

  private static final long serialVersionUID = 1L;

  /** {@link #status()} when no HTTP response came back (timeout, connection refused). */
  public static final int NO_STATUS = 0;

  private final String host;
  private final int status;
  private final boolean retriable;

  public UpstreamException(
      String message, String host, int status, boolean retriable, Throwable cause) {
    super(message, cause);
    this.host = host;
    this.status = status;
    this.retriable = retriable;
  }

  /** The host that was called. */
  public String host() {
    return host;
  }

  /** The last HTTP status received, or {@link #NO_STATUS}. */
  public int status() {
    return status;
  }

  /** Whether calling again later may succeed. */
  public boolean retriable() {
    return retriable;
  }

  @Override
  public String code() {
    return retriable ? "upstream-unavailable" : "upstream-failed";
  }
}
