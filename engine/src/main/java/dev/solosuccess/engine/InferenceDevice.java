package dev.solosuccess.engine;

/**
 * Where the embedding model runs.
 *
 * <p>The engine ships ONNX Runtime's CPU build. To run on an NVIDIA GPU, put {@code
 * com.microsoft.onnxruntime:onnxruntime_gpu} on the class path in place of {@code
 * com.microsoft.onnxruntime:onnxruntime} (same version); the CUDA and cuDNN libraries that build
 * needs must be installed on the host.
 */
public enum InferenceDevice {
  /**
   * CUDA device 0 when ONNX Runtime has its CUDA provider and a device answers, else the CPU (the
   * engine logs why it fell back). The default.
   */
  AUTO,
  /** The CPU, always. */
  CPU,
  /** CUDA device 0; opening the engine fails, naming the reason, if it cannot be used. */
  CUDA
}
