package dev.solosuccess.benchmarks;

import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.InferenceListener;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.engine.internal.model.ModelTokenizer;
import dev.solosuccess.engine.internal.model.OnnxEmbeddingModel;
import dev.solosuccess.engine.internal.model.SessionTuning;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Our embeddings against LangChain4j's in-process embedding model on the same ONNX file, in one
 * JVM: the same deterministic sentences (5 to 60 words, shuffled lengths), warm-up first, then
 * rounds that alternate between the two so that a busy machine slows both alike. Prints
 * sentences/s of each, the ratio, tokens/s, the achieved GFLOP/s and the smallest cosine between
 * the two sets of vectors.
 *
 * <p>Ours runs through the public API ({@code engine.inference().embedAll}) of a real {@link
 * SoloEngine}; LangChain4j through {@code EmbeddingModel.embedAll}, with its default executor.
 * With {@code --sweep}, the internal model is also loaded with each {@link SessionTuning} variant
 * (session options and batching limits) and timed in the same alternation.
 *
 * <p>GFLOP/s counts the useful work on real tokens only (padding excluded), the same for both:
 * per sentence of n tokens (specials included), {@code 2 × 10.62 M × n} for the six layers' dense
 * projections (Q, K, V, output: 4 × 384²; feed-forward: 2 × 384 × 1536) plus {@code 2 × 6 × 2 ×
 * 384 × n²} for attention (QKᵀ and the weighted sum of V).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *   -cp benchmarks/target/benchmarks.jar dev.solosuccess.benchmarks.EmbeddingSideBySide
 * </pre>
 */
@Command(
    name = "EmbeddingSideBySide",
    mixinStandardHelpOptions = true,
    description = "Embeds the same sentences with LangChain4j and with the engine, alternating.")
public final class EmbeddingSideBySide implements Callable<Integer> {

  /** Multiply-adds per token of the six encoder layers' dense projections (d = 384, ff = 1536). */
  static final double DENSE_MACS_PER_TOKEN = 6.0 * (4 * 384 * 384 + 2 * 384 * 1536);

  /** Multiply-adds per pair of tokens for attention: QKᵀ and AV in each of six layers. */
  static final double ATTENTION_MACS_PER_PAIR = 6.0 * 2 * 384;

  /**
   * The pairs compared: LangChain4j's model and the engine's model of the same weights. A pair
   * whose engine model id is not built in is reported as skipped; adding a model is one line.
   */
  record Pair(String name, String engineModel, Supplier<EmbeddingModel> langchain4j) {}

