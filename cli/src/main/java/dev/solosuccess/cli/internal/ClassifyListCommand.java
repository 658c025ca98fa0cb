package dev.solosuccess.cli.internal;

import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.ClassifierReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo classify list}: the trained classifiers and what they measured. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the trained classifiers with their labels and held-out scores.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
final class ClassifyListCommand implements Callable<Integer> {

  @ParentCommand private ClassifyCommand classify;
  @Spec private CommandSpec spec;

  @Option(
      names = "--json",
      description =
          "Print {classifiers: [{name, embeddingModel, labels, examples, trainExamples,"
              + " heldOutExamples, accuracy, macroF1, perLabel, epochs, createdAt}]}.")
  private boolean json;

  @Override
  public Integer call() {
    List<ClassifierReport> all;
    try (SoloEngine engine = classify.solo().openExistingEngine()) {
      all = engine.inference().classifiers();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode n = Json.object();
      ArrayNode a = n.putArray("classifiers");
      all.forEach(r -> a.add(Json.classifier(r)));
      out.println(Json.write(n));
    } else if (all.isEmpty()) {
      out.println("No classifiers; train one with 'solo classify train FILE'.");
    } else {
      for (ClassifierReport r : all) {
        out.printf(
            Locale.ROOT,
            "%s  %d labels, %d examples, accuracy %.3f, macro-F1 %.3f, %s, %s%n",
            r.name(), r.labels().size(), r.examples(), r.accuracy(), r.macroF1(),
            r.embeddingModel(), r.createdAt());
        out.println("  labels: " + String.join(", ", r.labels()));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
