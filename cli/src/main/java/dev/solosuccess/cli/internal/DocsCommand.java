package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.MetadataValue;
import dev.solosuccess.sdk.NotFoundException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo docs}: list, show and delete stored documents. */
@Command(
    name = "docs",
    mixinStandardHelpOptions = true,
    description = "List, show and delete stored documents.",
    subcommands = {DocsCommand.ListDocs.class, DocsCommand.Show.class, DocsCommand.Delete.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
public final class DocsCommand implements Runnable {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code solo docs list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored documents.")
  static final class ListDocs implements Callable<Integer> {
    @ParentCommand private DocsCommand docs;
    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object with a documents array.")
    private boolean json;

    @Override
    public Integer call() {
      List<Document> list;
      try (SoloEngine engine = docs.solo.openExistingEngine()) {
        list = engine.documents().list();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode n = Json.object();
        ArrayNode a = n.putArray("documents");
        list.forEach(d -> a.add(Json.document(d)));
        out.println(Json.write(n));
      } else if (list.isEmpty()) {
        out.println("No documents in " + docs.solo.dataDir() + ".");
      } else {
        int width = list.stream().mapToInt(d -> d.id().length()).max().orElse(2);
        out.printf("%-" + width + "s  %6s  %-16s  %s%n", "ID", "CHUNKS", "TYPE", "SOURCE");
        for (Document d : list) {
          out.printf(
              "%-" + width + "s  %6d  %-16s  %s%n",
              d.id(), d.chunks(), d.mediaType(), Sources.display(d.source()));
        }
        out.printf("%d %s%n", list.size(), list.size() == 1 ? "document" : "documents");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code solo docs show <id>}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Show a document, its metadata (the caller's as meta, the parser's as extracted;",
        "numbers and dates are marked with their type) and its chunks."
      })
  static final class Show implements Callable<Integer> {
    @ParentCommand private DocsCommand docs;
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The document id (see 'solo docs list').")
    private String id;

    @Option(names = "--json", description = "Print the document and its chunks as JSON.")
    private boolean json;

    @Option(
        names = "--chunk",
        paramLabel = "N",
        description = "Show chunk N (0-based, as listed) with the text around it.")
    private Integer chunk;

    @Option(
        names = "--context",
        paramLabel = "CHARS",
        defaultValue = "400",
        description = "Characters of surrounding text shown with --chunk (default ${DEFAULT-VALUE}).")
    private int context;

    @Override
    public Integer call() {
      Document d;
      List<Chunk> chunks;
      String fullText = null;
      java.util.Set<String> labels;
      if (context < 0) {
        throw new ParameterException(spec.commandLine(), "--context must be >= 0, got " + context);
      }
      try (SoloEngine engine = docs.solo.openExistingEngine()) {
        d = engine.documents().get(id).orElseThrow(() -> new NotFoundException("document", id));
        chunks = engine.documents().chunks(id);
        labels = engine.documents().labels(id);
        if (chunk != null) {
          if (chunk < 0 || chunk >= chunks.size()) {
            throw new ParameterException(spec.commandLine(),
                "--chunk must be in 0.." + (chunks.size() - 1) + " (document " + id + " has "
                    + chunks.size() + " chunks), got " + chunk);
          }
          fullText = engine.documents().text(id);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (chunk != null) {
        ChunkContext.print(out, d, chunks.get(chunk), chunks.size(), fullText, context, json);
      } else if (json) {
        ObjectNode n = Json.object();
        n.set("document", Json.document(d));
        ArrayNode l = n.putArray("labels");
        labels.forEach(l::add);
        ArrayNode a = n.putArray("chunks");
        chunks.forEach(c -> a.add(Json.chunk(c)));
        out.println(Json.write(n));
      } else {
        out.printf("id:          %s%n", d.id());
        out.printf("source:      %s%n", Sources.display(d.source()));
        out.printf("type:        %s%n", d.mediaType());
        out.printf("sha256:      %s%n", d.sha256());
        out.printf("characters:  %d%n", d.characters());
        if (d.pages() > 0) {
          out.printf("pages:       %d%n", d.pages());
        }
        out.printf("ingested:    %s (sequence %d)%n", d.ingestedAt(), d.sequence());
        printMetadata(out, "meta:        ", d.metadata());
        printMetadata(out, "extracted:   ", d.extracted());
        if (!labels.isEmpty()) {
          out.printf("labels:      %s%n", String.join(",", labels));
        }
        out.printf("chunks:      %d%n", chunks.size());
        for (Chunk c : chunks) {
          String page = c.provenance().hasPage() ? " page " + c.provenance().page() : "";
          String text = c.text().replaceAll("\\s+", " ");
          out.printf(
              "  #%d%s [%d..%d] %d tokens: %s%n",
              c.index(),
              page,
              c.provenance().startOffset(),
              c.provenance().endOffset(),
              c.tokens(),
              text.length() > 90 ? text.substring(0, 89) + "…" : text);
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** One line per entry: {@code key=value}, with the type of numbers and dates. */
  private static void printMetadata(PrintWriter out, String label, Metadata metadata) {
    for (Map.Entry<String, MetadataValue> e : metadata.entries().entrySet()) {
      MetadataValue v = e.getValue();
      String type = v instanceof MetadataValue.Text ? "" : " (" + v.type() + ")";
      out.printf("%s%s=%s%s%n", label, e.getKey(), v.asString(), type);
    }
  }

  /** {@code solo docs delete <id>}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a document from the store and the index.")
  static final class Delete implements Callable<Integer> {
    @ParentCommand private DocsCommand docs;
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The document id (see 'solo docs list').")
    private String id;

    @Option(names = "--json", description = "Print {\"deleted\": ID}.")
    private boolean json;

    @Override
    public Integer call() {
      try (SoloEngine engine = docs.solo.openExistingEngine()) {
        engine.documents().delete(id);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode n = Json.object();
        n.put("deleted", id);
        out.println(Json.write(n));
      } else {
        out.println("Deleted " + id + ".");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
