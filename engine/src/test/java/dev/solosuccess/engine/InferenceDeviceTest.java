package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.internal.model.DeviceSelection;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device selection: {@code auto} and {@code cpu} give the same vectors; {@code cuda} runs, or is
 * refused with a message that says why, and leaves the data folder usable.
 */
class InferenceDeviceTest {

  @Test
  void autoAndCpuGiveTheSameVectors(@TempDir Path dir) {
    Embedding auto;
    Embedding cpu;
    try (SoloEngine engine =
        SoloEngine.open(
            EngineConfig.builder(dir.resolve("a")).device(InferenceDevice.AUTO).build())) {
      auto = engine.inference().embed("Hello world");
    }
    try (SoloEngine engine =
        SoloEngine.open(
            EngineConfig.builder(dir.resolve("b")).device(InferenceDevice.CPU).build())) {
      cpu = engine.inference().embed("Hello world");
    }
    assertThat(auto.cosine(cpu)).isGreaterThan(0.9999);
    assertThat(cpu.vector()[0]).isCloseTo(-0.03447731f, Offset.offset(1e-5f));
  }

  /**
   * With the CPU build (the default), {@code cuda} is refused naming the artifact to install. With
   * the GPU build ({@code ./mvnw -Pgpu}) and no usable device, it is refused naming the device;
   * with a device, its vectors match the CPU's.
   */
  @Test
  void cudaRunsOrIsRefusedWithAClearReasonAndTheFolderStaysUsable(@TempDir Path dir)
      throws Exception {
    EngineConfig cuda = EngineConfig.builder(dir).device(InferenceDevice.CUDA).build();
    Embedding onCuda = null;
    try (SoloEngine engine = SoloEngine.open(cuda)) {
      onCuda = engine.inference().embed("Hello world");
    } catch (ModelException e) {
      assertThat(e.getMessage()).contains("device cuda");
      if (DeviceSelection.cudaProviderPresent()) {
        assertThat(e.getMessage()).contains("CUDA device 0 cannot run model");
      } else {
        assertThat(e.getMessage()).contains("onnxruntime_gpu");
      }
    }
    assertThat(onCuda == null || DeviceSelection.cudaProviderPresent())
        .as("CUDA can only run with the GPU build")
        .isTrue();
    try (SoloEngine engine =
        SoloEngine.open(EngineConfig.builder(dir).device(InferenceDevice.CPU).build())) {
      if (onCuda != null) {
        assertThat(onCuda.cosine(engine.inference().embed("Hello world"))).isGreaterThan(0.9999);
      }
      Path doc =
          Files.writeString(dir.resolve("note.txt"), "The espresso machine is descaled monthly.");
      engine.documents().ingest(IngestRequest.of(doc));
      assertThat(engine.search().search("descaling espresso").hits()).isNotEmpty();
    }
  }
}
