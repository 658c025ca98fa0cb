package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code solo eval}: retrieval quality on a public test collection. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Measure search quality on a test collection (beir).",
    subcommands = {EvalBeirCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
public final class EvalCommand implements Runnable {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The {@code solo} command, for the subcommands' options. */
  Solo solo() {
    return solo;
  }
}