  static final List<Pair> PAIRS =
      List.of(
          new Pair("fp32", "all-minilm-l6-v2", AllMiniLmL6V2EmbeddingModel::new),
          new Pair("int8", "all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel::new));

  @Spec private CommandSpec spec;

  @Option(names = "--sentences", description = "Sentences to embed (default ${DEFAULT-VALUE}).")
  private int count = 2000;

  @Option(names = "--seed", description = "Seed of the sentence mix (default ${DEFAULT-VALUE}).")
  private long seed = 20261126L;

  @Option(names = "--rounds", description = "Timed rounds per contender (default ${DEFAULT-VALUE}).")
  private int rounds = 3;

  @Option(
      names = "--pair",
      description = "Which pairs: fp32, int8 or all (default ${DEFAULT-VALUE}).")
  private String pair = "all";

  @Option(
      names = "--sweep",
      description = "Also time the fp32 model under each session-option and batching variant.")
  private boolean sweep;

  @Option(
      names = "--options",
      description =
          "Also time the engine's optional settings: GELU by its tanh approximation (and, for int8,"
              + " with shared batches).")
  private boolean options;

  @Option(names = "--skip-langchain4j", description = "Time only ours (with --sweep: the variants).")
  private boolean skipLangchain4j;

  /** One way of embedding the sentences. */
  private interface Contender extends AutoCloseable {
    String name();

    float[][] embed(List<String> texts);

    @Override
    void close();
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new EmbeddingSideBySide()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Machine machine = Machine.current();
    out.printf(
        Locale.ROOT,
        "machine: %d cores, %s, JDK %s, load average %.2f%n",
        machine.cores(), machine.cpu(), machine.jdk(), machine.loadAverage());
    List<String> sentences = Sentences.mixed(count, seed);
    for (Pair p : PAIRS) {
      if (!pair.equals("all") && !pair.equals(p.name())) {
        continue;
      }
      Path dataDir = Files.createTempDirectory("solo-sbs-");
      try {
        EngineConfig config;
        try {
          config = EngineConfig.builder(dataDir).embeddingModel(p.engineModel()).build();
        } catch (InvalidInputException e) {
          out.printf("%n%s: skipped, the engine has no model '%s' yet%n", p.name(), p.engineModel());
          continue;
        }
        runPair(out, p, config, sentences);
      } finally {
        deleteTree(dataDir);
      }
    }
    out.flush();
    return 0;
  }

  private void runPair(PrintWriter out, Pair p, EngineConfig config, List<String> sentences) {
    List<Contender> contenders = new ArrayList<>();
    try {
      // The engine first: it sets DJL's offline mode and native folders before any DJL class loads.
      SoloEngine engine = SoloEngine.open(config);
      contenders.add(engineContender("ours (engine.inference().embedAll)", engine));
      long[] work = work(sentences, p);
      if (!skipLangchain4j) {
        contenders.add(0, langchain4jContender("LangChain4j " + p.name(), p.langchain4j().get()));
      }
      int threads = config.inferenceThreads();
      int batch = config.embeddingBatchSize();
      ModelSpec spec = ModelSpec.builtIn(p.engineModel()).orElseThrow();
      SessionTuning defaults = SessionTuning.defaults(threads, batch);
      if (p.name().equals("int8")) {
        // The engine's default runs each int8 text alone (deterministicEmbeddings), as here without
        // the engine around it; then shared batches:
        contenders.add(tunedContender(spec, defaults));
        contenders.add(tunedContender(spec, defaults.withDeterministic(false)));
      }
      if (options) {
        contenders.add(tunedContender(spec, defaults.withGeluApproximation(true)));
        if (p.name().equals("int8")) {
          contenders.add(
              tunedContender(spec, defaults.withDeterministic(false).withGeluApproximation(true)));
        }
      }
      if (sweep && p.name().equals("fp32")) {
        for (SessionTuning t : variants(threads, batch)) {
          contenders.add(tunedContender(spec, t));
        }
      }
      out.printf(
          Locale.ROOT,
          "%n%s: %d sentences (seed %d), %d tokens (%.1f per sentence), %.2f GFLOP useful%n",
          p.name(), sentences.size(), seed, work[0], (double) work[0] / sentences.size(),
          work[1] / 1e9);
      float[][][] vectors = new float[contenders.size()][][];
      for (int c = 0; c < contenders.size(); c++) {
        vectors[c] = contenders.get(c).embed(sentences); // warm-up, and the vectors compared
      }
      double[][] perSecond = new double[contenders.size()][rounds];
      double[] loads = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        loads[r] = Machine.loadNow();
        for (int k = 0; k < contenders.size(); k++) {
          int c = (k + r) % contenders.size(); // rotate who goes first
          long began = System.nanoTime();
          contenders.get(c).embed(sentences);
          perSecond[c][r] = sentences.size() / ((System.nanoTime() - began) / 1e9);
        }
        out.printf(Locale.ROOT, "round %d done (load average %.2f at its start)%n", r + 1, loads[r]);
        out.flush();
      }
      double reference = skipLangchain4j ? Double.NaN : median(perSecond[0]);
      out.printf(
          Locale.ROOT,
          "%n| contender | sentences/s (median) | rounds | ratio to LangChain4j | tokens/s | "
              + "GFLOP/s | min cosine to LangChain4j |%n|---|---|---|---|---|---|---|%n");
      for (int c = 0; c < contenders.size(); c++) {
        double s = median(perSecond[c]);
        double seconds = sentences.size() / s;
        out.printf(
            Locale.ROOT,
            "| %s | %.1f | %s | %s | %.0f | %.1f | %s |%n",
            contenders.get(c).name(), s, rounds(perSecond[c]),
            skipLangchain4j ? "-" : String.format(Locale.ROOT, "%.2f", s / reference),
            work[0] / seconds, work[1] / seconds / 1e9,
            skipLangchain4j ? "-" : String.format(Locale.ROOT, "%.6f",
                minCosine(vectors[0], vectors[c])));
      }
      out.printf(Locale.ROOT, "load averages at round starts: %s%n", Arrays.toString(loads));
      out.flush();
    } finally {
      for (Contender c : contenders) {
        c.close();
      }
    }
  }

  /**
   * The variants of {@code --sweep}: the engine's settings before tuning, one change at a time,
   * then the defaults and one change at a time (benchmarks/README.md records what each gave).
   */
  static List<SessionTuning> variants(int threads, int batch) {
    SessionTuning old = SessionTuning.previous(threads, batch);
    SessionTuning d = SessionTuning.defaults(threads, batch);
    return List.of(
        old,
        old.withOptLevel(OptLevel.EXTENDED_OPT),
        old.withMemory(false, true),
        old.withMemory(true, false),
        old.withInterOp(ExecutionMode.PARALLEL, 2),
        old.withSpinning(false),
        old.withBatching(batch, 512, old.maxPadding()),
        d,
        d.withBatching(batch, 256, d.maxPadding()),
        d.withBatching(batch, 1024, d.maxPadding()),
        d.withBatching(16, d.maxBatchTokens(), d.maxPadding()),
        d.withBatching(batch, d.maxBatchTokens(), 1.0),
        d.withOptLevel(OptLevel.EXTENDED_OPT));
  }

  private static Contender engineContender(String name, SoloEngine engine) {
    return new Contender() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public float[][] embed(List<String> texts) {
        List<Embedding> e = engine.inference().embedAll(texts);
        float[][] v = new float[e.size()][];
        for (int i = 0; i < v.length; i++) {
          v[i] = e.get(i).vector();
        }
        return v;
      }

      @Override
      public void close() {
        engine.close();
      }
    };
  }

