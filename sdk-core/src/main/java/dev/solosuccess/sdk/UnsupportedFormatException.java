package dev.solosuccess.sdk;

/** The engine has no parser for this document's format. */
public class UnsupportedFormatException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final String format;

  /**
   * @param format what was seen: a file extension such as {@code .docx}, or a media type
   */
  public UnsupportedFormatException(String message, String source, String format) {
    super(message, source, null);
    this.format = format;
  }

  /** The unsupported extension or media type. */
  public String format() {
    return format;
  }

  @Override
  public String code() {
    return "unsupported-format";
  }
}
