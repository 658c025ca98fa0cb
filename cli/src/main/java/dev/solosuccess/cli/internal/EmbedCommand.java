package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo embed}: vectors of the engine's embedding model. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Embed text with the engine's model (--model; 384 dimensions, unit length).",
      "Texts are embedded as passages, as the engine stores chunks; --query embeds them as",
      "search queries (with the model's query prefix: bge-small-en-v1.5-q and e5-small-v2-q).",
      "With --input, every line of the file is one text, and the output is JSON lines:",
      "one {\"embedding\": [...]} per input line, in order. Blank lines are refused."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
public final class EmbedCommand implements Callable<Integer> {

  /** Lines embedded per call: large enough for full batches, small enough to stream. */
  private static final int LINES_PER_CALL = 256;

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  private Input input;

  static final class Input {
    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The text to embed.")
    List<String> text;

    @Option(
        names = "--input",
        paramLabel = "FILE",
        description = "Embed each line of FILE ('-' for standard input).")
    Path file;
  }

  @Option(names = "--json", description = "Print {\"model\", \"dimension\", \"embedding\"}.")
  private boolean json;

  @Option(
      names = "--query",
      description = "Embed as a search query, not a passage (the model's query prefix is added).")
  private boolean query;

  @Override
  public Integer call() throws IOException {
    EmbeddingKind kind = query ? EmbeddingKind.QUERY : EmbeddingKind.PASSAGE;
    PrintWriter out = spec.commandLine().getOut();
    if (input.file != null) {
      List<String> lines = readLines(input.file);
      try (SoloEngine engine = solo.openEngine()) {
        for (int start = 0; start < lines.size(); start += LINES_PER_CALL) {
          List<String> part = lines.subList(start, Math.min(lines.size(), start + LINES_PER_CALL));
          for (Embedding e : engine.inference().embedAll(part, kind)) {
            ObjectNode n = Json.object();
            n.set("embedding", Json.vector(e.vector()));
            out.println(Json.write(n));
          }
          out.flush();
        }
      }
      return ExitCodes.OK;
    }
    Embedding e;
    try (SoloEngine engine = solo.openEngine()) {
      e = engine.inference().embed(String.join(" ", input.text), kind);
    }
    if (json) {
      ObjectNode n = Json.object();
      n.put("model", e.model());
      n.put("dimension", e.dimension());
      n.put("kind", kind.name().toLowerCase(Locale.ROOT));
      n.set("embedding", Json.vector(e.vector()));
      out.println(Json.write(n));
    } else {
      out.printf("%s, %d dimensions:%n", e.model(), e.dimension());
      StringBuilder b = new StringBuilder();
      for (float x : e.vector()) {
        b.append(b.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.6f", x));
      }
      out.println(b);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Every line, checked before anything is embedded, so a bad line costs no partial output. */
  private List<String> readLines(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        "-".equals(file.toString())
            ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
            : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          throw new InvalidInputException(
              "line " + (lines.size() + 1) + " of " + file + " is blank; every line must hold a text");
        }
        lines.add(line);
      }
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("no such file: " + file);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (lines.isEmpty()) {
      throw new InvalidInputException(file + " holds no lines to embed");
    }
    return lines;
  }
}
