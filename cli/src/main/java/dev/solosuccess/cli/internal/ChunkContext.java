package dev.solosuccess.cli.internal;

import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.Provenance;
import java.io.PrintWriter;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo docs show ID --chunk N}: one chunk, where it comes from, and the text around it. */
final class ChunkContext {

  private ChunkContext() {}

  static void print(
      PrintWriter out, Document d, Chunk c, int chunkCount, String text, int context,
      boolean json) {
    Provenance p = c.provenance();
    int start = Math.min(p.startOffset(), text.length());
    int end = Math.min(p.endOffset(), text.length());
    int from = wordStart(text, Math.max(0, start - context));
    int to = wordEnd(text, Math.min(text.length(), end + context));
    String before = text.substring(from, start);
    String after = text.substring(end, to);
    if (json) {
      ObjectNode n = Json.object();
      n.put("documentId", d.id());
      n.put("source", d.source());
      n.set("chunk", Json.chunk(c));
      n.put("section", p.sectionPath());
      n.put("before", before);
      n.put("after", after);
      n.put("beforeStart", from);
      n.put("afterEnd", to);
      out.println(Json.write(n));
      return;
    }
    out.printf("document:  %s (%s)%n", d.id(), Sources.display(d.source()));
    out.printf("chunk:     #%d of %d, %d tokens, characters %d..%d%n",
        c.index(), chunkCount, c.tokens(), p.startOffset(), p.endOffset());
    if (p.hasPage()) {
      out.printf("page:      %d%n", p.page());
    }
    if (!p.section().isEmpty()) {
      out.printf("section:   %s%n", p.sectionPath());
    }
    out.println();
    out.println("----- before -----");
    out.println((from > 0 ? "…" : "") + before.stripLeading());
    out.printf("===== chunk #%d =====%n", c.index());
    out.println(c.text());
    out.println("----- after -----");
    out.println(after.stripTrailing() + (to < text.length() ? "…" : ""));
  }

  private static int wordStart(String text, int at) {
    int i = at;
    while (i > 0 && i < text.length() && !Character.isWhitespace(text.charAt(i - 1))
        && at - i < 30) {
      i--;
    }
    return i;
  }

  private static int wordEnd(String text, int at) {
    int i = at;
    while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && i - at < 30) {
      i++;
    }
    return i;
  }
}
