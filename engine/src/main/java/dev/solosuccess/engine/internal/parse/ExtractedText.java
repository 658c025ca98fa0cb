package dev.solosuccess.engine.internal.parse;

import dev.solosuccess.sdk.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A document's normalized text, the one that chunk offsets point into, with its page and section
 * boundaries.
 *
 * @param text the whole text; blocks are separated by a blank line, table rows by a line break
 * @param pages the page spans in order, or one span with page {@link Provenance#NO_PAGE}
 * @param pageCount the number of pages, 0 for formats without pages
 * @param sections the section spans in order, covering the whole text; text before the first
 *     heading has an empty path
 * @param info title, author, created, language
 */
public record ExtractedText(
    String text, List<Span> pages, int pageCount, List<Section> sections, DocInfo info) {

  /** A word broken across a line end: "exam-\nple". Only lower-case continuations are joined. */
  private static final Pattern HYPHENATED = Pattern.compile("(\\p{L})-[ \\t]*\\R[ \\t]*(\\p{Ll})");

  /**
   * A page's part of the text.
   *
   * @param page 1-based page number, or {@link Provenance#NO_PAGE}
   * @param start first character
   * @param end one past the last character
   */
  public record Span(int page, int start, int end) {}

  /**
   * A section's part of the text.
   *
   * @param path the headings from the top level down to this section's own
   * @param start first character (its heading)
   * @param end one past the last character (before the next heading)
   */
  public record Section(List<String> path, int start, int end) {
    public Section {
      path = List.copyOf(path);
    }
  }

  public ExtractedText {
    pages = List.copyOf(pages);
    sections = List.copyOf(sections);
  }

  /** Normalizes and joins the blocks of a parsed document. */
  public static ExtractedText of(ParsedDocument doc) {
    StringBuilder text = new StringBuilder();
    List<Span> spans = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    List<String[]> stack = new ArrayList<>(); // {level, heading}
    int sectionStart = 0;
    List<String> sectionPath = List.of();
    int spanPage = -1;
    int spanStart = 0;
    Block.Kind previous = null;
    for (Block b : doc.blocks()) {
      String normalized = TextNormalizer.normalize(HYPHENATED.matcher(b.text()).replaceAll("$1$2"));
      if (normalized.isEmpty()) {
        continue;
      }
      int page = doc.paginated() ? b.page() : Provenance.NO_PAGE;
      if (page != spanPage) {
        if (spanPage >= 0 && text.length() > spanStart) {
          spans.add(new Span(spanPage, spanStart, text.length()));
        }
        if (!text.isEmpty()) {
          text.append("\n\n");
        }
        spanPage = page;
        spanStart = text.length();
      } else if (!text.isEmpty()) {
        boolean rows = previous == Block.Kind.TABLE_ROW && b.kind() == Block.Kind.TABLE_ROW;
        text.append(rows ? "\n" : "\n\n");
      }
      if (b.kind() == Block.Kind.HEADING) {
        if (text.length() > sectionStart || !sectionPath.isEmpty()) {
          addSection(sections, sectionPath, sectionStart, text.length());
        }
        while (!stack.isEmpty() && Integer.parseInt(stack.get(stack.size() - 1)[0]) >= b.level()) {
          stack.remove(stack.size() - 1);
        }
        stack.add(new String[] {Integer.toString(b.level()), normalized.replace('\n', ' ')});
        sectionPath = stack.stream().map(s -> s[1]).toList();
        sectionStart = text.length();
      }
      text.append(normalized);
      previous = b.kind();
    }
    if (spanPage >= 0 && text.length() > spanStart) {
      spans.add(new Span(spanPage, spanStart, text.length()));
    }
    addSection(sections, sectionPath, sectionStart, text.length());
    DocInfo info = doc.info();
    if (info.language() == null) {
      String guessed = LanguageGuesser.guess(text);
      if (guessed != null) {
        info = new DocInfo(info.title(), info.author(), info.created(), guessed);
      }
    }
    return new ExtractedText(text.toString(), spans, doc.pageCount(), sections, info);
  }

  /** Text without pages or headings, one paragraph per blank-line-separated part. */
  public static ExtractedText plain(String text) {
    BlockBuilder out = new BlockBuilder(ParseGuard.unlimited("text"));
    for (String p : text.split("\\R[\\h]*\\R")) {
      out.paragraph(p);
    }
    return of(out.build(DocInfo.NONE, false));
  }

  /** Pages of text, numbered from 1; a blank page keeps its number but adds no text. */
  public static ExtractedText paged(List<String> pages) {
    BlockBuilder out = new BlockBuilder(ParseGuard.unlimited("text"));
    for (String page : pages) {
      out.startPage();
      out.paragraph(page);
    }
    return of(out.build(DocInfo.NONE, true));
  }

  private static void addSection(List<Section> sections, List<String> path, int start, int end) {
    if (end > start) {
      sections.add(new Section(path, start, end));
    }
  }

  public boolean isBlank() {
    return text.isBlank();
  }

  /** The section path at character {@code offset}. */
  public List<String> sectionAt(int offset) {
    List<String> path = List.of();
    for (Section s : sections) {
      if (s.start() > offset) {
        break;
      }
      path = s.path();
    }
    return path;
  }
}
