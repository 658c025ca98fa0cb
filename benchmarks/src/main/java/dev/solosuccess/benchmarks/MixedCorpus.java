package dev.solosuccess.benchmarks;

import dev.solosuccess.benchmarks.SciFact.Abstract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A folder of office-style documents made from SciFact abstracts, spread evenly over nine formats:
 * plain text, Markdown, HTML, PDF, Word, Excel, PowerPoint, e-mail and ZIP archives of text files.
 * Each abstract is used once, so no two documents share content and the duplicate check never
 * short-cuts the pipeline. Files are numbered round-robin over the formats, so a batch (which walks
 * in path order) meets the formats interleaved, as in a real folder. Stateless.
 */
final class MixedCorpus {

  /** The formats, and how many abstracts one file holds. */
  enum Kind {
    TXT("txt", 1),
    MD("md", 2),
    HTML("html", 2),
    /** One abstract per page, a page more where an abstract runs over. */
    PDF("pdf", 3),
    /** A heading per abstract, a paragraph per three sentences. */
    DOCX("docx", 2),
    /** A small table: id, title and abstract per row. */
    XLSX("xlsx", 5),
    /** A slide per paragraph of three sentences. */
    PPTX("pptx", 1),
    EML("eml", 1),
    /** Each abstract a .txt entry: three documents per archive. */
    ZIP("zip", 3);

    final String extension;
    final int abstracts;

    Kind(String extension, int abstracts) {
      this.extension = extension;
      this.abstracts = abstracts;
    }
  }

  /**
   * What was written.
   *
   * @param files per format
   * @param documents documents the engine will see (a ZIP entry is a document)
   * @param bytes on disk
   */
  record Written(Map<Kind, Integer> files, int documents, long bytes) {
    int totalFiles() {
      return files.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

  private MixedCorpus() {}

  /** Abstracts needed for {@code files} files. */
  static int abstractsNeeded(int files) {
    int n = 0;
    for (int i = 0; i < files; i++) {
      n += Kind.values()[i % Kind.values().length].abstracts;
    }
    return n;
  }

  /**
   * Writes {@code files} files into {@code folder}, taking abstracts from {@code pool} in order.
   *
   * @throws IllegalArgumentException if the pool is too small
   */
  static Written write(List<Abstract> pool, int files, Path folder) throws IOException {
    if (abstractsNeeded(files) > pool.size()) {
      throw new IllegalArgumentException(
          files + " mixed files need " + abstractsNeeded(files) + " abstracts, the corpus has "
              + pool.size());
    }
    Files.createDirectories(folder);
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    int next = 0;
    int documents = 0;
    long bytes = 0;
    for (int i = 0; i < files; i++) {
      Kind kind = Kind.values()[i % Kind.values().length];
      List<Abstract> take = pool.subList(next, next + kind.abstracts);
      next += kind.abstracts;
      byte[] content = render(kind, take, i);
      String name = String.format(Locale.ROOT, "%04d.%s", i, kind.extension);
      Files.write(folder.resolve(name), content);
      counts.merge(kind, 1, Integer::sum);
      documents += kind == Kind.ZIP ? take.size() : 1;
      bytes += content.length;
    }
    return new Written(counts, documents, bytes);
  }

  private static byte[] render(Kind kind, List<Abstract> abstracts, int n) throws IOException {
    return switch (kind) {
      case TXT -> utf8(abstracts.get(0).asText());
      case MD -> utf8(markdown(abstracts));
      case HTML -> utf8(html(abstracts));
      case PDF -> OfficeFiles.pdf(abstracts);
      case DOCX -> OfficeFiles.docx(abstracts);
      case XLSX -> OfficeFiles.xlsx(abstracts);
      case PPTX -> OfficeFiles.pptx(abstracts.get(0));
      case EML -> utf8(email(abstracts.get(0), n));
      case ZIP -> zip(abstracts);
    };
  }

  /** A paragraph per three sentences: what a writer would put in a document or on a slide. */
  static List<String> paragraphs(String text) {
    String[] sentences = text.split("(?<=[.!?])\\s+(?=[A-Z0-9(\\[])");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < sentences.length; i += 3) {
      out.add(String.join(" ", List.of(sentences).subList(i, Math.min(sentences.length, i + 3))));
    }
    return out;
  }

  private static String markdown(List<Abstract> abstracts) {
    StringBuilder b = new StringBuilder();
    for (Abstract a : abstracts) {
      b.append("# ").append(a.title()).append("\n\n");
      b.append("*Document ").append(a.id()).append("*\n\n");
      for (String p : paragraphs(a.text())) {
        b.append(p).append("\n\n");
      }
    }
    return b.toString();
  }

  private static String html(List<Abstract> abstracts) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
    b.append("<meta charset=\"utf-8\">\n<title>").append(escape(abstracts.get(0).title()))
        .append("</title>\n</head>\n<body>\n<nav><a href=\"/\">Home</a></nav>\n<main>\n");
    for (Abstract a : abstracts) {
      b.append("<article>\n<h1>").append(escape(a.title())).append("</h1>\n");
      for (String p : paragraphs(a.text())) {
        b.append("<p>").append(escape(p)).append("</p>\n");
      }
      b.append("</article>\n");
    }
    return b.append("</main>\n</body>\n</html>\n").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** RFC 822 with a MIME text body, as a mail client saves it. */
  private static String email(Abstract a, int n) {
    ZonedDateTime date = ZonedDateTime.of(2025, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC).plusHours(n);
    StringBuilder b = new StringBuilder();
    b.append("From: Research Desk <research@example.org>\r\n");
    b.append("To: Reading Group <reading@example.org>\r\n");
    b.append("Subject: ").append(header(a.title())).append("\r\n");
    b.append("Date: ").append(RFC_1123.format(date)).append("\r\n");
    b.append("Message-ID: <").append(a.id()).append(".").append(n).append("@example.org>\r\n");
    b.append("MIME-Version: 1.0\r\n");
    b.append("Content-Type: text/plain; charset=UTF-8\r\n");
    b.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
    b.append("Hello all,\r\n\r\nfor Thursday, please read this abstract.\r\n\r\n");
    for (String p : paragraphs(a.text())) {
      b.append(wrap(p, 76)).append("\r\n");
    }
    return b.append("Best,\r\nThe research desk\r\n").toString();
  }

  /** An RFC 2047 encoded word where the subject is not plain ASCII. */
  private static String header(String value) {
    if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return value;
    }
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(utf8(value)) + "?=";
  }

  private static String wrap(String text, int width) {
    StringBuilder b = new StringBuilder();
    int line = 0;
    for (String word : text.split(" ")) {
      if (line > 0 && line + 1 + word.length() > width) {
        b.append("\r\n");
        line = 0;
      } else if (line > 0) {
        b.append(' ');
        line++;
      }
      b.append(word);
      line += word.length();
    }
    return b.append("\r\n").toString();
  }

  private static byte[] zip(List<Abstract> abstracts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Abstract a : abstracts) {
        zip.putNextEntry(new ZipEntry("abstracts/" + a.id() + ".txt"));
        zip.write(utf8(a.asText()));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
