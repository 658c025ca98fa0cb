package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Summary;
import dev.solosuccess.sdk.SummarySentence;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo summarize}: an extractive summary of a stored document. */
@Command(
    name = "summarize",
    mixinStandardHelpOptions = true,
    description = {
      "Summarize a stored document with its most central sentences, in document order.",
      "Each sentence is printed with its character offsets in the document's extracted text."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
public final class SummarizeCommand implements Callable<Integer> {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The document id (see 'solo docs list').")
  private String id;

  @Option(
      names = {"-n", "--sentences"},
      paramLabel = "N",
      defaultValue = "3",
      description = "Sentences to pick, 1 to 50 (default ${DEFAULT-VALUE}).")
  private int sentences;

  @Option(names = "--json", description = "Print {documentId, candidates, sentences: [...]}.")
  private boolean json;

  @Override
  public Integer call() {
    Summary summary;
    try (SoloEngine engine = solo.openExistingEngine()) {
      summary = engine.inference().summarize(id, sentences);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode n = Json.object();
      n.put("documentId", summary.documentId());
      n.put("candidates", summary.candidates());
      ArrayNode a = n.putArray("sentences");
      for (SummarySentence s : summary.sentences()) {
        ObjectNode o = Json.object();
        o.put("text", s.text());
        o.put("startOffset", s.startOffset());
        o.put("endOffset", s.endOffset());
        o.put("score", s.score());
        a.add(o);
      }
      out.println(Json.write(n));
    } else if (summary.sentences().isEmpty()) {
      out.println("Document " + id + " has no sentence of five words or more to summarize.");
    } else {
      for (SummarySentence s : summary.sentences()) {
        out.printf(Locale.ROOT, "[%d..%d] %s%n", s.startOffset(), s.endOffset(),
            s.text().replaceAll("\\s+", " "));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
