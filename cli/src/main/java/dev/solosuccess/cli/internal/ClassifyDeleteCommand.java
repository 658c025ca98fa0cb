package dev.solosuccess.cli.internal;

import dev.solosuccess.engine.SoloEngine;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code solo classify delete}: removes a trained classifier. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete a trained classifier.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
final class ClassifyDeleteCommand implements Callable<Integer> {

  @ParentCommand private ClassifyCommand classify;
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The classifier to delete.")
  private String name;

  @Override
  public Integer call() {
    try (SoloEngine engine = classify.solo().openExistingEngine()) {
      engine.inference().deleteClassifier(name);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Deleted classifier '" + name + "'.");
    out.flush();
    return ExitCodes.OK;
  }
}
