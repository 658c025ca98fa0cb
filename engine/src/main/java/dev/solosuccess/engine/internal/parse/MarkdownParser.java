package dev.solosuccess.engine.internal.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown to structure: ATX and setext headings become headings (the section path of the text
 * under them), pipe tables become table rows, blank lines end paragraphs. Emphasis, link targets,
 * image URLs, code fences, rules and HTML tags go; their text stays.
 */
final class MarkdownParser implements DocumentParser {

  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*");
  private static final Pattern ATX_HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern SETEXT_RULE = Pattern.compile("^\\s{0,3}(=+|-+)\\s*$");
  private static final Pattern THEMATIC_BREAK =
      Pattern.compile("^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$");
  private static final Pattern REFERENCE_DEFINITION =
      Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*\\S+.*$");
  private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
  private static final Pattern BLOCKQUOTE = Pattern.compile("^\\s{0,3}>\\s?");
  private static final Pattern BULLET = Pattern.compile("^(\\s*)[*+-]\\s+(\\[[ xX]\\]\\s+)?");

  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\([^)]*\\)");
  private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]]+)\\]\\[[^\\]]*\\]");
  private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
  private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^>]*>");
  private static final Pattern CODE_SPAN = Pattern.compile("`+([^`]+)`+");
  private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
  private static final Pattern EMPHASIS_STAR = Pattern.compile("\\*(?=\\S)(.+?)(?<=\\S)\\*");
  private static final Pattern EMPHASIS_UNDERSCORE =
      Pattern.compile("(?<![\\w])_(?=\\S)(.+?)(?<=\\S)_(?![\\w])");
  private static final Pattern STRIKE = Pattern.compile("~~(.+?)~~");

  private final TikaFormats tika;

  /** @param tika names the encoding of legacy non-Western text */
  MarkdownParser(TikaFormats tika) {
    this.tika = tika;
  }

  @Override
  public ParsedDocument parse(byte[] content, ParseGuard guard) {
    String text = TextDecoder.decode(content, guard.source(), tika.encodingDetector()).text();
    BlockBuilder out = new BlockBuilder(guard);
    StringBuilder paragraph = new StringBuilder();
    String pendingLine = null; // the last line of the open paragraph, a setext heading candidate
    boolean inFence = false;
    for (String line : text.split("\\R", -1)) {
      if (FENCE.matcher(line).matches()) {
        inFence = !inFence;
        flush(out, paragraph);
        pendingLine = null;
        continue;
      }
      if (inFence) {
        paragraph.append(line).append('\n');
        continue;
      }
      Matcher setext = SETEXT_RULE.matcher(line);
      if (setext.matches() && pendingLine != null && !pendingLine.isBlank()
          && paragraph.length() == pendingLine.length() + 1) {
        // "Title" underlined with === or ---: a heading, not a rule
        paragraph.setLength(0);
        out.heading(setext.group(1).charAt(0) == '=' ? 1 : 2, inline(pendingLine.strip()));
        pendingLine = null;
        continue;
      }
      if (line.isBlank()) {
        flush(out, paragraph);
        pendingLine = null;
        continue;
      }
      if (SETEXT_RULE.matcher(line).matches()
          || THEMATIC_BREAK.matcher(line).matches()
          || REFERENCE_DEFINITION.matcher(line).matches()
          || TABLE_RULE.matcher(line).matches()) {
        pendingLine = null;
        continue;
      }
      Matcher heading = ATX_HEADING.matcher(line);
      if (heading.matches()) {
        flush(out, paragraph);
        int level = (int) line.strip().chars().takeWhile(c -> c == '#').count();
        out.heading(level, inline(heading.group(1)));
        pendingLine = null;
        continue;
      }
      String s = BLOCKQUOTE.matcher(line).replaceFirst("");
      String trimmed = s.strip();
      if (trimmed.length() > 1 && (trimmed.startsWith("|") || trimmed.endsWith("|"))) {
        flush(out, paragraph);
        out.startRow();
        for (String cell : cells(trimmed)) {
          out.startCell();
          out.text(inline(cell));
          out.endCell();
        }
        out.endRow();
        pendingLine = null;
        continue;
      }
      s = BULLET.matcher(s).replaceFirst("$1- ");
      String converted = inline(s);
      paragraph.append(converted).append('\n');
      pendingLine = converted;
    }
    flush(out, paragraph);
    return out.build(DocInfo.NONE, false);
  }

  private static void flush(BlockBuilder out, StringBuilder paragraph) {
    if (!paragraph.isEmpty()) {
      out.paragraph(paragraph.toString());
      paragraph.setLength(0);
    }
  }

  private static java.util.List<String> cells(String row) {
    String r = row;
    if (r.startsWith("|")) {
      r = r.substring(1);
    }
    if (r.endsWith("|")) {
      r = r.substring(0, r.length() - 1);
    }
    java.util.List<String> cells = new java.util.ArrayList<>();
    for (String cell : r.split("(?<!\\\\)\\|")) {
      cells.add(cell.strip());
    }
    return cells;
  }

  static String inline(String s) {
    String r = IMAGE.matcher(s).replaceAll("$1");
    r = LINK.matcher(r).replaceAll("$1");
    r = REFERENCE_LINK.matcher(r).replaceAll("$1");
    r = AUTOLINK.matcher(r).replaceAll("$1");
    r = HTML_TAG.matcher(r).replaceAll("");
    r = CODE_SPAN.matcher(r).replaceAll("$1");
    r = STRONG.matcher(r).replaceAll("$2");
    r = EMPHASIS_STAR.matcher(r).replaceAll("$1");
    r = EMPHASIS_UNDERSCORE.matcher(r).replaceAll("$1");
    r = STRIKE.matcher(r).replaceAll("$1");
    return r.replace("\\*", "*").replace("\\_", "_").replace("\\#", "#").replace("\\|", "|");
  }
}
