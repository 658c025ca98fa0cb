package dev.solosuccess.sdk;

/** The input is larger than a configured limit allows. */
public class LimitExceededException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final String limitName;
  private final long limit;
  private final long actual;

  /**
   * @param limitName the setting that sets the limit, such as {@code maxDocumentBytes}
   */
  public LimitExceededException(
      String message, String source, String limitName, long limit, long actual) {
    super(message, source, null);
    this.limitName = limitName;
    this.limit = limit;
    this.actual = actual;
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
