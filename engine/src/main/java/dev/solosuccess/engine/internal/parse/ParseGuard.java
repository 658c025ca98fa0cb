package dev.solosuccess.engine.internal.parse;

import dev.solosuccess.sdk.LimitExceededException;
import java.time.Duration;

/**
 * The limits of one parse, checked from inside it: the parser's input stream and its text output
 * call {@link #check()} and {@link #addChars(int)} as they go, so a parse that runs past its time or
 * produces too much text ends at its next read or write. Each check reads the clock, so no timer
 * thread is needed, and a cancelled batch stops its parses by interrupting their threads. Used by
 * one parsing thread.
 */
public final class ParseGuard {

  private final String source;
  private final long maxChars;
  private final Duration timeout;
  private final long deadlineNanos;
  private final long maxPartBytes;
  private long chars; // only the parsing thread writes it

  public ParseGuard(String source, long maxChars, Duration timeout) {
    this(source, maxChars, timeout, Long.MAX_VALUE);
  }

  /**
   * @param maxPartBytes the most bytes one part of a package (an entry of a DOCX, XLSX or PPTX)
   *     may inflate to: such packages are read in memory, never through a temporary file
   */
  public ParseGuard(String source, long maxChars, Duration timeout, long maxPartBytes) {
    this.source = source;
    this.maxChars = maxChars;
    this.timeout = timeout;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    this.maxPartBytes = maxPartBytes;
  }

  /** The most bytes one part of a package may inflate to ({@code maxDocumentBytes}). */
  public long maxPartBytes() {
    return maxPartBytes;
  }

  /** A guard without limits, for tests and trusted text. */
  public static ParseGuard unlimited(String source) {
    return new ParseGuard(source, Long.MAX_VALUE, Duration.ofDays(365));
  }

  public String source() {
    return source;
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * @throws ParseLimitException if the deadline has passed or the thread was interrupted
   */
  public void check() {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw timedOut();
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new ParseLimitException(
          new LimitExceededException(
              "parsing " + source + " was interrupted", source, "parseTimeout",
              timeout.toMillis(), timeout.toMillis()));
    }
  }

  /** Counts extracted characters and checks the limits. */
  public void addChars(int n) {
    chars += n;
    if (chars > maxChars) {
      throw new ParseLimitException(
          new LimitExceededException(
              source + " holds more than maxExtractedChars (" + maxChars + ") characters of text",
              source, "maxExtractedChars", maxChars, chars));
    }
    check();
  }

  private ParseLimitException timedOut() {
    return new ParseLimitException(new LimitExceededException(
        "parsing " + source + " took longer than parseTimeout (" + timeout.toMillis()
            + " ms) and was abandoned",
        source, "parseTimeout", timeout.toMillis(), timeout.toMillis()));
  }

  /**
   * A limit reached inside a parser. Unchecked, and unrelated to the parsers' own exceptions, so
   * it passes through their catch blocks as a cause that {@link Parsers} can find.
   */
  public static final class ParseLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseLimitException(LimitExceededException limit) {
      super(limit.getMessage(), limit, false, false);
    }

    public LimitExceededException limit() {
      return (LimitExceededException) getCause();
    }
  }
}
