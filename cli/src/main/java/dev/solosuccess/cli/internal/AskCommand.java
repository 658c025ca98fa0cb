package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.LlmFallback;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Answer;
import dev.solosuccess.sdk.AnswerOptions;
import dev.solosuccess.sdk.Citation;
import dev.solosuccess.sdk.Generation;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.SearchFilter;
import dev.solosuccess.sdk.SoloException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo ask}: answers questions from the ingested documents, with citations. */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = {
      "Answer a question from the ingested documents: the sentences that best support it, each"
          + " cited with its document, chunk, page and offsets, and a confidence from 0 to 1.",
      "With --llm-url and --llm-allow-host, a chat model (OpenAI-compatible) writes the answer"
          + " when the confidence is under the threshold, from the redacted, numbered chunks.",
      "--input FILE answers one question a line (blank lines and # comments skipped); with"
          + " --json, one JSON object a line."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.OK_LINE,
      ExitCodes.FAILURE_LINE,
      ExitCodes.USAGE_LINE,
      "3:Partial: some questions of --input failed (each says why)."
    })
public final class AskCommand implements Callable<Integer> {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question.")
  private List<String> question = new ArrayList<>();

  @Option(names = "--input", paramLabel = "FILE", description = "Answer each line of FILE.")
  private Path input;

  @Option(names = "--json", description = "Print JSON: one object per question, one a line.")
  private boolean json;

  @Option(
      names = "--chunks",
      paramLabel = "N",
      description = "Chunks retrieved as context, 1 to 20 (default ${DEFAULT-VALUE}).")
  private int chunks = AnswerOptions.DEFAULT_CHUNKS;

  @Option(
      names = "--sentences",
      paramLabel = "N",
      description = "Most sentences of a local answer, 1 to 10 (default ${DEFAULT-VALUE}).")
  private int sentences = AnswerOptions.DEFAULT_SENTENCES;

  @Option(
      names = "--threshold",
      paramLabel = "X",
      description = "Confidence under which the chat model answers (default ${DEFAULT-VALUE}).")
  private double threshold = AnswerOptions.DEFAULT_THRESHOLD;

  @Option(
      names = "--generation",
      paramLabel = "WHEN",
      description = "never, when_unsure or always (default ${DEFAULT-VALUE}); needs --llm-url.")
  private Generation generation = Generation.WHEN_UNSURE;

  @Option(
      names = "--filter",
      paramLabel = "EXPR",
      converter = Converters.FilterExpression.class,
      description = "Only chunks of documents whose metadata matches (as in 'solo search').")
  private List<SearchFilter> filter = new ArrayList<>();

  @Mixin private LlmOptions llm = new LlmOptions();

  @Override
  public Integer call() {
    if (question.isEmpty() == (input == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give either a QUESTION or --input FILE");
    }
    List<String> questions = input == null ? List.of(String.join(" ", question)) : read(input);
    AnswerOptions options =
        AnswerOptions.builder()
            .chunks(chunks)
            .sentences(sentences)
            .threshold(threshold)
            .generation(generation)
            .filter(filter.stream().reduce(SearchFilter.none(), SearchFilter::and))
            .build();
    LlmFallback fallback = llm.fallback(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    try (SoloEngine engine = solo.openExistingEngine(b -> b.llmFallback(fallback))) {
      for (String q : questions) {
        try {
          Answer a = engine.inference().answer(q, options);
          if (json) {
            out.println(Json.write(toJson(a)));
          } else {
            print(out, a, input != null);
          }
        } catch (SoloException e) {
          if (input == null) {
            throw e;
          }
          failed++;
          if (json) {
            ObjectNode n = Json.object();
            n.put("question", q);
            n.put("error", e.code());
            n.put("message", e.getMessage());
            out.println(Json.write(n));
          } else {
            err.println("error: " + q + ": " + e.getMessage());
          }
        }
        out.flush();
      }
    }
    err.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new InvalidInputException("cannot read questions from " + file + ": " + e.getMessage());
    }
  }

  static ObjectNode toJson(Answer a) {
    ObjectNode n = Json.object();
    n.put("question", a.question());
    n.put("text", a.text());
    n.put("confidence", a.confidence());
    n.put("generated", a.generated());
    if (a.model() == null) {
      n.putNull("model");
    } else {
      n.put("model", a.model());
    }
    ArrayNode cites = n.putArray("citations");
    for (Citation c : a.citations()) {
      ObjectNode o = Json.object();
      o.put("marker", c.marker());
      o.put("documentId", c.documentId());
      o.put("source", c.source());
      o.put("chunkId", c.chunkId());
      Json.provenance(o, c.provenance());
      o.put("text", c.text());
      cites.add(o);
    }
    return n;
  }

  private static void print(PrintWriter out, Answer a, boolean withQuestion) {
    if (withQuestion) {
      out.println("Q: " + a.question());
    }
    if (a.text().isEmpty()) {
      out.println("No answer: nothing relevant was found.");
      return;
    }
    out.println(a.text().replaceAll("\\s+", " "));
    for (Citation c : a.citations()) {
      out.printf(Locale.ROOT, "  [%d] %s%s [%d..%d]%n", c.marker(), c.source(),
          c.provenance().hasPage() ? " p." + c.provenance().page() : "",
          c.provenance().startOffset(), c.provenance().endOffset());
    }
    out.printf(Locale.ROOT, "confidence %.2f, %s%n", a.confidence(),
        a.generated() ? "written by " + a.model() : "extractive");
    if (withQuestion) {
      out.println();
    }
  }
}
