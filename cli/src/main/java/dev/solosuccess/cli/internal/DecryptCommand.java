package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.ExportFiles;
import dev.solosuccess.engine.MasterKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code solo decrypt FILE}: the plain content of a file the engine sealed for export (the run
 * files of {@code solo eval} under a master key). Needs no data folder.
 */
@Command(
    name = "decrypt",
    mixinStandardHelpOptions = true,
    description = {
      "Print the plain content of a file the engine sealed with AES-256-GCM for export (the run"
          + " files 'solo eval' writes when a master key is configured).",
      "The key comes from --master-key-file or SOLO_MASTER_KEY. A plain file is printed as it is."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
public final class DecryptCommand implements Callable<Integer> {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A sealed file.")
  private Path file;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "Write the plain content to OUT instead of standard output.")
  private Path output;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    Optional<MasterKey> key = Optional.ofNullable(solo.masterKey());
    try (InputStream in = ExportFiles.open(file, key)) {
      if (output == null) {
        // Exported files are UTF-8 text (run files); through the command's writer, tests see it.
        PrintWriter w = spec.commandLine().getOut();
        w.write(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        w.flush();
      } else {
        try (OutputStream out = Files.newOutputStream(output)) {
          in.transferTo(out);
        }
      }
    }
    return ExitCodes.OK;
  }
}
