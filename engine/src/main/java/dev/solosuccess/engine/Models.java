package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.DataDirLock;
import dev.solosuccess.engine.internal.model.ModelDescriptor;
import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.engine.internal.store.ModelRecord;
import dev.solosuccess.sdk.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedding models an engine can run: the built-in ones, and user model folders (a {@code
 * solo-model.json} descriptor beside the model and its tokenizer, pinned by SHA-256). Stateless;
 * thread-safe.
 *
 * <pre>{@code
 * Models.pin(Path.of("models/my-minilm"));            // writes the files' SHA-256 into the descriptor
 * EngineConfig config = EngineConfig.builder(dataDir)
 *     .embeddingModel(Path.of("models/my-minilm"))
 *     .build();
 * }</pre>
 */
public final class Models {

  private Models() {}

  /** The built-in models, the default first. */
  public static List<ModelCard> builtIn() {
    return ModelSpec.BUILT_IN.stream().map(Models::card).toList();
  }

  /**
   * A model folder's descriptor, validated; its files are not read (they are checked against their
   * hashes when an engine loads the model).
   *
   * @throws InvalidInputException if the folder has no valid, pinned descriptor
   */
  public static ModelCard describe(Path folder) {
    return card(ModelDescriptor.read(folder));
  }

  /**
   * Computes the SHA-256 of a model folder's model and tokenizer files (and of any other file its
   * descriptor pins) and writes them into its descriptor, keeping its other fields. Run it after
   * creating the descriptor, and again after deliberately replacing a file; a data folder built
   * with the old files must then be re-embedded ({@link SoloEngine#reindex}).
   *
   * @return the model as now pinned
   * @throws InvalidInputException if the descriptor is missing or invalid, or a file is missing
   */
  public static ModelCard pin(Path folder) {
    return card(ModelDescriptor.pin(folder));
  }

  /**
   * The model folders in {@code <dataDir>/models/}, which {@link
   * EngineConfig.Builder#embeddingModel(String)} finds by folder name, in name order. A folder
   * whose descriptor is invalid is left out.
   */
  public static List<ModelCard> inDataFolder(Path dataDir) {
    Path models = dataDir.resolve(EngineConfig.MODELS_FOLDER);
    if (!Files.isDirectory(models)) {
      return List.of();
    }
    List<ModelCard> out = new ArrayList<>();
    try (Stream<Path> list = Files.list(models)) {
      for (Path p : list.sorted().toList()) {
        if (ModelDescriptor.isModelFolder(p)) {
          try {
            out.add(describe(p));
          } catch (InvalidInputException e) {
            System.getLogger(Models.class.getName())
                .log(System.Logger.Level.WARNING, "skipping model folder " + p + ": "
                    + e.getMessage());
          }
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException("cannot list " + models + ": " + e, models.toString(), e);
    }
    return out;
  }

  /**
   * The model a data folder was built with: its id, dimension and, for a user model, its folder
   * and pinned hashes as recorded (the other fields are read from the folder's descriptor when it
   * is still there, else left empty). Empty for a folder with no store. Briefly takes the data
   * folder's lock.
   *
   * @throws dev.solosuccess.sdk.StorageException if an engine has the data folder open
   */
  public static Optional<ModelCard> recorded(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    if (!Files.exists(dir.resolve("meta.mv.db"))) {
      return Optional.empty();
    }
    ModelRecord r;
    try (DataDirLock lock = DataDirLock.acquire(dir);
        MetadataStore store = MetadataStore.open(dir)) {
      Optional<ModelRecord> stored = store.storedModelRecord();
      if (stored.isEmpty()) {
        return Optional.empty();
      }
      r = stored.get();
    }
    if (!r.isFolder()) {
      return ModelSpec.builtIn(r.id()).map(Models::card);
    }
    Path folder = Path.of(r.folder());
    try {
      ModelCard now = describe(folder);
      return Optional.of(
          new ModelCard(
              r.id(), Optional.of(folder), now.format(), r.dimension(), now.maxTokens(),
              now.pooling(), now.queryPrefix(), now.passagePrefix(), r.sha256()));
    } catch (InvalidInputException e) {
      return Optional.of(
          new ModelCard(r.id(), Optional.of(folder), "", r.dimension(), 0, "", "", "", r.sha256()));
    }
  }

  private static ModelCard card(ModelSpec spec) {
    return new ModelCard(
        spec.id(),
        spec.folder().map(f -> f.folder()),
        spec.format().label(),
        spec.dimension(),
        spec.maxTokens(),
        spec.pooling().name().toLowerCase(Locale.ROOT),
        spec.queryPrefix(),
        spec.passagePrefix(),
        spec.folder().map(f -> f.sha256()).orElse(java.util.Map.of()));
  }
}
