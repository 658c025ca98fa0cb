package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.ChunkingStrategy;
import dev.solosuccess.engine.DuplicatePolicy;
import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DuplicateFile;
import dev.solosuccess.sdk.IngestListener;
import dev.solosuccess.sdk.IngestStage;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.SkippedFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
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

/** {@code solo ingest}: files and folders into the data folder. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Ingest files and folders (recursively): text, Markdown, HTML, PDF, Word, PowerPoint,"
          + " Excel, OpenDocument, RTF, e-mail (.eml, .msg), EPUB, and ZIP archives, whose"
          + " entries become documents of their own.",
      "Files that cannot be ingested are skipped with a reason; the rest go on.",
      "Re-ingesting an unchanged file does nothing, so an interrupted run resumes where it"
          + " stopped; a changed file replaces its old version atomically."
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

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description =
          "Only files matching this pattern (repeatable): without '/' it matches the file name"
              + " (*.pdf), with '/' the path under the folder (reports/**/*.docx).")
  private List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description = "Leave out files matching this pattern (repeatable); wins over --include.")
  private List<String> exclude = new ArrayList<>();

  @Option(
      names = "--duplicates",
      paramLabel = "POLICY",
      description =
          "A file whose content is already stored under another source: KEEP it as a document of"
              + " its own (its chunks copied, nothing embedded; the default) or SKIP it. Either way"
              + " it is reported.")
  private DuplicatePolicy duplicates;

  @Option(
      names = "--chunking",
      paramLabel = "STRATEGY",
      description =
          "SENTENCE (whole sentences up to the budget; the default), SECTION (never across a"
              + " heading) or FIXED (windows of word pieces). Applies to documents stored by this"
              + " run; unchanged files keep their chunks.")
  private ChunkingStrategy chunking;

  @Option(
      names = "--chunk-tokens",
      paramLabel = "N",
      description = "Most word pieces per chunk, 16 to 256 (default 128).")
  private Integer chunkTokens;

  @Option(
      names = "--chunk-overlap",
      paramLabel = "N",
      description = "Word pieces shared by consecutive chunks (default 16).")
  private Integer chunkOverlap;

  @Option(
      names = "--parse-timeout",
      paramLabel = "SECONDS",
      description = "Longest one file's parse may run before it is abandoned (default 60).")
  private Integer parseTimeoutSeconds;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads that parse ahead of the embedding model (default: one per core).")
  private Integer threads;

  @Option(
      names = "--labels",
      paramLabel = "LABEL[,LABEL...]",
      split = ",",
      description = {
        "Access labels of every document of this batch (tenant:a,group:cardiology): a principal",
        "with labels sees a document only when it carries one of them. Default: the labels of",
        "the principal of SOLO_API_KEY (none without security)."
      })
  private List<String> labels = new ArrayList<>();

  @Option(names = "--json", description = "Print the summary as one JSON object.")
  private boolean json;

  @Option(names = "--quiet", description = "No progress on stderr.")
  private boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IngestListener progress =
        Terminal.isInteractive() ? new ProgressBarDisplay() : new ProgressDisplay(err);
    IngestSummary summary;
    try (SoloEngine engine = solo.openEngine(this::configure)) {
      IngestRequest.Builder request =
          IngestRequest.builder()
              .paths(paths)
              .metadata(merged(meta))
              .labels(new java.util.TreeSet<>(labels));
      include.forEach(request::include);
      exclude.forEach(request::exclude);
      if (!quiet) {
        request.listener(progress);
      }
      summary = engine.documents().ingest(request.build());
    } finally {
      if (progress instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          err.println("warning: closing the progress display failed: " + e);
        }
      }
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

  private void configure(EngineConfig.Builder b) {
    if (duplicates != null) {
      b.duplicates(duplicates);
    }
    if (chunking != null) {
      b.chunking(chunking);
    }
    if (chunkTokens != null) {
      b.chunkMaxTokens(chunkTokens);
    }
    if (chunkOverlap != null) {
      b.chunkOverlapTokens(chunkOverlap);
    }
    if (parseTimeoutSeconds != null) {
      if (parseTimeoutSeconds < 1) {
        throw new ParameterException(
            spec.commandLine(), "--parse-timeout must be at least 1 second, got " + parseTimeoutSeconds);
      }
      b.parseTimeout(Duration.ofSeconds(parseTimeoutSeconds));
    }
    if (threads != null) {
      b.parseThreads(threads);
    }
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
    out.printf("Stages: %s%n", stages(s));
    if (s.cachedChunks() > 0) {
      out.printf(
          "From the embedding cache: %d chunks (embedded before with this model)%n",
          s.cachedChunks());
    }
    if (s.truncatedChunks() > 0) {
      out.printf(
          "Truncated chunks: %d (longer than the model's input; only their start was embedded)%n",
          s.truncatedChunks());
    }
    if (!s.duplicates().isEmpty()) {
      out.printf("Duplicates: %d (content already stored under another source)%n",
          s.duplicates().size());
      for (DuplicateFile d : s.duplicates()) {
        out.printf("  %s = %s (%s)%n", Sources.display(d.source()),
            Sources.display(d.originalSource()), d.kept() ? "kept" : "skipped");
      }
    }
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

  private static String stages(IngestSummary s) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<IngestStage, Duration> e : s.stages().entrySet()) {
      if (!b.isEmpty()) {
        b.append(", ");
      }
      b.append(e.getKey().name().toLowerCase(Locale.ROOT))
          .append(String.format(Locale.ROOT, " %.1f s", e.getValue().toNanos() / 1e9));
    }
    return b.toString();
  }

  private static ObjectNode toJson(IngestSummary s) {
    ObjectNode n = Json.object();
    n.put("documents", s.ingested().size());
    n.put("chunks", s.chunks());
    n.put("unchanged", s.unchanged().size());
    n.put("skippedCount", s.skipped().size());
    n.put("duplicateCount", s.duplicates().size());
    n.put("truncatedChunks", s.truncatedChunks());
    n.put("cachedChunks", s.cachedChunks());
    n.put("seconds", s.elapsed().toNanos() / 1e9);
    ObjectNode stages = n.putObject("stageSeconds");
    s.stages().forEach((stage, d) ->
        stages.put(stage.name().toLowerCase(Locale.ROOT), d.toNanos() / 1e9));
    ArrayNode duplicates = n.putArray("duplicates");
    for (DuplicateFile d : s.duplicates()) {
      ObjectNode o = Json.object();
      o.put("source", d.source());
      o.put("originalId", d.originalId());
      o.put("originalSource", d.originalSource());
      o.put("kept", d.kept());
      duplicates.add(o);
    }
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
