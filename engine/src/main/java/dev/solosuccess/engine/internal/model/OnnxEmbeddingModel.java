package dev.solosuccess.engine.internal.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.TensorInfo;
import dev.solosuccess.engine.InferenceListener;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.ModelException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sentence-embedding model on ONNX Runtime: one session shared by all callers, inputs sorted by
 * length and cut into dynamically padded batches (bounded by a count, a padded-token budget and a
 * padding ratio), pooling (mean or [CLS], as the {@link ModelSpec} says) and L2 normalization in
 * Java. Callers say whether texts are passages or queries ({@link #embedPassages}, {@link
 * #embedQuery}): models such as e5 and bge are trained with a different prefix on each side.
 *
 * <p>Sorting by length is most of the speed: a batch pads to its longest input, and unsorted
 * batches spend most of their work on padding. Padding never changes a vector, because pooling
 * reads only positions under the attention mask.
 *
 * <p>Thread-safe. At most {@link SessionTuning#parallelBatches()} batches run at once (a fair
 * semaphore), each on {@code intraOpThreads} threads, so runs never oversubscribe the cores. Every
 * tensor and result is closed before a call returns.
 */
public final class OnnxEmbeddingModel implements EmbeddingModel {

  private static final String INPUT_IDS = "input_ids";
  private static final String ATTENTION_MASK = "attention_mask";
  private static final String TOKEN_TYPE_IDS = "token_type_ids";

  /**
   * Most padded tokens per batch. Measured side by side on 2 cores (EmbeddingSideBySide, 1,000
   * sentences of 5 to 60 words, two batches at once): 512 gave 449 sentences/s, 384 gave 445, 256
   * gave 433, 1,024 gave 403 and 2,048 (64 a batch) 369. Small batches keep a layer's activations
   * (512 × 1,536 floats in the feed-forward) in each core's cache.
   */
  static final long MAX_BATCH_TOKENS = 512;

  /**
   * A batch ends where the next input is more than 10% (plus 4 tokens) longer than its first: the
   * rest would be padding. With calls of 32 mixed-length sentences this took throughput from 239
   * to 382 sentences/s; without it, one call's batch pads every input to the longest.
   */
  static final double MAX_PADDING = 1.1;

  /** Calls with fewer texts are tokenized on the caller's thread alone. */
  static final int PARALLEL_TOKENIZE_MIN = 64;

  private final ModelSpec spec;
  private final InferenceListener listener;
  private final ModelTokenizer tokenizer;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final boolean needsTokenTypes;
  private final String output;
  private final SessionTuning tuning;
  /** One permit per batch that may run at once: never more runs than cores. */
  private final Semaphore runPermits;
  /** Runs a call's batches beside the caller's thread; null with one batch at a time. */
  private final ExecutorService workers;
  /** Every tensor in and out, for the leak test; {@link TensorLedger#OFF} in the engine. */
  private final TensorLedger ledger;
  /** The graph scales activations per batch (dynamic int8). */
  private final boolean quantizesPerBatch;

  private OnnxEmbeddingModel(
      ModelSpec spec,
      ModelTokenizer tokenizer,
      OrtEnvironment env,
      OrtSession session,
      SessionTuning tuning,
      boolean quantizesPerBatch,
      InferenceListener listener,
      TensorLedger ledger) throws OrtException {
    this.quantizesPerBatch = quantizesPerBatch;
    this.listener = listener;
    this.ledger = ledger;
    this.spec = spec;
    this.tokenizer = tokenizer;
    this.env = env;
    this.session = session;
    this.tuning = tuning;
    checkInputs(session, spec);
    this.needsTokenTypes = session.getInputNames().contains(TOKEN_TYPE_IDS);
    this.output = findOutput(session, spec);
    this.runPermits = new Semaphore(tuning.parallelBatches(), true);
    this.workers =
        tuning.parallelBatches() == 1
            ? null
            : Executors.newFixedThreadPool(
                tuning.parallelBatches() - 1,
                Thread.ofPlatform().daemon().name("solo-embed-" + spec.id() + "-", 1).factory());
  }

  /**
   * Loads a model. Call {@link NativeRuntime#prepare} first.
   *
   * @param threads batches that run at once, each on one ONNX Runtime intra-op thread
   * @param batchSize most inputs per batch
   */
  public static OnnxEmbeddingModel load(ModelSpec spec, int threads, int batchSize) {
    return load(spec, threads, batchSize, InferenceListener.NONE);
  }

  /** Loads the model; {@code listener} hears of every {@link #embed(List, EmbeddingKind)}. */
  public static OnnxEmbeddingModel load(
      ModelSpec spec, int threads, int batchSize, InferenceListener listener) {
    return load(spec, SessionTuning.defaults(threads, batchSize), listener);
  }

  /**
   * Loads the model with explicit session options and batching limits (benchmarks compare them).
   */
  public static OnnxEmbeddingModel load(
      ModelSpec spec, SessionTuning tuning, InferenceListener listener) {
    return load(spec, tuning, listener, TensorLedger.OFF);
  }

  /**
   * As {@link #load(ModelSpec, SessionTuning, InferenceListener)}; every tensor in and out of a run
   * is recorded in {@code ledger}.
   */
  static OnnxEmbeddingModel load(
      ModelSpec spec, SessionTuning tuning, InferenceListener listener, TensorLedger ledger) {
    if (spec.format() != ModelFormat.ONNX) {
      throw new ModelException(
          "model " + spec.id() + " is a " + spec.format().label() + " model, not ONNX", spec.id(),
          null);
    }
    byte[] graph = spec.source().readModel(spec.id()); // checked against its pin, if in a folder
    ModelTokenizer tokenizer = ModelTokenizer.load(spec);
    boolean perBatch = quantizesPerBatch(graph);
    SessionTuning effective =
        tuning.deterministic() && perBatch
            ? tuning.withBatching(1, tuning.maxBatchTokens(), tuning.maxPadding())
            : tuning;
    OrtSession session = null;
    // The environment first: execution providers (CUDA) log through it as they are added.
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (SessionOptions options = effective.toOptions()) {
      session = env.createSession(graph, options);
      return new OnnxEmbeddingModel(
          spec, tokenizer, env, session, effective, perBatch, listener, ledger);
    } catch (OrtException | RuntimeException e) {
      tokenizer.close();
      if (session != null) {
        try {
          session.close();
        } catch (OrtException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof ModelException me) {
        throw me;
      }
      throw new ModelException(
          "cannot load model " + spec.id() + " into ONNX Runtime: " + e.getMessage(), spec.id(), e);
    }
  }

  /**
   * Whether the graph quantizes activations with a scale computed over the whole batch ({@code
   * DynamicQuantizeLinear}, as in every dynamically quantized int8 export): then a text's vector
   * depends on the other texts of its batch. The operator's name is stored as plain text in the
   * graph's protobuf, so a byte search finds it.
   */
  static boolean quantizesPerBatch(byte[] graph) {
    byte[] op = "DynamicQuantizeLinear".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i <= graph.length - op.length; i++) {
      for (int j = 0; j < op.length; j++) {
        if (graph[i + j] != op[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Whether this model's vectors depend on batch neighbours when texts share a run (dynamic int8
   * quantization). With {@link SessionTuning#deterministic()} such a model runs each text alone.
   */
  public boolean quantizesPerBatch() {
    return quantizesPerBatch;
  }

  /** The settings in effect: those asked for, with batches of one for a deterministic int8 model. */
  public SessionTuning tuning() {
    return tuning;
  }

  private static String findOutput(OrtSession session, ModelSpec spec) throws OrtException {
    Map<String, NodeInfo> outputs = session.getOutputInfo();
    for (Map.Entry<String, NodeInfo> e : outputs.entrySet()) {
      if (e.getValue().getInfo() instanceof TensorInfo t
          && t.getShape().length == 3
          && t.getShape()[2] == spec.dimension()) {
        return e.getKey();
      }
    }
    throw new ModelException(
        "model " + spec.id() + " has no output of shape [batch, tokens, " + spec.dimension()
            + "] (token states of the dimension " + (spec.isBuiltIn() ? "it" : "its descriptor")
            + " gives); its outputs: " + describe(outputs),
        spec.id(),
        null);
  }

  private static void checkInputs(OrtSession session, ModelSpec spec) throws OrtException {
    Map<String, NodeInfo> inputs = session.getInputInfo();
    for (String name : List.of(INPUT_IDS, ATTENTION_MASK)) {
      if (!inputs.containsKey(name)) {
        throw new ModelException(
            "model " + spec.id() + " has no input '" + name + "' (a BERT-style encoder takes "
                + INPUT_IDS + ", " + ATTENTION_MASK + " and optionally " + TOKEN_TYPE_IDS
                + "); its inputs: " + describe(inputs),
            spec.id(),
            null);
      }
    }
    for (String name : inputs.keySet()) {
      if (!List.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS).contains(name)) {
        throw new ModelException(
            "model " + spec.id() + " needs an input '" + name + "' that the engine cannot feed;"
                + " its inputs: " + describe(inputs),
            spec.id(),
            null);
      }
    }
  }

  private static String describe(Map<String, NodeInfo> nodes) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, NodeInfo> e : nodes.entrySet()) {
      if (!b.isEmpty()) {
        b.append(", ");
      }
      b.append(e.getKey());
      if (e.getValue().getInfo() instanceof TensorInfo t) {
        b.append(' ').append(Arrays.toString(t.getShape()));
      }
    }
    return b.toString();
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  /** Word pieces the tokenizer adds to every input ([CLS] and [SEP] for BERT models). */
  public int specialTokens() {
    return tokenizer.encodeForModel("").length();
  }

  /**
   * Word pieces every passage costs beyond its own text: the special tokens and the model's passage
   * prefix (e5: {@code "passage: "}). A chunk of at most {@code maxTokens - passageOverheadTokens()}
   * pieces reaches the model whole.
   */
  @Override
  public int passageOverheadTokens() {
    return tokenizer.encodeForModel(spec.passagePrefix()).length();
  }

  /** The tokenizer's counts and boundaries, for chunking to the model's limit. */
  @Override
  public Tokenization tokenization() {
    return tokenizer;
  }

  /**
   * Vectors of many texts of one kind. The model's prefix for that kind is prepended to each text
   * before tokenization, so it counts against the model's input limit.
   *
   * @param texts texts, each embedded independently of the others
   * @param kind passages (what is stored) or queries (what is searched with)
   * @return normalized vectors in input order, and how many inputs were truncated
   */
  @Override
  public Embedded embed(List<String> texts, EmbeddingKind kind) {
    long began = System.nanoTime();
    ModelTokenizer.Encoded[] encoded = tokenize(texts, spec.prefix(kind));
    List<int[]> batches =
        EmbeddingBatches.plan(
            encoded, tuning.batchSize(), tuning.maxBatchTokens(), tuning.maxPadding());
    float[][] vectors = new float[texts.size()][];
    runBatches(encoded, batches, vectors);
    listener.embedded(spec.id(), texts.size(), Duration.ofNanos(System.nanoTime() - began));
    return new Embedded(vectors, EmbeddingBatches.truncated(encoded));
  }

  private ModelTokenizer.Encoded[] tokenize(List<String> texts, String prefix) {
    int n = texts.size();
    ModelTokenizer.Encoded[] encoded = new ModelTokenizer.Encoded[n];
    int parts = workers == null || n < PARALLEL_TOKENIZE_MIN ? 1 : tuning.parallelBatches();
    List<int[]> ranges = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      ranges.add(new int[] {n * p / parts, n * (p + 1) / parts});
    }
    AtomicInteger next = new AtomicInteger();
    Runnable drain =
        () -> {
          for (int r = next.getAndIncrement(); r < ranges.size(); r = next.getAndIncrement()) {
            for (int i = ranges.get(r)[0]; i < ranges.get(r)[1]; i++) {
              String text = texts.get(i);
              encoded[i] = tokenizer.encodeForModel(prefix.isEmpty() ? text : prefix + text);
            }
          }
        };
    runOnAll(drain, parts, () -> next.set(ranges.size()));
    return encoded;
  }

  /**
   * Runs the batches, on the caller's thread alone or beside {@code parallelBatches - 1} workers
   * that take batches from the same list. Each batch writes its own rows of {@code out}.
   */
  private void runBatches(ModelTokenizer.Encoded[] encoded, List<int[]> batches, float[][] out) {
    AtomicInteger next = new AtomicInteger();
    Runnable drain =
        () -> {
          for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
            runBatch(encoded, batches.get(i), out);
          }
        };
    runOnAll(drain, Math.min(batches.size(), tuning.parallelBatches()),
        () -> next.set(batches.size()));
  }

  /**
   * Runs {@code drain} on the caller's thread and on {@code threads - 1} workers, and waits for all
   * of them. If the caller's run fails, {@code stop} tells the workers to take no more work.
   */
  private void runOnAll(Runnable drain, int threads, Runnable stop) {
    if (workers == null || threads <= 1) {
      drain.run();
      return;
    }
    List<Future<?>> helpers = new ArrayList<>();
    for (int w = 0; w < threads - 1; w++) {
      helpers.add(workers.submit(drain));
    }
    RuntimeException failure = null;
    try {
      drain.run();
    } catch (RuntimeException e) {
      failure = e;
      stop.run();
    }
    boolean interrupted = false;
    for (Future<?> f : helpers) {
      while (true) {
        try {
          f.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the helpers write into out: wait for them before returning
        } catch (ExecutionException e) {
          if (failure == null) {
            failure =
                e.getCause() instanceof RuntimeException re
                    ? re
                    : new ModelException("model " + spec.id() + " failed: " + e.getCause(),
                        spec.id(), e.getCause());
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void runBatch(ModelTokenizer.Encoded[] encoded, int[] rows, float[][] out) {
    EmbeddingBatches.Padded p = EmbeddingBatches.pad(encoded, rows);
    long[] shape = {p.rows(), p.length()};
    runPermits.acquireUninterruptibly();
    try (OnnxTensor idsTensor =
            ledger.track(OnnxTensor.createTensor(env, LongBuffer.wrap(p.ids()), shape));
        OnnxTensor maskTensor =
            ledger.track(OnnxTensor.createTensor(env, LongBuffer.wrap(p.mask()), shape));
        OnnxTensor typesTensor =
            needsTokenTypes
                ? ledger.track(OnnxTensor.createTensor(env, LongBuffer.wrap(p.typeIds()), shape))
                : null) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put(INPUT_IDS, idsTensor);
      inputs.put(ATTENTION_MASK, maskTensor);
      if (typesTensor != null) {
        inputs.put(TOKEN_TYPE_IDS, typesTensor);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        for (Map.Entry<String, OnnxValue> e : result) {
          ledger.track(e.getValue());
        }
        OnnxValue value =
            result.get(output).orElseThrow(() -> new IllegalStateException("no " + output));
        FloatBuffer states = ((OnnxTensor) value).getFloatBuffer();
        Pooler.pool(states, p.mask(), rows, p.length(), spec, out);
      }
    } catch (OrtException e) {
      throw new ModelException(
          "model " + spec.id() + " failed on a batch of " + p.rows() + ": " + e.getMessage(),
          spec.id(),
          e);
    } finally {
      runPermits.release();
    }
  }

  @Override
  public void close() {
    runPermits.acquireUninterruptibly(tuning.parallelBatches());
    try {
      if (workers != null) {
        workers.shutdown();
      }
      session.close();
    } catch (OrtException e) {
      throw new ModelException("cannot close model " + spec.id() + ": " + e, spec.id(), e);
    } finally {
      tokenizer.close();
      runPermits.release(tuning.parallelBatches());
    }
  }
}
