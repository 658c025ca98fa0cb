package dev.solosuccess.benchmarks;

import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.engine.internal.model.ModelTokenizer;
import dev.solosuccess.engine.internal.model.NativeRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tokenizing 32 mixed sentences with the model's HuggingFace tokenizer (DJL's Rust binding), one
 * call per sentence, as the engine does for model input: the part of embedding that is not the
 * model.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar TokenizationBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class TokenizationBenchmark {

  private ModelTokenizer tokenizer;
  private List<String> sentences;

  @Setup(Level.Trial)
  public void open() throws IOException {
    NativeRuntime.prepare(Files.createTempDirectory("solo-bench-native-"));
    tokenizer = ModelTokenizer.load(ModelSpec.builtIn("all-minilm-l6-v2").orElseThrow());
    sentences = Sentences.mixed(32, 20261126L);
  }

  @Benchmark
  public int tokenize32Sentences() {
    int tokens = 0;
    for (String s : sentences) {
      tokens += tokenizer.tokenStarts(s).length;
    }
    return tokens;
  }

  @TearDown(Level.Trial)
  public void close() {
    tokenizer.close();
  }
}
