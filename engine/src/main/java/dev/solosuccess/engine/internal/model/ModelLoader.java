package dev.solosuccess.engine.internal.model;

import dev.solosuccess.engine.InferenceListener;
import dev.solosuccess.sdk.ModelException;

/**
 * Loads a model with the backend its format selects. Built-in models and ONNX folders run on ONNX
 * Runtime; a TorchScript folder needs the DJL PyTorch backend, which this build does not wire in
 * yet. Stateless.
 */
public final class ModelLoader {

  private ModelLoader() {}

  /**
   * Loads a model. Call {@link NativeRuntime#prepare} first.
   *
   * @param threads batches that run at once
   * @param batchSize most inputs per batch
   * @param listener hears every model run
   * @throws ModelException if the files are missing, changed since pinned, or cannot be loaded
   */
  public static EmbeddingModel load(
      ModelSpec spec, int threads, int batchSize, InferenceListener listener) {
    return switch (spec.format()) {
      case ONNX -> OnnxEmbeddingModel.load(spec, threads, batchSize, listener);
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
