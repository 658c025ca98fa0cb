package dev.solosuccess.cli;

import dev.solosuccess.cli.internal.AskCommand;
import dev.solosuccess.cli.internal.AuditCommand;
import dev.solosuccess.cli.internal.BackupCommands;
import dev.solosuccess.cli.internal.ClassifyCommand;
import dev.solosuccess.cli.internal.DecryptCommand;
import dev.solosuccess.cli.internal.DocsCommand;
import dev.solosuccess.cli.internal.EmbedCommand;
import dev.solosuccess.cli.internal.EraseCommand;
import dev.solosuccess.cli.internal.EvalCommand;
import dev.solosuccess.cli.internal.ExitCodes;
import dev.solosuccess.cli.internal.IngestCommand;
import dev.solosuccess.cli.internal.KeysCommand;
import dev.solosuccess.cli.internal.ModelsCommand;
import dev.solosuccess.cli.internal.RedactCommand;
import dev.solosuccess.cli.internal.ReindexCommand;
import dev.solosuccess.cli.internal.SearchCommand;
import dev.solosuccess.cli.internal.ServeCommand;
import dev.solosuccess.cli.internal.SummarizeCommand;
import dev.solosuccess.cli.internal.UsersCommand;
import dev.solosuccess.cli.internal.VersionProvider;
import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.InferenceDevice;
import dev.solosuccess.engine.MasterKey;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.SoloException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code solo}: ingest, search and inspect documents, and embed text, from the shell. Every
 * subcommand opens the engine on {@code --data-dir}, does its work through the public API, and
 * closes it.
 */
@Command(
    name = "solo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "SoloSuccess AI Engine: local document search (BM25, vector, hybrid) and embeddings.",
    subcommands = {
      IngestCommand.class,
      SearchCommand.class,
      DocsCommand.class,
      EmbedCommand.class,
      SummarizeCommand.class,
      AskCommand.class,
      ClassifyCommand.class,
      AuditCommand.class,
      KeysCommand.class,
      UsersCommand.class,
      EraseCommand.class,
      BackupCommands.Backup.class,
      BackupCommands.Restore.class,
      BackupCommands.Verify.class,
      ReindexCommand.class,
      ModelsCommand.class,
      RedactCommand.class,
      EvalCommand.class,
      DecryptCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.OK_LINE,
      ExitCodes.FAILURE_LINE,
      ExitCodes.USAGE_LINE,
      ExitCodes.PARTIAL_LINE,
      ExitCodes.ACCESS_DENIED_LINE
    },
    footer = {"", "Run 'solo <command> --help' for a command's options."})
public final class Solo implements Runnable {

  @Spec private CommandSpec spec;

  private Path dataDir = Path.of("solo-data");
  private boolean dataDirGiven;

