package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.BackupReceipt;
import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.engine.VerifyReport;
import java.io.PrintWriter;
import java.nio.file.Path;
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

/** {@code solo backup}, {@code solo restore} and {@code solo verify}. */
public final class BackupCommands {

  private BackupCommands() {}

  /** {@code solo backup DEST}. */
  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description = {
        "Back up the data folder into DEST (new or empty) while it stays usable: a consistent",
        "copy of the store (encrypted if the folder is), the index's last commit, the key file,",
        "and a manifest; everything forced to disk. A restored folder's index catches up from",
        "the store when it first opens."
      })
  public static final class Backup implements Callable<Integer> {
    @ParentCommand private Solo solo;
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "DEST", description = "The backup folder to create.")
    private Path dest;

    @Option(names = "--json", description = "Print {folder, documents, sequence, bytes, ...}.")
    private boolean json;

    @Override
    public Integer call() {
      BackupReceipt r;
      try (SoloEngine engine = solo.openExistingEngine()) {
        r = engine.backup(dest);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode n = Json.object();
        n.put("folder", r.folder().toString());
        n.put("documents", r.documents());
        n.put("sequence", r.sequence());
        n.put("bytes", r.bytes());
        n.put("encrypted", r.encrypted());
        n.put("sha256", r.sha256());
        n.put("seconds", r.took().toMillis() / 1000.0);
        out.println(Json.write(n));
      } else {
        out.printf(Locale.ROOT, "Backed up %d documents (%,d bytes%s) to %s in %.1f s%n",
            r.documents(), r.bytes(), r.encrypted() ? ", encrypted" : "", r.folder(),
            r.took().toMillis() / 1000.0);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code solo restore BACKUP}. */
  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = {
        "Restore a backup into the data folder named by --data-dir, which must be new or empty.",
        "The store copy is checked against the backup's manifest first. An encrypted folder's",
        "backup needs its master key (--master-key-file or SOLO_MASTER_KEY)."
      })
  public static final class Restore implements Callable<Integer> {
    @ParentCommand private Solo solo;
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "BACKUP", description = "A folder written by 'solo backup'.")
    private Path backup;

    @Override
    public Integer call() {
      EngineConfig.Builder b = EngineConfig.builder(solo.dataDir());
      solo.applyEngineOptions(b); // the master key of an encrypted backup
      SoloEngine.restore(backup, b.build());
      PrintWriter out = spec.commandLine().getOut();
      out.println("Restored " + backup + " into " + solo.dataDir()
          + "; its index is rebuilt when it first opens.");
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code solo verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check the data folder (closed): the store opens and is read, Lucene's CheckIndex reads",
        "every index file and compares checksums, and the index agrees with the store."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:No problem found.",
        "1:A problem was found (each is printed), or the folder cannot be read.",
        "2:Usage error."
      })
  public static final class Verify implements Callable<Integer> {
    @ParentCommand private Solo solo;
    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "Print {ok, documents, storeChunks, ... problems}.")
    private boolean json;

    @Override
    public Integer call() {
      EngineConfig.Builder b = EngineConfig.builder(solo.dataDir());
      solo.applyEngineOptions(b);
      VerifyReport r = SoloEngine.verify(b.build());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode n = Json.object();
        n.put("ok", r.ok());
        n.put("documents", r.documents());
        n.put("storeChunks", r.storeChunks());
        n.put("storeSequence", r.storeSequence());
        n.put("indexChunks", r.indexChunks());
        n.put("indexSequence", r.indexSequence());
        n.put("indexSegments", r.indexSegments());
        ArrayNode p = n.putArray("problems");
        r.problems().forEach(p::add);
        out.println(Json.write(n));
      } else if (r.ok()) {
        out.printf(Locale.ROOT,
            "OK: %d documents, %d chunks in the store and the index (%d segments), change %d%n",
            r.documents(), r.storeChunks(), r.indexSegments(), r.storeSequence());
      } else {
        out.println("Problems found:");
        r.problems().forEach(p -> out.println("  - " + p));
      }
      out.flush();
      return r.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }
}
