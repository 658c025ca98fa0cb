package dev.solosuccess.benchmarks;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Embedding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Embedding a call of {@code batchSize} sentences (5 to 60 words, mixed lengths) through the public
 * API, for the fp32 and int8 MiniLM models: tokenization, the length-sorted padded batches, ONNX
 * Runtime, pooling and normalization. Time per call; divide by the batch size for time per
 * sentence.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EmbeddingBenchmark
 * java -jar benchmarks/target/benchmarks.jar EmbeddingBenchmark -p batchSize=32 -p model=all-minilm-l6-v2
 * java -jar benchmarks/target/benchmarks.jar EmbeddingBenchmark -p model=all-minilm-l6-v2-q -p deterministic=false
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class EmbeddingBenchmark {

  @Param({"1", "8", "32", "128"})
  public int batchSize;

  @Param({"all-minilm-l6-v2", "all-minilm-l6-v2-q"})
  public String model;

  /**
   * The engine's default (true) runs each int8 text alone, so the batch size then only changes how
   * many texts a call brings; false lets int8 texts share padded batches. fp32 batches either way.
   */
  @Param({"true", "false"})
  public boolean deterministic;

  private Path dataDir;
  private SoloEngine engine;
  private List<String> batch;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dataDir = Files.createTempDirectory("solo-bench-");
    engine =
        SoloEngine.open(
            EngineConfig.builder(dataDir)
                .embeddingModel(model)
                .deterministicEmbeddings(deterministic)
                .build());
    batch = Sentences.mixed(batchSize, 20261126L);
  }

  @Benchmark
  public List<Embedding> embed() {
    return engine.inference().embedAll(batch);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    engine.close();
    try (Stream<Path> walk = Files.walk(dataDir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