  @Option(
      names = "--data-dir",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Data folder (store, index, native libraries). Default: ./solo-data")
  void setDataDir(Path dataDir) {
    this.dataDir = dataDir;
    this.dataDirGiven = true;
  }

  private String model; // null: the data folder's own, or the default for a new one

  @Option(
      names = "--model",
      scope = ScopeType.INHERIT,
      paramLabel = "ID|FOLDER",
      completionCandidates = BuiltInModels.class,
      description = {
        "Embedding model: ${COMPLETION-CANDIDATES}. Or a model folder (solo-model.json,"
            + " model.onnx, tokenizer.json; see 'solo models'), by path or by its name in"
            + " DATA-DIR/models/. Default: the model the data folder was built with; "
            + EngineConfig.DEFAULT_EMBEDDING_MODEL + " for a new folder.",
        "A data folder keeps the model it was built with; naming another is refused"
            + " ('solo reindex --model' re-embeds it)."
      })
  void setModel(String model) {
    this.model = model;
  }

  private InferenceDevice device = InferenceDevice.AUTO;

  @Option(
      names = "--device",
      scope = ScopeType.INHERIT,
      paramLabel = "DEVICE",
      description = {
        "Where the embedding model runs: auto, cpu or cuda. Default: auto (CUDA device 0 when"
            + " ONNX Runtime's GPU build is installed and a device answers, else the CPU)."
      })
  void setDevice(String name) {
    try {
      this.device = InferenceDevice.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--device must be auto, cpu or cuda, got '" + name + "'");
    }
  }

  private boolean batchDependentEmbeddings;

  @Option(
      names = "--batch-dependent-embeddings",
      scope = ScopeType.INHERIT,
      description = {
        "Let int8 models embed texts in shared batches: about 8%% faster, but a text's vector then"
            + " drifts slightly with the texts it shares a batch with. Default: each text alone."
      })
  void setBatchDependentEmbeddings(boolean on) {
    this.batchDependentEmbeddings = on;
  }

  private Path masterKeyFile;

  @Option(
      names = "--master-key-file",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = {
        "The master key of an encrypted data folder: a file holding base64 of 32 random bytes"
            + " (openssl rand -base64 32). Default: the environment variable "
            + MasterKey.ENVIRONMENT_VARIABLE + " when set. A new folder opened with a key is"
            + " encrypted."
      })
  void setMasterKeyFile(Path file) {
    this.masterKeyFile = file;
  }

  /** The environment variable holding the caller's API key. */
  public static final String API_KEY_VARIABLE = "SOLO_API_KEY";

  private Path apiKeyFile;

  @Option(
      names = "--api-key-file",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = {
        "A file holding the API key of the principal to act as, where the data folder's security"
            + " is configured (solo users). Default: the environment variable " + API_KEY_VARIABLE
            + " when set."
      })
  void setApiKeyFile(Path file) {
    this.apiKeyFile = file;
  }

  /**
   * The API key from {@code --api-key-file} or {@value #API_KEY_VARIABLE}; null for none.
   *
   * @throws SoloException if the file cannot be read or is empty (the message never holds a key)
   */
  public String apiKey() {
    if (apiKeyFile != null) {
      try {
        String key = Files.readString(apiKeyFile).strip();
        if (key.isEmpty()) {
          throw new SoloException("the API key file " + apiKeyFile + " is empty");
        }
        return key;
      } catch (java.io.IOException e) {
        throw new SoloException("cannot read the API key file " + apiKeyFile + ": " + e.getClass()
            .getSimpleName());
      }
    }
    String env = System.getenv(API_KEY_VARIABLE);
    return env == null || env.isBlank() ? null : env.strip();
  }

  /** The master key named on the command line or in the environment; null for none. */
  public MasterKey masterKey() {
    if (masterKeyFile != null) {
      return MasterKey.fromFile(masterKeyFile);
    }
    return MasterKey.inEnvironment() ? MasterKey.fromEnvironment() : null;
  }

  /**
   * Sets the engine options every command shares ({@code --device}, {@code
   * --batch-dependent-embeddings}, the master key) on a
   * configuration.
   */
  public void applyEngineOptions(EngineConfig.Builder builder) {
    builder.device(device).deterministicEmbeddings(!batchDependentEmbeddings);
    MasterKey key = masterKey();
    if (key != null) {
      builder.masterKey(key);
    }
    String apiKey = apiKey();
    if (apiKey != null) {
      builder.apiKey(apiKey);
    }
  }

  /** The model named with {@code --model}, as given; null when none was. */
  public String model() {
    return model;
  }

  /**
   * Sets the {@code --model} choice on a configuration: a built-in id, a folder in {@code
   * DATA-DIR/models/} by name, or a model folder's path.
   *
   * @throws CommandLine.ParameterException if it is none of these (exit 2)
   */
  public void applyModel(EngineConfig.Builder builder) {
    if (model == null) {
      return;
    }
    boolean plainName = !model.contains("/") && !model.contains(java.io.File.separator);
    if (EngineConfig.builtInModels().contains(model)) {
      builder.embeddingModel(model);
    } else if (plainName
        && Files.isDirectory(dataDir.resolve(EngineConfig.MODELS_FOLDER).resolve(model))) {
      builder.embeddingModel(model);
    } else if (Files.exists(Path.of(model)) || !plainName) {
      builder.embeddingModel(Path.of(model));
    } else {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--model must be a built-in model (" + String.join(", ", EngineConfig.builtInModels())
              + "), the name of a folder in " + dataDir.resolve(EngineConfig.MODELS_FOLDER)
              + ", or the path of a model folder; got '" + model + "'");
    }
  }

  /** The built-in model ids, for {@code --model}'s help and completion. */
  static final class BuiltInModels implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return EngineConfig.builtInModels().iterator();
    }
  }

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Log the engine's informational messages to stderr.")
  void setVerbose(boolean verbose) {
    Logger.getLogger("").setLevel(verbose ? Level.INFO : Level.WARNING);
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
  }

  /** The data folder chosen on the command line. */
  public Path dataDir() {
    return dataDir;
  }

  /** Whether {@code --data-dir} was given, rather than defaulted. */
  public boolean dataDirGiven() {
    return dataDirGiven;
  }

  /** Opens the engine on the chosen data folder, creating it if needed; the caller closes it. */
  public SoloEngine openEngine() {
    return openEngine(b -> {});
  }

  /**
   * Opens the engine with settings of the command applied to the defaults; the caller closes it.
   *
   * @param settings sets the command's options on the configuration builder
   */
  public SoloEngine openEngine(java.util.function.Consumer<EngineConfig.Builder> settings) {
    EngineConfig.Builder builder = EngineConfig.builder(dataDir);
    applyModel(builder);
    applyEngineOptions(builder);
    settings.accept(builder);
    return SoloEngine.open(builder.build());
  }

  /**
   * Opens the engine on a data folder that must exist already: reading from a mistyped folder
   * should say so, not create an empty one and find nothing.
   *
   * @throws SoloException if there is no data folder there
   */
  public SoloEngine openExistingEngine() {
    return openExistingEngine(b -> {});
  }

  /** {@link #openExistingEngine()} with settings of the command applied. */
  public SoloEngine openExistingEngine(java.util.function.Consumer<EngineConfig.Builder> settings) {
    if (!Files.isDirectory(dataDir) || !Files.exists(dataDir.resolve("meta.mv.db"))) {
      throw new SoloException(
          "no data folder at " + dataDir.toAbsolutePath()
              + "; ingest documents first ('solo ingest PATH'), or pass --data-dir");
    }
    return openEngine(settings);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line wired with the CLI's error handling, writing to the given streams. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Solo());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter w = commandLine.getErr();
          if (e instanceof dev.solosuccess.sdk.AccessDeniedException ade) {
            w.println("error: access denied: " + ade.getMessage());
            w.flush();
            return ExitCodes.ACCESS_DENIED;
          }
          if (e instanceof SoloException se) {
            w.println("error: " + se.getMessage());
          } else if (e instanceof IllegalStateException ise) {
            w.println("error: " + ise.getMessage());
          } else {
            w.println("error: " + e);
            e.printStackTrace(w);
          }
          w.flush();
          return ExitCodes.FAILURE;
        });
    return cl;
  }

  /** Runs {@code solo} with the arguments and exits with its exit code. */
  public static void main(String[] args) {
    Logger.getLogger("").setLevel(Level.WARNING);
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
