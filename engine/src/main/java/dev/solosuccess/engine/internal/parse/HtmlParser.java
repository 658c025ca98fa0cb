package dev.solosuccess.engine.internal.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to the text a reader sees: the title, then the body with block elements on lines of their
 * own. Scripts, styles, templates, navigation menus and other non-content elements are dropped.
 * The encoding comes from the byte order mark or the {@code <meta charset>}, else UTF-8.
 */
final class HtmlParser implements DocumentParser {

  private static final Set<String> DROPPED =
      Set.of(
          "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
          "nav", "head", "button", "select", "input", "textarea");

  private static final Set<String> BLOCKS =
      Set.of(
          "p", "div", "section", "article", "main", "aside", "header", "footer", "h1", "h2", "h3",
          "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
          "tr", "blockquote", "pre", "figure", "figcaption", "address", "hr", "form", "fieldset",
          "details", "summary", "caption");

  @Override
  public RawText parse(byte[] content, String source) {
    org.jsoup.nodes.Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(content), null, "");
    } catch (IOException e) {
      throw new dev.solosuccess.sdk.InvalidInputException(
          "cannot read HTML of " + source + ": " + e.getMessage(), source, e);
    }
    StringBuilder out = new StringBuilder();
    String title = doc.title().strip();
    if (!title.isEmpty()) {
      out.append(title).append("\n\n");
    }
    Element body = doc.body();
    if (body != null) {
      body.select(String.join(",", DROPPED)).remove();
      NodeTraversor.traverse(new TextCollector(out), body);
    }
    return RawText.unpaginated(out.toString());
  }

  /** Appends text nodes with collapsed spaces; block elements and {@code <br>} break lines. */
  private static final class TextCollector implements NodeVisitor {
    private final StringBuilder out;

    TextCollector(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        boolean pre = text.parent() instanceof Element p && "pre".equals(p.normalName());
        out.append(pre ? text.getWholeText() : text.text());
        if (!pre && text.getWholeText().matches("(?s).*\\s$")) {
          out.append(' ');
        }
      } else if (node instanceof Element e) {
        if ("br".equals(e.normalName())) {
          out.append('\n');
        } else if (BLOCKS.contains(e.normalName())) {
          out.append("\n\n");
        } else if ("td".equals(e.normalName()) || "th".equals(e.normalName())) {
          out.append(" | ");
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
        out.append("\n\n");
      }
    }
  }
}
