package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.LabelScore;
import dev.solosuccess.sdk.ZeroShotResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
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

/** {@code solo classify}: labels for text. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description =
        "Label text: with a classifier trained on your labelled examples (train, predict, list,"
            + " delete), or without training, from label descriptions (zero-shot).",
    subcommands = {
      ClassifyTrainCommand.class,
      ClassifyPredictCommand.class,
      ClassifyListCommand.class,
      ClassifyDeleteCommand.class,
      ClassifyCommand.ZeroShot.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
public final class ClassifyCommand implements Runnable {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The {@code solo} command, for the subcommands' engine. */
  Solo solo() {
    return solo;
  }

  /** {@code solo classify zero-shot}. */
  @Command(
      name = "zero-shot",
      mixinStandardHelpOptions = true,
      description = {
        "Rank labels for a text without training, by label descriptions.",
        "%nEach label has a description, and labels are ranked by the similarity of its embedding"
            + " to the text's. Prints each label's score and the margin between the best two (a"
            + " small margin: the text fits both)."
      })
  static final class ZeroShot implements Callable<Integer> {
    @ParentCommand private ClassifyCommand classify;
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "TEXT", description = "The text to label.")
    private String text;

    @Option(
        names = {"-l", "--label"},
        paramLabel = "NAME=DESCRIPTION",
        required = true,
        description =
            "A label and what texts of it are about (repeatable, at least two), e.g."
                + " --label 'refund=a customer asking for their money back'.")
    private java.util.List<String> labels;

    @Option(names = "--json", description = "Print {best, margin, scores: [{label, score}]}.")
    private boolean json;

    @Override
    public Integer call() {
      Map<String, String> descriptions = new LinkedHashMap<>();
      for (String l : labels) {
        int eq = l.indexOf('=');
        if (eq <= 0) {
          throw new ParameterException(
              spec.commandLine(), "--label must be NAME=DESCRIPTION, got '" + l + "'");
        }
        descriptions.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
      }
      ZeroShotResult r;
      try (SoloEngine engine = classify.solo.openEngine()) {
        r = engine.inference().classifyZeroShot(text, descriptions);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode n = Json.object();
        n.put("best", r.best().label());
        n.put("margin", r.margin());
        ArrayNode a = n.putArray("scores");
        for (LabelScore s : r.scores()) {
          ObjectNode o = Json.object();
          o.put("label", s.label());
          o.put("score", s.score());
          a.add(o);
        }
        out.println(Json.write(n));
      } else {
        for (LabelScore s : r.scores()) {
          out.printf(Locale.ROOT, "%.4f  %s%n", s.score(), s.label());
        }
        out.printf(Locale.ROOT, "margin %.4f%n", r.margin());
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
