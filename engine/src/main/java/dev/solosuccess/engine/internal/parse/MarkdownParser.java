package dev.solosuccess.engine.internal.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown to the text a reader sees: heading marks, emphasis, link targets, image URLs, code
 * fences, table rules and HTML tags go; headings, list items, table cells and code stay as lines.
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

  @Override
  public RawText parse(byte[] content, String source) {
    String text = TextDecoder.decode(content, source).text();
    StringBuilder out = new StringBuilder(text.length());
    boolean inFence = false;
    for (String line : text.split("\\R", -1)) {
      if (FENCE.matcher(line).matches()) {
        inFence = !inFence;
        out.append('\n');
        continue;
      }
      if (inFence) {
        out.append(line).append('\n');
        continue;
      }
      String converted = convertLine(line);
      if (converted != null) {
        out.append(converted).append('\n');
      }
    }
    return RawText.unpaginated(out.toString());
  }

  /** The line as text, or {@code null} for a line that is only markup (rules, definitions). */
  private static String convertLine(String line) {
    if (SETEXT_RULE.matcher(line).matches()
        || THEMATIC_BREAK.matcher(line).matches()
        || REFERENCE_DEFINITION.matcher(line).matches()
        || TABLE_RULE.matcher(line).matches()) {
      return null;
    }
    String s = line;
    Matcher heading = ATX_HEADING.matcher(s);
    if (heading.matches()) {
      s = heading.group(1);
    }
    s = BLOCKQUOTE.matcher(s).replaceFirst("");
    s = BULLET.matcher(s).replaceFirst("$1- ");
    String trimmed = s.strip();
    if (trimmed.startsWith("|") || trimmed.endsWith("|")) {
      s = tableRow(trimmed);
    }
    s = inline(s);
    return s;
  }

  private static String tableRow(String row) {
    String r = row;
    if (r.startsWith("|")) {
      r = r.substring(1);
    }
    if (r.endsWith("|")) {
      r = r.substring(0, r.length() - 1);
    }
    StringBuilder b = new StringBuilder();
    for (String cell : r.split("(?<!\\\\)\\|")) {
      if (!b.isEmpty()) {
        b.append(" | ");
      }
      b.append(cell.strip());
    }
    return b.toString();
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
