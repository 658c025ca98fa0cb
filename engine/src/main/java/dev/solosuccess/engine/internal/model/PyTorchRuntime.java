package dev.solosuccess.engine.internal.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import dev.solosuccess.sdk.ModelException;

/**
 * DJL's PyTorch engine, reached only when a classifier is trained or used, or a TorchScript model
 * is loaded: loading it maps about 430 MB of native libraries (extracted once into {@code
 * DJL_CACHE_DIR}, which {@link NativeRuntime#prepare} points into the engine's native folder), so
 * ingest and search never touch it. DJL loads it once per JVM; later calls are cheap.
 *
 * <p>Always name the engine: DJL's default engine is whichever ranks first on the class path.
 * Thread-safe.
 */
public final class PyTorchRuntime {

  /** DJL's name of the engine. */
  public static final String ENGINE = "PyTorch";

  private PyTorchRuntime() {}

  /**
   * The PyTorch engine, loading its native libraries on first use. Call {@link
   * NativeRuntime#prepare} first, so that DJL is offline and extracts into the engine's folder.
   *
   * @throws ModelException if PyTorch is not on the class path or its native libraries do not load
   */
  public static Engine engine() {
    try {
      return Engine.getEngine(ENGINE);
    } catch (RuntimeException | LinkageError e) {
      throw new ModelException(
          "PyTorch cannot be loaded: " + e.getMessage() + "; it needs ai.djl.pytorch:pytorch-engine,"
              + " pytorch-jni and pytorch-native-cpu for this platform on the class path",
          ENGINE,
          e);
    }
  }

  /**
   * A new, empty PyTorch model on the CPU (the tested path; this build ships CPU libraries only).
   * The caller closes it.
   *
   * @throws ModelException if PyTorch cannot be loaded
   */
  public static Model newModel(String name) {
    return engine().newModel(name, Device.cpu());
  }
}
