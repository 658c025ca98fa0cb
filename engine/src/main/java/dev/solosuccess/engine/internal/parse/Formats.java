package dev.solosuccess.engine.internal.parse;

import dev.solosuccess.sdk.UnsupportedFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The formats the engine reads, and how a document's format is told: an explicit media type first,
 * then the source name's extension, then the first bytes (for names without an extension).
 */
public final class Formats {

  /** A supported format. */
  public enum Format {
    TEXT("text/plain", new PlainTextParser()),
    MARKDOWN("text/markdown", new MarkdownParser()),
    HTML("text/html", new HtmlParser()),
    PDF("application/pdf", new PdfParser());

    private final String mediaType;
    private final DocumentParser parser;

    Format(String mediaType, DocumentParser parser) {
      this.mediaType = mediaType;
      this.parser = parser;
    }

    public String mediaType() {
      return mediaType;
    }

    /** Parses and normalizes a document of this format. */
    public ExtractedText extract(byte[] content, String source) {
      return ExtractedText.of(parser.parse(content, source));
    }
  }

  private static final Map<String, Format> EXTENSIONS =
      Map.of(
          "txt", Format.TEXT,
          "text", Format.TEXT,
          "md", Format.MARKDOWN,
          "markdown", Format.MARKDOWN,
          "html", Format.HTML,
          "htm", Format.HTML,
          "xhtml", Format.HTML,
          "pdf", Format.PDF);

  /** Extensions the engine reads, for error messages. */
  public static final String SUPPORTED =
      EXTENSIONS.keySet().stream().sorted().map(e -> "." + e).collect(Collectors.joining(", "));

  private Formats() {}

  /**
   * @param mediaType the caller's explicit media type, or {@code null}
   * @param source the source name (a path or a name)
   * @param head the first bytes of the content
   * @throws UnsupportedFormatException if the format is not one of {@link Format}
   */
  public static Format detect(String mediaType, String source, byte[] head) {
    if (mediaType != null) {
      String base = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      return Arrays.stream(Format.values())
          .filter(f -> f.mediaType.equals(base))
          .findFirst()
          .orElseThrow(
              () ->
                  new UnsupportedFormatException(
                      "media type " + base + " of " + source + " is not supported; supported: "
                          + Arrays.stream(Format.values())
                              .map(Format::mediaType)
                              .collect(Collectors.joining(", ")),
                      source,
                      base));
    }
    String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    int dot = name.lastIndexOf('.');
    if (dot > 0 && dot < name.length() - 1) {
      String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
      Format format = EXTENSIONS.get(extension);
      if (format == null) {
        throw new UnsupportedFormatException(
            "." + extension + " files are not supported (" + source + "); supported: " + SUPPORTED,
            source,
            "." + extension);
      }
      return format;
    }
    return sniff(source, head);
  }

  private static Format sniff(String source, byte[] head) {
    String start =
        new String(head, 0, Math.min(head.length, 512), StandardCharsets.ISO_8859_1)
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    if (start.startsWith("%pdf-")) {
      return Format.PDF;
    }
    if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
      return Format.HTML;
    }
    if (isMostlyText(head)) {
      return Format.TEXT;
    }
    throw new UnsupportedFormatException(
        source + " has no extension and its content is not text, HTML or PDF; supported: "
            + SUPPORTED,
        source,
        "unknown");
  }

  private static boolean isMostlyText(byte[] head) {
    int n = Math.min(head.length, 512);
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xFF;
      if (b == 0 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f')) {
        return false;
      }
    }
    return true;
  }
}
