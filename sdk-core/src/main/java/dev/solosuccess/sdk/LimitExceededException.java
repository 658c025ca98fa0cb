package dev.solosuccess.sdk;

/** The input is larger than a configured limit allows. */
public class LimitExceededException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final String limitName;
  private final long limit;
  private final long actual;
  private final java.time.Duration retryAfter;

  /**
   * @param limitName the setting that sets the limit, such as {@code maxDocumentBytes}
   */
  public LimitExceededException(
      String message, String source, String limitName, long limit, long actual) {
    super(message, source, null);
    this.limitName = limitName;
    this.limit = limit;
    this.actual = actual;
    this.retryAfter = null;
  }

  /**
   * A rate limit: too many attempts; the same call may succeed after {@code retryAfter}.
   *
   * @param limitName the limit, such as {@code authenticationFailures}
   */
  public LimitExceededException(
      String message, String limitName, long limit, long actual, java.time.Duration retryAfter) {
    super(message, null, null);
    this.limitName = limitName;
    this.limit = limit;
    this.actual = actual;
    this.retryAfter = java.util.Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** For a rate limit, how long to wait before trying again; empty for a size limit. */
  public java.util.Optional<java.time.Duration> retryAfter() {
    return java.util.Optional.ofNullable(retryAfter);
  }

  /** The setting that sets the limit. */
  public String limitName() {
    return limitName;
  }

  public long limit() {
    return limit;
  }

  public long actual() {
    return actual;
  }

  @Override
  public String code() {
    return "limit-exceeded";
  }
}
