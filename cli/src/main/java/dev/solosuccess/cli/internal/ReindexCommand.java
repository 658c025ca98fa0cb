package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.ReindexListener;
import dev.solosuccess.engine.ReindexSummary;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.SoloException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo reindex --model X}: re-embed a data folder with another model. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Re-embed every stored chunk with the model named by --model (required), from the stored"
          + " chunk text: nothing is parsed again. The data folder then records the new model,"
          + " and its search index is rebuilt.",
      "Chunks whose vectors the embedding cache holds for that model are not embedded again,"
          + " so going back to a previous model, or resuming an interrupted run, is quick.",
      "Crash-safe: until the last step the data folder keeps its old model; interrupted, it"
          + " opens with the old model or the new, never a mix. Chunks keep the boundaries cut"
          + " for the old model: longer than the new model's input, they are truncated (and"
          + " counted)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
public final class ReindexCommand implements Callable<Integer> {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "Print the summary as one JSON object.")
  private boolean json;

  @Option(names = "--quiet", description = "No progress on stderr.")
  private boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (solo.model() == null) {
      throw new ParameterException(
          spec.commandLine(),
          "reindex needs the model to re-embed with: solo reindex --model ID|FOLDER");
    }
    if (!Files.exists(solo.dataDir().resolve("meta.mv.db"))) {
      throw new SoloException(
          "no data folder at " + solo.dataDir().toAbsolutePath() + "; pass --data-dir");
    }
    EngineConfig.Builder builder = EngineConfig.builder(solo.dataDir());
    solo.applyModel(builder);
    solo.applyEngineOptions(builder);
    ReindexListener progress =
        quiet
            ? ReindexListener.NONE
            : Terminal.isInteractive() ? new ReindexProgressBar() : new ReindexProgressLines(err);
    ReindexSummary summary;
    try {
      summary = SoloEngine.reindex(builder.build(), progress);
    } finally {
      if (progress instanceof ReindexProgressBar bar) {
        bar.close();
      }
    }
    if (json) {
      out.println(Json.write(toJson(summary)));
    } else {
      print(out, summary);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, ReindexSummary s) {
    if (!s.reembedded()) {
      out.printf(
          "The data folder already uses %s; nothing to re-embed.%n", s.toModel());
      return;
    }
    double seconds = s.elapsed().toNanos() / 1e9;
    out.printf(
        "Re-embedded %d chunks of %d %s with %s (was %s) in %.1f s: %.1f chunks/s%n",
        s.chunks(),
        s.documents(),
        s.documents() == 1 ? "document" : "documents",
        s.toModel(),
        s.fromModel(),
        seconds,
        s.chunks() / Math.max(seconds, 1e-9));
    if (s.cachedChunks() > 0) {
      out.printf("From the embedding cache: %d chunks%n", s.cachedChunks());
    }
    if (s.truncatedChunks() > 0) {
      out.printf(
          "Truncated chunks: %d (longer than %s's input; only their start was embedded;"
              + " re-ingest the documents to cut chunks for it)%n",
          s.truncatedChunks(), s.toModel());
    }
  }

  private static ObjectNode toJson(ReindexSummary s) {
    ObjectNode n = Json.object();
    n.put("reembedded", s.reembedded());
    n.put("fromModel", s.fromModel());
    n.put("fromDimension", s.fromDimension());
    n.put("toModel", s.toModel());
    n.put("toDimension", s.toDimension());
    n.put("documents", s.documents());
    n.put("chunks", s.chunks());
    n.put("cachedChunks", s.cachedChunks());
    n.put("truncatedChunks", s.truncatedChunks());
    n.put("seconds", s.elapsed().toNanos() / 1e9);
    return n;
  }
}
