package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.engine.internal.model.DeviceSelection;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device selection with the CPU build of ONNX Runtime that the engine ships: {@code auto} and
 * {@code cpu} run on the CPU and give the same vectors; {@code cuda} is refused with a message that
 * says what to change, and leaves the data folder usable. (The CUDA path itself needs {@code
 * onnxruntime_gpu} and a GPU; see benchmarks/README.md for how it was checked.)
 */
class InferenceDeviceTest {

  @Test
  void autoAndCpuRunOnTheCpuWithIdenticalVectors(@TempDir Path dir) {
    assertThat(DeviceSelection.cudaProviderPresent())
        .as("the CPU build is on the class path")
        .isFalse();
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
    assertThat(auto.cosine(cpu)).isGreaterThan(0.999999);
    assertThat(auto.vector()[0]).isCloseTo(-0.03447731f, org.assertj.core.data.Offset.offset(1e-5f));
  }

  @Test
  void cudaWithoutTheGpuBuildIsRefusedNamingTheFixAndTheFolderStaysUsable(@TempDir Path dir)
      throws Exception {
    EngineConfig cuda = EngineConfig.builder(dir).device(InferenceDevice.CUDA).build();
    assertThatThrownBy(() -> SoloEngine.open(cuda))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("device cuda")
        .hasMessageContaining("onnxruntime_gpu");
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(dir).build())) {
      Path doc =
          Files.writeString(dir.resolve("note.txt"), "The espresso machine is descaled monthly.");
      engine.documents().ingest(dev.solosuccess.sdk.IngestRequest.of(doc));
      assertThat(engine.search().search("descaling espresso").hits()).isNotEmpty();
    }
    assertThat(List.of(InferenceDevice.values()))
        .containsExactly(InferenceDevice.AUTO, InferenceDevice.CPU, InferenceDevice.CUDA);
  }
}
