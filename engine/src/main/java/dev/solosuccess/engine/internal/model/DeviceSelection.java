package dev.solosuccess.engine.internal.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.solosuccess.engine.InferenceDevice;
import dev.solosuccess.engine.InferenceListener;
import dev.solosuccess.sdk.ModelException;
import java.lang.System.Logger.Level;

/**
 * Loads an ONNX model on the device the configuration asks for: the CPU, or CUDA device 0 when
 * ONNX Runtime's GPU build is on the class path and a device answers. Call {@link
 * NativeRuntime#prepare} first.
 */
public final class DeviceSelection {

  private static final System.Logger LOG = System.getLogger(DeviceSelection.class.getName());

  /**
   * On a GPU one large batch at a time keeps the device busy: many inputs per run and a generous
   * token budget, since activations live in device memory, not a CPU cache.
   */
  static final int CUDA_BATCH_SIZE = 256;

  static final long CUDA_BATCH_TOKENS = 32_768;

  private DeviceSelection() {}

  /** Whether the ONNX Runtime on the class path was built with the CUDA execution provider. */
  public static boolean cudaProviderPresent() {
    return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
  }

  /**
   * Loads {@code spec} on {@code device}.
   *
   * @param cpu the settings for the CPU; on CUDA the batching limits are raised and one batch runs
   *     at a time
   * @throws ModelException if {@code device} is {@link InferenceDevice#CUDA} and CUDA cannot be
   *     used, naming why, or if the model cannot be loaded at all
   */
  public static OnnxEmbeddingModel load(
      ModelSpec spec, InferenceDevice device, SessionTuning cpu, InferenceListener listener) {
    return switch (device) {
      case CPU -> OnnxEmbeddingModel.load(spec, cpu, listener);
      case CUDA -> {
        if (!cudaProviderPresent()) {
          throw new ModelException(
              "device cuda was asked for, but the ONNX Runtime on the class path has no CUDA"
                  + " provider: replace com.microsoft.onnxruntime:onnxruntime with"
                  + " com.microsoft.onnxruntime:onnxruntime_gpu of the same version",
              spec.id(),
              null);
        }
        try {
          yield OnnxEmbeddingModel.load(spec, cudaTuning(cpu), listener);
        } catch (ModelException e) {
          throw new ModelException(
              "device cuda was asked for, but CUDA device 0 cannot run model " + spec.id() + ": "
                  + e.getMessage(),
              spec.id(),
              e);
        }
      }
      case AUTO -> {
        if (!cudaProviderPresent()) {
          yield OnnxEmbeddingModel.load(spec, cpu, listener);
        }
        try {
          OnnxEmbeddingModel model = OnnxEmbeddingModel.load(spec, cudaTuning(cpu), listener);
          LOG.log(Level.INFO, "embedding model " + spec.id() + " runs on CUDA device 0");
          yield model;
        } catch (ModelException e) {
          LOG.log(
              Level.WARNING,
              "CUDA is not usable (" + e.getMessage() + "); embedding model " + spec.id()
                  + " runs on the CPU");
          yield OnnxEmbeddingModel.load(spec, cpu, listener);
        }
      }
    };
  }

  static SessionTuning cudaTuning(SessionTuning cpu) {
    return cpu.withCuda(true)
        .withParallelBatches(1)
        .withBatching(
            Math.max(cpu.batchSize(), CUDA_BATCH_SIZE),
            Math.max(cpu.maxBatchTokens(), CUDA_BATCH_TOKENS),
            cpu.maxPadding());
  }
}
