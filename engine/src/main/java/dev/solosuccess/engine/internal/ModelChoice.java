package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.internal.model.ModelDescriptor;
import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.engine.internal.store.ModelRecord;
import dev.solosuccess.sdk.InvalidInputException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which embedding model an engine runs: the one the configuration names (a built-in id or a model
 * folder), else the one the data folder was built with (found again in its recorded folder for a
 * user model), else the default. Stateless.
 */
public final class ModelChoice {

  private ModelChoice() {}

  /** The model the configuration names, if it names one. */
  public static Optional<ModelSpec> named(EngineConfig config) {
    if (config.embeddingModelFolder().isPresent()) {
      return Optional.of(ModelDescriptor.read(config.embeddingModelFolder().get()));
    }
    return config.embeddingModel().map(id -> ModelSpec.builtIn(id).orElseThrow());
  }

  /**
   * The model to open the data folder with.
   *
   * @throws InvalidInputException if the data folder's model is not available
   */
  public static ModelSpec forOpen(EngineConfig config, MetadataStore store) {
    Optional<ModelSpec> named = named(config);
    if (named.isPresent()) {
      return named.get();
    }
    Optional<ModelRecord> stored = store.storedModelRecord();
    if (stored.isEmpty()) {
      return ModelSpec.builtIn(EngineConfig.DEFAULT_EMBEDDING_MODEL).orElseThrow();
    }
    ModelRecord r = stored.get();
    if (r.isFolder()) {
      Path folder = Path.of(r.folder());
      if (!ModelDescriptor.isModelFolder(folder)) {
        throw new InvalidInputException(
            "the data folder " + config.dataDir() + " was built with user model " + r.id()
                + " from " + folder + ", which is no longer a model folder; name the folder"
                + " where the model is now (--model FOLDER, EngineConfig.Builder.embeddingModel(Path))");
      }
      return ModelDescriptor.read(folder);
    }
    return ModelSpec.builtIn(r.id())
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "the data folder " + config.dataDir() + " was built with embedding model "
                        + r.id() + ", which this engine does not have; use an engine that has"
                        + " it, or another data folder"));
  }

  /** What the data folder records of a model. */
  public static ModelRecord record(ModelSpec spec) {
    return spec.folder()
        .map(
            f ->
                new ModelRecord(
                    spec.id(), spec.dimension(), spec.key(), f.folder().toString(), f.sha256()))
        .orElseGet(() -> ModelRecord.builtIn(spec.id(), spec.dimension()));
  }
}