  private static Contender tunedContender(ModelSpec spec, SessionTuning tuning) {
    OnnxEmbeddingModel model = OnnxEmbeddingModel.load(spec, tuning, InferenceListener.NONE);
    return new Contender() {
      @Override
      public String name() {
        return "internal: " + tuning.label();
      }

      @Override
      public float[][] embed(List<String> texts) {
        return model.embedPassages(texts).vectors();
      }

      @Override
      public void close() {
        model.close();
      }
    };
  }

  private static Contender langchain4jContender(String name, EmbeddingModel model) {
    return new Contender() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public float[][] embed(List<String> texts) {
        List<dev.langchain4j.data.embedding.Embedding> e =
            model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        float[][] v = new float[e.size()][];
        for (int i = 0; i < v.length; i++) {
          v[i] = e.get(i).vector();
        }
        return v;
      }

      @Override
      public void close() {}
    };
  }

  /** Tokens (specials included, as the model sees them) and useful FLOP of the whole set. */
  private static long[] work(List<String> sentences, Pair p) {
    // The tokenizers of all the pairs' models are the same BERT vocabulary.
    try (ModelTokenizer tokenizer = ModelTokenizer.load(ModelSpec.ALL_MINILM_L6_V2)) {
      long tokens = 0;
      double flop = 0;
      for (String s : sentences) {
        int n = Math.min(tokenizer.countTokens(s) + 2, ModelSpec.ALL_MINILM_L6_V2.maxTokens());
        tokens += n;
        flop += 2 * (DENSE_MACS_PER_TOKEN * n + ATTENTION_MACS_PER_PAIR * (double) n * n);
      }
      return new long[] {tokens, (long) flop};
    }
  }

  static double minCosine(float[][] a, float[][] b) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      double dot = 0;
      double na = 0;
      double nb = 0;
      for (int d = 0; d < a[i].length; d++) {
        dot += (double) a[i][d] * b[i][d];
        na += (double) a[i][d] * a[i][d];
        nb += (double) b[i][d] * b[i][d];
      }
      min = Math.min(min, dot / Math.sqrt(na * nb));
    }
    return min;
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String rounds(double[] values) {
    StringBuilder b = new StringBuilder();
    for (double v : values) {
      if (!b.isEmpty()) {
        b.append(", ");
      }
      b.append(String.format(Locale.ROOT, "%.0f", v));
    }
    return b.toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
