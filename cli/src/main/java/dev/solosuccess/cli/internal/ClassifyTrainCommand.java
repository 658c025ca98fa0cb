package dev.solosuccess.cli.internal;

import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.ClassifierReport;
import dev.solosuccess.sdk.ClassifierTraining;
import dev.solosuccess.sdk.LabelMetrics;
import dev.solosuccess.sdk.LabeledText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code solo classify train}: a classifier from labelled examples in a file. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a classifier on labelled examples and keep it in the data folder.",
      "%nThe texts are embedded with the data folder's model and a softmax layer is trained on"
          + " them (with PyTorch, whose native libraries, about 430 MB, are extracted into"
          + " <data>/native on first use). A share of each label's examples is held out first:"
          + " the classifier trained without them is measured on them (accuracy, macro-F1, each"
          + " label's precision, recall and F1); then the kept one is trained on every example."
          + " A classifier of the same name is replaced.",
      "%nFILE is CSV with the columns text,label (a header row is optional; quote fields that"
          + " hold commas, quotes or line breaks, doubling the quotes in them) or JSON lines of"
          + " {\"text\": ..., \"label\": ...}; the extension (.csv, .jsonl, .ndjson, .json)"
          + " decides, else the content."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
final class ClassifyTrainCommand implements Callable<Integer> {

  @ParentCommand private ClassifyCommand classify;
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The labelled examples, CSV or JSON lines.")
  private Path file;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      defaultValue = ClassifierTraining.DEFAULT_NAME,
      description = "The classifier's name: a-z, 0-9, '_' and '-' (default ${DEFAULT-VALUE}).")
  private String name;

  @Option(
      names = "--test-fraction",
      paramLabel = "F",
      defaultValue = "0.2",
      description = "Share of each label's examples held out to measure, (0, 0.5] (default"
          + " ${DEFAULT-VALUE}).")
  private double testFraction;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "" + ClassifierTraining.DEFAULT_EPOCHS,
      description = "Passes over the examples (default ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + ClassifierTraining.DEFAULT_SEED,
      description = "Seed of the held-out split and the example order (default ${DEFAULT-VALUE});"
          + " the same file and seed train the same classifier.")
  private long seed;

  @Option(names = "--json", description = "Print the report as JSON (see 'classify list --json').")
  private boolean json;

  @Override
  public Integer call() {
    List<LabeledText> examples = LabeledTextFile.read(file);
    ClassifierTraining training =
        ClassifierTraining.builder(name, examples)
            .testFraction(testFraction)
            .epochs(epochs)
            .seed(seed)
            .build();
    ClassifierReport r;
    try (SoloEngine engine = classify.solo().openEngine()) {
      r = engine.inference().trainClassifier(training);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(Json.classifier(r)));
    } else {
      out.printf(
          Locale.ROOT,
          "Trained classifier '%s' on %d examples, %d labels (embeddings of %s).%n",
          r.name(), r.examples(), r.labels().size(), r.embeddingModel());
      out.printf(
          Locale.ROOT,
          "Held out %d examples: accuracy %.3f, macro-F1 %.3f (trained on the other %d).%n",
          r.heldOutExamples(), r.accuracy(), r.macroF1(), r.trainExamples());
      printPerLabel(out, r);
    }
    out.flush();
    return ExitCodes.OK;
  }

  static void printPerLabel(PrintWriter out, ClassifierReport r) {
    int width = Math.max(5, r.labels().stream().mapToInt(String::length).max().orElse(5));
    out.printf(Locale.ROOT, "  %-" + width + "s  precision  recall  f1     held out%n", "label");
    for (LabelMetrics m : r.perLabel()) {
      out.printf(
          Locale.ROOT,
          "  %-" + width + "s  %.3f      %.3f   %.3f  %d%n",
          m.label(), m.precision(), m.recall(), m.f1(), m.support());
    }
  }
}
