package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.ModelCard;
import dev.solosuccess.engine.Models;
import dev.solosuccess.sdk.StorageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo models}: the embedding models, and pinning a user model folder. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = {
      "Embedding models: the built-in ones, and user model folders.",
      "A model folder holds model.onnx, tokenizer.json and solo-model.json, a descriptor:",
      "  {\"id\": \"my-model\", \"format\": \"onnx\", \"dimension\": 384, \"maxTokens\": 256,",
      "   \"pooling\": \"mean\", \"normalize\": true, \"queryPrefix\": \"\", \"passagePrefix\": \"\"}",
      "'solo models pin FOLDER' adds the SHA-256 of its files; a file that changes afterwards is"
          + " refused. Use a folder with --model FOLDER, or put it in DATA-DIR/models/NAME and use"
          + " --model NAME."
    },
    subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Pin.class})
public final class ModelsCommand implements Runnable {

  @ParentCommand Solo solo;
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code solo models list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the built-in models, the model folders in DATA-DIR/models/, and the model the data"
            + " folder was built with (marked *)."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
  static final class ListModels implements Callable<Integer> {

    @ParentCommand private ModelsCommand models;
    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    private boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path dataDir = models.solo.dataDir();
      List<ModelCard> builtIn = Models.builtIn();
      List<ModelCard> folders = Models.inDataFolder(dataDir);
      Optional<ModelCard> inUse;
      try {
        inUse = Models.recorded(dataDir);
      } catch (StorageException e) {
        err.println("warning: cannot read the data folder's model: " + e.getMessage());
        inUse = Optional.empty();
      }
      if (json) {
        ObjectNode n = Json.object();
        ArrayNode b = n.putArray("builtIn");
        builtIn.forEach(m -> b.add(card(m)));
        ArrayNode f = n.putArray("dataFolderModels");
        folders.forEach(m -> f.add(card(m)));
        if (inUse.isPresent()) {
          n.set("dataFolderModel", card(inUse.get()));
        } else {
          n.putNull("dataFolderModel");
        }
        out.println(Json.write(n));
        out.flush();
        return ExitCodes.OK;
      }
      out.println("Built-in models:");
      for (ModelCard m : builtIn) {
        line(out, m, inUse, m.id().equals(EngineConfig.DEFAULT_EMBEDDING_MODEL) ? "default" : "");
      }
      out.println("Model folders in " + dataDir.resolve(EngineConfig.MODELS_FOLDER) + ":");
      if (folders.isEmpty()) {
        out.println("  (none)");
      }
      for (ModelCard m : folders) {
        line(out, m, inUse, m.folder().map(Path::toString).orElse(""));
      }
      if (inUse.isPresent()) {
        ModelCard m = inUse.get();
        out.println(
            "The data folder was built with " + m.id()
                + m.folder().map(f -> " (" + f + ")").orElse(" (built-in)"));
      } else {
        out.println("The data folder has no model yet (" + EngineConfig.DEFAULT_EMBEDDING_MODEL
            + " unless --model says otherwise).");
      }
      out.flush();
      return ExitCodes.OK;
    }

    private static void line(PrintWriter out, ModelCard m, Optional<ModelCard> inUse, String note) {
      boolean used =
          inUse.isPresent()
              && inUse.get().id().equals(m.id())
              && inUse.get().folder().equals(m.folder());
      out.printf(
          "%s %-22s %4d dims  %5d tokens  %-4s %s%s%n",
          used ? "*" : " ",
          m.id(),
          m.dimension(),
          m.maxTokens(),
          m.pooling(),
          prefixes(m),
          note.isEmpty() ? "" : "  " + note);
    }

    private static String prefixes(ModelCard m) {
      if (m.queryPrefix().isEmpty() && m.passagePrefix().isEmpty()) {
        return "";
      }
      return "query \"" + m.queryPrefix() + "\" passage \"" + m.passagePrefix() + "\"";
    }
  }

  /** {@code solo models pin FOLDER}. */
  @Command(
      name = "pin",
      mixinStandardHelpOptions = true,
      description = {
        "Write the SHA-256 of a model folder's model and tokenizer files into its"
            + " solo-model.json, keeping its other fields. Run it after creating the descriptor,"
            + " and after deliberately replacing a file (then re-embed data folders built with"
            + " the old one: solo reindex --model FOLDER)."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
  static final class Pin implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "FOLDER", description = "The model folder.")
    private Path folder;

    @Option(names = "--json", description = "Print the pinned model as one JSON object.")
    private boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      ModelCard m = Models.pin(folder);
      if (json) {
        out.println(Json.write(card(m)));
      } else {
        out.println("Pinned " + m.id() + " in " + m.folder().orElseThrow() + ":");
        m.sha256().entrySet().stream()
            .sorted(java.util.Map.Entry.comparingByKey())
            .forEach(e -> out.printf("  %-16s sha256 %s%n", e.getKey(), e.getValue()));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  static ObjectNode card(ModelCard m) {
    ObjectNode n = Json.object();
    n.put("id", m.id());
    n.put("builtIn", m.builtIn());
    if (m.folder().isPresent()) {
      n.put("folder", m.folder().get().toString());
    } else {
      n.putNull("folder");
    }
    n.put("format", m.format());
    n.put("dimension", m.dimension());
    n.put("maxTokens", m.maxTokens());
    n.put("pooling", m.pooling());
    n.put("queryPrefix", m.queryPrefix());
    n.put("passagePrefix", m.passagePrefix());
    ObjectNode sha = n.putObject("sha256");
    m.sha256().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> sha.put(e.getKey(), e.getValue()));
    return n;
  }
}
