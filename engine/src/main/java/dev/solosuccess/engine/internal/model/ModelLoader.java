package dev.solosuccess.engine.internal.model;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.sdk.ModelException;

/**
 * Loads a model with the backend its format selects. Built-in models and ONNX folders run on ONNX
 * Runtime; a TorchScript folder needs the DJL PyTorch backend, which this build does not wire in
 * yet. Stateless.
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
      case TORCHSCRIPT ->
          throw new ModelException(
              "model " + spec.id() + " is a TorchScript model (format 'torchscript'), and the"
                  + " TorchScript backend is not available in this build: export the model to"
                  + " ONNX (format 'onnx', model.onnx)",
              spec.id(),
              null);
    };
  }
}
