package dev.solosuccess.cli.internal;

import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Classification;
import dev.solosuccess.sdk.ClassifierTraining;
import dev.solosuccess.sdk.LabelScore;
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

/** {@code solo classify predict}: a trained classifier's labels for a text. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description =
        "Label a text with a trained classifier: every label with its probability, most probable"
            + " first.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
final class ClassifyPredictCommand implements Callable<Integer> {

  @ParentCommand private ClassifyCommand classify;
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "TEXT", description = "The text to label.")
  private String text;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      defaultValue = ClassifierTraining.DEFAULT_NAME,
      description = "The classifier (default ${DEFAULT-VALUE}; see 'solo classify list').")
  private String name;

  @Option(
      names = "--json",
      description = "Print {classifier, best, scores: [{label, probability}]}.")
  private boolean json;

  @Override
  public Integer call() {
    Classification c;
    try (SoloEngine engine = classify.solo().openExistingEngine()) {
      c = engine.inference().classify(name, text);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode n = Json.object();
      n.put("classifier", c.classifier());
      n.put("best", c.best().label());
      ArrayNode a = n.putArray("scores");
      for (LabelScore s : c.scores()) {
        ObjectNode o = a.addObject();
        o.put("label", s.label());
        o.put("probability", s.score());
      }
      out.println(Json.write(n));
    } else {
      for (LabelScore s : c.scores()) {
        out.printf(Locale.ROOT, "%.4f  %s%n", s.score(), s.label());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
