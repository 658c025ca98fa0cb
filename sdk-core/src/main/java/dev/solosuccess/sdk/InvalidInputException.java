package dev.solosuccess.sdk;

import java.util.Optional;

/** The input is not acceptable: a bad argument, an unreadable file, a document with no text. */
public class InvalidInputException extends SoloException {

  private static final long serialVersionUID = 1L;

  private final String source;

  public InvalidInputException(String message) {
    this(message, null, null);
  }

  /**
   * @param source the document source the problem is about, or {@code null}
   * @param cause the underlying error, or {@code null}
   */
  public InvalidInputException(String message, String source, Throwable cause) {
    super(message, cause);
    this.source = source;
  }

  /** The document source the problem is about, when it is about one. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  @Override
  public String code() {
    return "invalid-input";
  }
}
