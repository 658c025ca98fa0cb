package dev.solosuccess.engine.internal.parse;

import dev.solosuccess.sdk.UnsupportedFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The formats the engine reads, and how a document's format is told: an explicit media type first,
 * then the source name's extension, then the content (for names without an extension).
 */
public final class Formats {

  /** How a format is read. */
  public enum Reader {
    TEXT,
    MARKDOWN,
    HTML,
    PDF,
    /** Through Apache Tika: office documents, e-mail, RTF, e-books. */
    TIKA,
    /** A ZIP archive: each entry is a document of its own. */
    ARCHIVE
  }

  /**
   * A detected format.
   *
   * @param mediaType the IANA media type, stored with the document
   * @param reader how it is read
   */
  public record Format(String mediaType, Reader reader) {}

  private static final Map<String, Format> EXTENSIONS = new TreeMap<>();

  static {
    text("text/plain", "txt", "text", "log", "csv", "tsv", "json", "xml");
    add(Reader.MARKDOWN, "text/markdown", "md", "markdown");
    add(Reader.HTML, "text/html", "html", "htm", "xhtml");
    add(Reader.PDF, "application/pdf", "pdf");
    add(Reader.ARCHIVE, "application/zip", "zip");
    String ooxml = "application/vnd.openxmlformats-officedocument.";
    add(Reader.TIKA, ooxml + "wordprocessingml.document", "docx");
    add(Reader.TIKA, "application/vnd.ms-word.document.macroenabled.12", "docm");
    add(Reader.TIKA, ooxml + "presentationml.presentation", "pptx");
    add(Reader.TIKA, ooxml + "spreadsheetml.sheet", "xlsx");
    add(Reader.TIKA, "application/vnd.ms-excel.sheet.macroenabled.12", "xlsm");
    add(Reader.TIKA, "application/msword", "doc");
    add(Reader.TIKA, "application/vnd.ms-excel", "xls");
    add(Reader.TIKA, "application/vnd.ms-powerpoint", "ppt");
    add(Reader.TIKA, "application/vnd.oasis.opendocument.text", "odt");
    add(Reader.TIKA, "application/vnd.oasis.opendocument.spreadsheet", "ods");
    add(Reader.TIKA, "application/vnd.oasis.opendocument.presentation", "odp");
    add(Reader.TIKA, "application/rtf", "rtf");
    add(Reader.TIKA, "message/rfc822", "eml");
    add(Reader.TIKA, "application/vnd.ms-outlook", "msg");
    add(Reader.TIKA, "application/epub+zip", "epub");
  }

  /** Extensions the engine reads, for error messages. */
  public static final String SUPPORTED =
      EXTENSIONS.keySet().stream().map(e -> "." + e).collect(Collectors.joining(", "));

  private Formats() {}

  private static void text(String mediaType, String... extensions) {
    add(Reader.TEXT, mediaType, extensions);
  }

  private static void add(Reader reader, String mediaType, String... extensions) {
    for (String e : extensions) {
      EXTENSIONS.put(e, new Format(mediaType, reader));
    }
  }

  /**
   * @param mediaType the caller's explicit media type, or {@code null}
   * @param source the source name (a path or a name)
   * @param head the content, or its first bytes
   * @param tika tells formats by content when the name has no extension
   * @throws UnsupportedFormatException if the format is not one the engine reads
   */
  public static Format detect(String mediaType, String source, byte[] head, TikaFormats tika) {
    if (mediaType != null) {
      String base = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      return byMediaType(base)
          .orElseThrow(
              () ->
                  new UnsupportedFormatException(
                      "media type " + base + " of " + source + " is not supported; supported: "
                          + EXTENSIONS.values().stream()
                              .map(Format::mediaType)
                              .distinct()
                              .sorted()
                              .collect(Collectors.joining(", ")),
                      source,
                      base));
    }
    String name = source.substring(
        Math.max(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')),
            source.lastIndexOf('!')) + 1);
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
    return sniff(source, head, tika);
  }

  private static java.util.Optional<Format> byMediaType(String base) {
    for (Format f : EXTENSIONS.values()) {
      if (f.mediaType().equals(base)) {
        return java.util.Optional.of(f);
      }
    }
    if (base.startsWith("text/")) {
      return java.util.Optional.of(new Format(base, Reader.TEXT)); // text/csv, text/x-log, ...
    }
    return java.util.Optional.empty();
  }

  private static Format sniff(String source, byte[] head, TikaFormats tika) {
    String start =
        new String(head, 0, Math.min(head.length, 512), StandardCharsets.ISO_8859_1)
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    if (start.startsWith("%pdf-")) {
      return new Format("application/pdf", Reader.PDF);
    }
    if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
      return new Format("text/html", Reader.HTML);
    }
    String detected = tika.detect(head, source);
    if (!detected.equals("text/plain") && !detected.equals("application/octet-stream")) {
      java.util.Optional<Format> known = byMediaType(detected);
      if (known.isPresent()) {
        return known.get();
      }
    }
    if (isMostlyText(head)) {
      return new Format("text/plain", Reader.TEXT);
    }
    throw new UnsupportedFormatException(
        source + " has no extension and its content (" + detected + ") is not a supported format;"
            + " supported: " + SUPPORTED,
        source,
        detected);
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
