package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.MasterKey;
import dev.solosuccess.engine.SoloEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code solo keys}: the master key of an encrypted data folder. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Manage the master key of an encrypted data folder.",
    subcommands = {KeysCommand.Rotate.class})
public final class KeysCommand implements Runnable {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code solo keys rotate}. */
  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = {
        "Rewrap the data folder's data keys under a new master key (the folder must not be open",
        "elsewhere). The current key comes from --master-key-file or SOLO_MASTER_KEY; afterwards",
        "only the new key opens the folder. With --reencrypt the data is first rewritten under",
        "fresh data keys (the store now, the index when the folder next opens)."
      })
  static final class Rotate implements Callable<Integer> {
    @ParentCommand private KeysCommand keys;
    @Spec private CommandSpec spec;

    @Option(
        names = "--new-master-key-file",
        paramLabel = "FILE",
        description = "The new master key: base64 of 32 random bytes.")
    private Path newKeyFile;

    @Option(
        names = "--reencrypt",
        description = "Also rewrite the data under fresh data keys.")
    private boolean reencrypt;

    @Override
    public Integer call() {
      MasterKey current = keys.solo.masterKey();
      if (current == null) {
        throw new ParameterException(
            spec.commandLine(),
            "give the current master key with --master-key-file or "
                + MasterKey.ENVIRONMENT_VARIABLE);
      }
      if (newKeyFile == null && !reencrypt) {
        throw new ParameterException(
            spec.commandLine(), "give --new-master-key-file FILE, --reencrypt, or both");
      }
      EngineConfig config = EngineConfig.builder(keys.solo.dataDir()).masterKey(current).build();
      PrintWriter out = spec.commandLine().getOut();
      if (reencrypt) {
        SoloEngine.reencrypt(config);
        out.println("Re-encrypted the data folder " + keys.solo.dataDir()
            + " under fresh data keys.");
      }
      if (newKeyFile != null) {
        SoloEngine.rotateMasterKey(config, MasterKey.fromFile(newKeyFile));
        out.println(
            "Rotated: the data folder " + keys.solo.dataDir() + " now opens with the key in "
                + newKeyFile + " only.");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
