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

  // Link text stops at the next '[': a line of 50,000 '[' is then read once, not once per '['.
  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\[\\]]*)\\]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]+)\\]\\([^)]*\\)");
  private static final Pattern REFERENCE_LINK =
      Pattern.compile("\\[([^\\[\\]]+)\\]\\[[^\\]]*\\]");
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
      if (FENCE.matcher(guarded(line, guard)).matches()) {
        inFence = !inFence;
        flush(out, paragraph);
        pendingLine = null;
        continue;
      }
      if (inFence) {
        paragraph.append(line).append('\n');
        continue;
      }
      Matcher setext = SETEXT_RULE.matcher(guarded(line, guard));
      if (setext.matches() && pendingLine != null && !pendingLine.isBlank()
          && paragraph.length() == pendingLine.length() + 1) {
        // "Title" underlined with === or ---: a heading, not a rule
        paragraph.setLength(0);
        out.heading(
            setext.group(1).charAt(0) == '=' ? 1 : 2, inline(pendingLine.strip(), guard));
        pendingLine = null;
        continue;
      }
      if (line.isBlank()) {
        flush(out, paragraph);
        pendingLine = null;
        continue;
      }
      if (SETEXT_RULE.matcher(guarded(line, guard)).matches()
          || THEMATIC_BREAK.matcher(guarded(line, guard)).matches()
          || REFERENCE_DEFINITION.matcher(guarded(line, guard)).matches()
          || TABLE_RULE.matcher(guarded(line, guard)).matches()) {
        pendingLine = null;
        continue;
      }
      Matcher heading = ATX_HEADING.matcher(guarded(line, guard));
      if (heading.matches()) {
        flush(out, paragraph);
        int level = (int) line.strip().chars().takeWhile(c -> c == '#').count();
        out.heading(level, inline(heading.group(1), guard));
        pendingLine = null;
        continue;
      }
      String s = BLOCKQUOTE.matcher(guarded(line, guard)).replaceFirst("");
      String trimmed = s.strip();
      if (trimmed.length() > 1 && (trimmed.startsWith("|") || trimmed.endsWith("|"))) {
        flush(out, paragraph);
        out.startRow();
        for (String cell : cells(trimmed)) {
          out.startCell();
          out.text(inline(cell, guard));
          out.endCell();
        }
        out.endRow();
        pendingLine = null;
        continue;
      }
      s = BULLET.matcher(guarded(s, guard)).replaceFirst("$1- ");
      String converted = inline(s, guard);
      paragraph.append(converted).append('\n');
      pendingLine = converted;
    }
    flush(out, paragraph);
    return out.build(DocInfo.NONE, false);
  }

  private static CharSequence guarded(String s, ParseGuard guard) {
    return new GuardedChars(s, guard);
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

  /**
   * Inline markup removed. Some of these patterns backtrack quadratically on a long hostile line,
   * so they read it through the guard, which ends the parse at its deadline.
   */
  static String inline(String s, ParseGuard guard) {
    String r = IMAGE.matcher(guarded(s, guard)).replaceAll("$1");
    r = LINK.matcher(guarded(r, guard)).replaceAll("$1");
    r = REFERENCE_LINK.matcher(guarded(r, guard)).replaceAll("$1");
    r = AUTOLINK.matcher(guarded(r, guard)).replaceAll("$1");
    r = HTML_TAG.matcher(guarded(r, guard)).replaceAll("");
    r = CODE_SPAN.matcher(guarded(r, guard)).replaceAll("$1");
    r = STRONG.matcher(guarded(r, guard)).replaceAll("$2");
    r = EMPHASIS_STAR.matcher(guarded(r, guard)).replaceAll("$1");
    r = EMPHASIS_UNDERSCORE.matcher(guarded(r, guard)).replaceAll("$1");
    r = STRIKE.matcher(guarded(r, guard)).replaceAll("$1");
    return r.replace("\\*", "*").replace("\\_", "_").replace("\\#", "#").replace("\\|", "|");
  }
}
