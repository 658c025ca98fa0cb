package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.SkippedFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo ingest}: files and folders into the data folder. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Ingest files and folders (recursively): .txt, .md, .html, .pdf.",
      "Files that cannot be ingested are skipped with a reason; the rest go on.",
      "Re-ingesting an unchanged file does nothing; a changed one replaces its old version."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.OK_LINE,
      ExitCodes.FAILURE_LINE,
      ExitCodes.USAGE_LINE,
      ExitCodes.PARTIAL_LINE
    })
public final class IngestCommand implements Callable<Integer> {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to ingest.")
  private List<Path> paths;

  @Option(
      names = "--meta",
      paramLabel = "KEY[:TYPE]=VALUE",
      converter = Converters.MetadataPair.class,
      description = {
        "Metadata for every document of this batch;",
        "repeatable. The type is inferred: year=2024 is a",
        "number, when=2024-03-01 a date (midnight UTC),",
        "team=hr text. TYPE string, number or date says it:",
        "zip:string=01234."
      })
  private List<Metadata> meta = new ArrayList<>();

  @Option(names = "--json", description = "Print the summary as one JSON object.")
  private boolean json;

  @Option(names = "--quiet", description = "No progress on stderr.")
  private boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProgressDisplay progress = new ProgressDisplay(err, Terminal.isInteractive());
    IngestSummary summary;
    try (SoloEngine engine = solo.openEngine()) {
      IngestRequest.Builder request =
          IngestRequest.builder().paths(paths).metadata(merged(meta));
      if (!quiet) {
        request.listener(progress);
      }
      summary = engine.documents().ingest(request.build());
    } finally {
      progress.finish();
    }
    if (json) {
      out.println(Json.write(toJson(summary)));
    } else {
      printSummary(out, summary);
    }
    out.flush();
    return summary.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  /** The pairs in order, a later one of a key winning. */
  private static Metadata merged(List<Metadata> pairs) {
    Metadata all = Metadata.empty();
    for (Metadata m : pairs) {
      all = all.merge(m);
    }
    return all;
  }

  private static void printSummary(PrintWriter out, IngestSummary s) {
    double seconds = s.elapsed().toNanos() / 1e9;
    out.printf(
        "Ingested %d %s (%d chunks) in %.1f s: %.1f documents/s, %.1f chunks/s%n",
        s.ingested().size(),
        s.ingested().size() == 1 ? "document" : "documents",
        s.chunks(),
        seconds,
        s.ingested().size() / Math.max(seconds, 1e-9),
        s.chunks() / Math.max(seconds, 1e-9));
    if (!s.unchanged().isEmpty()) {
      out.printf("Unchanged: %d (already stored with the same content)%n", s.unchanged().size());
    }
    if (!s.skipped().isEmpty()) {
      out.printf("Skipped: %d%n", s.skipped().size());
      for (SkippedFile f : s.skipped()) {
        out.printf("  %s [%s]: %s%n", Sources.display(f.source()), f.code(), f.reason());
      }
    }
  }

  private static ObjectNode toJson(IngestSummary s) {
    ObjectNode n = Json.object();
    n.put("documents", s.ingested().size());
    n.put("chunks", s.chunks());
    n.put("unchanged", s.unchanged().size());
    n.put("skippedCount", s.skipped().size());
    n.put("seconds", s.elapsed().toNanos() / 1e9);
    ArrayNode ingested = n.putArray("ingested");
    for (Document d : s.ingested()) {
      ObjectNode o = Json.object();
      o.put("id", d.id());
      o.put("source", d.source());
      o.put("chunks", d.chunks());
      ingested.add(o);
    }
    ArrayNode skipped = n.putArray("skipped");
    s.skipped().forEach(f -> skipped.add(Json.skipped(f)));
    return n;
  }
}
