package dev.solosuccess.engine.internal.parse;

import dev.solosuccess.sdk.LimitExceededException;

/**
 * Parses a document of a detected format into normalized, structured text. Thread-safe; one per
 * engine.
 */
public final class Parsers {

  private final TikaFormats tika;
  private final DocumentParser text;
  private final DocumentParser markdown;
  private final DocumentParser html = new HtmlParser();
  private final DocumentParser pdf = new PdfParser();

  public Parsers(TikaFormats tika) {
    this.tika = tika;
    this.text = new PlainTextParser(tika);
    this.markdown = new MarkdownParser(tika);
  }

  public TikaFormats tika() {
    return tika;
  }

  /**
   * @throws dev.solosuccess.sdk.InvalidInputException if the content is not valid for its format
   * @throws LimitExceededException if the parse ran past a limit of {@code guard}
   * @throws IllegalArgumentException for an archive, which is expanded rather than parsed
   */
  public ExtractedText parse(Formats.Format format, byte[] content, ParseGuard guard) {
    DocumentParser parser =
        switch (format.reader()) {
          case TEXT -> text;
          case MARKDOWN -> markdown;
          case HTML -> html;
          case PDF -> pdf;
          case TIKA -> new TikaParser(tika.parser(), format.mediaType());
          case ARCHIVE -> throw new IllegalArgumentException("archives are expanded, not parsed");
        };
    try {
      return ExtractedText.of(parser.parse(content, guard));
    } catch (ParseGuard.ParseLimitException e) {
      throw e.limit();
    } catch (RuntimeException e) {
      rethrowLimit(e);
      throw e;
    } catch (StackOverflowError e) {
      throw new dev.solosuccess.sdk.InvalidInputException(
          guard.source() + " is nested too deeply to parse (" + format.mediaType() + ")",
          guard.source(), null);
    }
  }

  /**
   * Parses a plain text file as a stream, for a file too large to read whole: memory holds the
   * extracted text (at most maxExtractedChars of it), never the file.
   *
   * @throws dev.solosuccess.sdk.InvalidInputException if the file is binary data or unreadable
   * @throws LimitExceededException if the parse ran past a limit of {@code guard}
   */
  public ExtractedText parseText(java.nio.file.Path file, ParseGuard guard) {
    try {
      return ExtractedText.of(StreamedText.parse(file, tika, guard));
    } catch (ParseGuard.ParseLimitException e) {
      throw e.limit();
    }
  }

  /** Rethrows the limit a parser wrapped in its own exception, if there is one in the chain. */
  static void rethrowLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ParseGuard.ParseLimitException limit) {
        throw limit;
      }
      if (t.getCause() == t) {
        break;
      }
    }
  }

  /** The innermost message of a parser exception, without stack noise. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return (m == null || m.isBlank()) ? root.getClass().getSimpleName() : m;
  }
}
