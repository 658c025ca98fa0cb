package dev.solosuccess.engine.internal.model;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.InferenceDevice;
import dev.solosuccess.sdk.ModelException;

/**
 * Loads a model with the backend its format selects: built-in models and ONNX folders run on ONNX
 * Runtime (CPU or CUDA, see {@link DeviceSelection}); TorchScript folders on PyTorch through DJL, on
 * the CPU. Stateless.
 */
public final class ModelLoader {

  private ModelLoader() {}

  /**
   * Loads a model as the configuration says: its threads, batch size, device, determinism and
   * listener. Call {@link NativeRuntime#prepare} first.
   *
   * @throws ModelException if the files are missing, changed since pinned, or cannot be loaded
   */
  public static EmbeddingModel load(ModelSpec spec, EngineConfig config) {
    return switch (spec.format()) {
      case ONNX ->
          DeviceSelection.load(
              spec,
              config.device(),
              SessionTuning.defaults(config.inferenceThreads(), config.embeddingBatchSize())
                  .withDeterministic(config.deterministicEmbeddings()),
              config.inferenceListener());
      case TORCHSCRIPT -> {
        if (config.device() == InferenceDevice.CUDA) {
          throw new ModelException(
              "device cuda was asked for, but model " + spec.id() + " is a TorchScript model,"
                  + " which runs on the CPU (PyTorch's CPU build ships with the engine)",
              spec.id(),
              null);
        }
        ModelSource.Folder folder =
            spec.folder()
                .orElseThrow(
                    () ->
                        new ModelException(
                            "TorchScript model " + spec.id() + " has no model folder",
                            spec.id(),
                            null));
        yield TorchScriptEmbeddingModel.load(
            folder, spec, config.embeddingBatchSize(), config.inferenceListener());
      }
    };
  }
}
