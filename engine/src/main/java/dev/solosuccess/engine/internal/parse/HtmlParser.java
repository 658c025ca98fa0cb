package dev.solosuccess.engine.internal.parse;

import dev.solosuccess.sdk.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to structure: the title, headings, paragraphs and table rows a reader sees. Scripts, styles,
 * templates, navigation menus and other non-content elements are dropped. The encoding comes from
 * the byte order mark or the {@code <meta charset>}, else UTF-8. jsoup walks the tree without
 * recursion, so deeply nested markup costs memory, not stack.
 */
final class HtmlParser implements DocumentParser {

  private static final Set<String> DROPPED =
      Set.of(
          "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
          "nav", "head", "button", "select", "input", "textarea");

  private static final Set<String> BLOCKS =
      Set.of(
          "p", "div", "section", "article", "main", "aside", "header", "footer", "ul", "ol", "li",
          "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "blockquote", "pre", "figure",
          "figcaption", "address", "hr", "form", "fieldset", "details", "summary", "caption");

  @Override
  public ParsedDocument parse(byte[] content, ParseGuard guard) {
    String source = guard.source();
    org.jsoup.nodes.Document doc;
    try {
      doc = Jsoup.parse(new GuardedInputStream(new ByteArrayInputStream(content), guard), null, "");
    } catch (IOException e) {
      throw new InvalidInputException("cannot read HTML of " + source + ": " + e.getMessage(),
          source, e);
    }
    guard.check();
    BlockBuilder out = new BlockBuilder(guard);
    String title = doc.title().strip();
    Element body = doc.body();
    if (!title.isEmpty()) {
      Element h1 = body == null ? null : body.selectFirst("h1");
      if (h1 == null || !h1.text().strip().equalsIgnoreCase(title)) {
        out.heading(1, title);
      }
    }
    if (body != null) {
      body.select(String.join(",", DROPPED)).remove();
      NodeTraversor.traverse(new Collector(out, guard), body);
    }
    Element author = doc.selectFirst("meta[name=author]");
    Element html = doc.selectFirst("html");
    String lang = html == null ? "" : html.attr("lang");
    return out.build(
        new DocInfo(
            title,
            author == null ? null : author.attr("content"),
            null,
            lang.isBlank() ? null : lang.toLowerCase(Locale.ROOT)),
        false);
  }

  /** Element events to blocks. */
  private static final class Collector implements NodeVisitor {
    private final BlockBuilder out;
    private final ParseGuard guard;
    private int visited;

    Collector(BlockBuilder out, ParseGuard guard) {
      this.out = out;
      this.guard = guard;
    }

    @Override
    public void head(Node node, int depth) {
      if ((++visited & 1023) == 0) {
        guard.check(); // markup without text still takes time
      }
      if (node instanceof TextNode text) {
        boolean pre = text.parent() instanceof Element p && "pre".equals(p.normalName());
        out.text(pre ? text.getWholeText() : text.text());
        if (!pre && text.getWholeText().matches("(?s).*\\s$")) {
          out.text(" ");
        }
      } else if (node instanceof Element e) {
        String name = e.normalName();
        switch (name) {
          case "br" -> out.lineBreak();
          case "h1", "h2", "h3", "h4", "h5", "h6" -> out.startHeading(name.charAt(1) - '0');
          case "tr" -> out.startRow();
          case "td", "th" -> out.startCell();
          default -> {
            if (BLOCKS.contains(name)) {
              out.endBlock();
            }
          }
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        String name = e.normalName();
        switch (name) {
          case "h1", "h2", "h3", "h4", "h5", "h6" -> out.endHeading();
          case "tr" -> out.endRow();
          case "td", "th" -> out.endCell();
          case "table" -> {
            out.endRow();
            out.endBlock();
          }
          default -> {
            if (BLOCKS.contains(name)) {
              out.endBlock();
            }
          }
        }
      }
    }
  }
}
