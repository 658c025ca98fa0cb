package dev.solosuccess.engine.internal.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.solosuccess.engine.InferenceListener;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.ModelException;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A sentence-embedding model in TorchScript, run by PyTorch through DJL: the same contract as
 * {@link OnnxEmbeddingModel} (prefixes, truncation counted, length-sorted padded batches, mean or
 * [CLS] pooling, L2 normalization), for models exported with {@code torch.jit.trace} or {@code
 * torch.jit.script} rather than to ONNX.
 *
 * <p>A model folder holds {@value #MODEL_FILE} and {@value #TOKENIZER_FILE} (HuggingFace). The
 * module's {@code forward} takes {@code (input_ids, attention_mask, token_type_ids)} or {@code
 * (input_ids, attention_mask)}, int64 {@code [batch, tokens]} (which of the two is found at load,
 * by one call), and returns the token states {@code [batch, tokens, dimension]}, alone or first
 * in a tuple or list (as HuggingFace models traced with {@code torchscript=True} do).
 *
 * <p>Thread-safe: PyTorch runs a module for many threads at once. Batches of one call run one
 * after the other on the caller's thread, each operator on PyTorch's intra-op threads (as many as
 * cores by default). Every tensor of a batch lives in an {@link NDManager} closed when the batch
 * ends. {@link #close()} waits for calls in flight and is idempotent; calls after it fail.
 *
 * <p>Not tuned for speed. all-MiniLM-L6-v2 traced from the built-in ONNX graph gave the ONNX
 * backend's vectors (minimum cosine 1.000000 over 200 texts) at 38 to 42 texts/s against 191 to
 * 220 for ONNX Runtime, on a busy 2-core machine; with {@code -Dai.djl.pytorch.num_threads=1}
 * (set before PyTorch loads) it gave 97 to 101 against 167 to 204, PyTorch's spinning threads
 * losing most to the machine's other load.
 *
 * <pre>{@code
 * try (EmbeddingModel m = TorchScriptEmbeddingModel.load(Path.of("models/minilm-ts"), spec)) {
 *   float[] v = m.embedQuery("vacation days for new hires");
 * }
 * }</pre>
 */
public final class TorchScriptEmbeddingModel implements EmbeddingModel {

  /** The TorchScript module in a model folder. */
  public static final String MODEL_FILE = "model.pt";

  /** The HuggingFace tokenizer in a model folder. */
  public static final String TOKENIZER_FILE = "tokenizer.json";

  /** Default most inputs per batch. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  /**
   * Most padded tokens per batch. Larger than {@link OnnxEmbeddingModel#MAX_BATCH_TOKENS}: there
   * each batch runs on one thread, while PyTorch spreads every operator of one batch over all its
   * threads, which pays only on larger operands.
   */
  static final long MAX_BATCH_TOKENS = 2048;

  private final ModelSpec spec;
  private final ModelTokenizer tokenizer;
  private final Model model;
  private final boolean tokenTypes;
  private final int batchSize;
  private final InferenceListener listener;
  /** Calls hold the read side; {@link #close()} takes the write side, after calls in flight. */
  private final ReadWriteLock running = new ReentrantReadWriteLock();
  private boolean closed; // guarded by running

  private TorchScriptEmbeddingModel(
      ModelSpec spec,
      ModelTokenizer tokenizer,
      Model model,
      boolean tokenTypes,
      int batchSize,
      InferenceListener listener) {
    this.spec = spec;
    this.tokenizer = tokenizer;
    this.model = model;
    this.tokenTypes = tokenTypes;
    this.batchSize = batchSize;
    this.listener = listener;
  }

  /** Loads a model folder with the default batch size and no listener. */
  public static TorchScriptEmbeddingModel load(Path folder, ModelSpec spec) {
    return load(folder, spec, DEFAULT_BATCH_SIZE, InferenceListener.NONE);
  }

  /**
   * Loads a model folder, loading PyTorch if it is not loaded yet. Call {@link
   * NativeRuntime#prepare} first.
   *
   * @param folder holds {@value #MODEL_FILE} and {@value #TOKENIZER_FILE}
   * @param spec the model's id, dimension, input limit, pooling, normalization and prefixes (its
   *     resource names are not read)
   * @param batchSize most inputs per batch
   * @param listener hears of every {@link #embed(List, EmbeddingKind)}
   * @throws ModelException if a file is missing or unreadable, PyTorch cannot load the module, or
   *     the module's output is not {@code [batch, tokens, spec.dimension()]}
   */
  public static TorchScriptEmbeddingModel load(
      Path folder, ModelSpec spec, int batchSize, InferenceListener listener) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    Path modelFile = folder.resolve(MODEL_FILE);
    Path tokenizerFile = folder.resolve(TOKENIZER_FILE);
    for (Path p : List.of(modelFile, tokenizerFile)) {
      if (!Files.isRegularFile(p)) {
        throw new ModelException(
            "model " + spec.id() + " has no " + p.getFileName() + " in " + folder, spec.id(), null);
      }
    }
    return load(folder, MODEL_FILE, ModelTokenizer.load(tokenizerFile, spec), spec, batchSize,
        listener);
  }

  /**
   * Loads a pinned model folder ({@code format: "torchscript"} in its descriptor): every pinned
   * file is checked against its SHA-256 first, and the tokenizer is read from its verified bytes.
   *
   * @throws ModelException if a file is missing or changed since pinned, or cannot be loaded
   */
  public static TorchScriptEmbeddingModel load(
      ModelSource.Folder source, ModelSpec spec, int batchSize, InferenceListener listener) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    source.verifyAll(spec.id());
    return load(source.folder(), source.modelFile(), ModelTokenizer.load(spec), spec, batchSize,
        listener);
  }

  private static TorchScriptEmbeddingModel load(
      Path folder,
      String modelFileName,
      ModelTokenizer tokenizer,
      ModelSpec spec,
      int batchSize,
      InferenceListener listener) {
    Path modelFile = folder.resolve(modelFileName);
    Model model = null;
    try {
      model = PyTorchRuntime.newModel(spec.id());
      model.load(folder, modelFileName);
      boolean tokenTypes = probeInputs(model, tokenizer, spec);
      return new TorchScriptEmbeddingModel(spec, tokenizer, model, tokenTypes, batchSize, listener);
    } catch (IOException | ai.djl.MalformedModelException | RuntimeException e) {
      tokenizer.close();
      if (model != null) {
        model.close();
      }
      if (e instanceof ModelException me) {
        throw me;
      }
      throw new ModelException(
          "cannot load TorchScript model " + spec.id() + " from " + modelFile + ": "
              + e.getMessage(),
          spec.id(),
          e);
    }
  }

  /**
   * Runs the module once on a one-word input, with token types and then without: the answer is
   * whether it takes them. The call also switches the module to inference mode before any caller
   * can race on it, and checks the output's shape.
   */
  private static boolean probeInputs(Model model, ModelTokenizer tokenizer, ModelSpec spec) {
    ModelTokenizer.Encoded[] one = {tokenizer.encodeForModel("hello")};
    EmbeddingBatches.Padded p = EmbeddingBatches.pad(one, new int[] {0});
    RuntimeException first = null;
    for (boolean tokenTypes : new boolean[] {true, false}) {
      try (NDManager m = model.getNDManager().newSubManager()) {
        tokenStates(model.getBlock(), m, p, tokenTypes, spec); // checks the output's shape
        return tokenTypes;
      } catch (ModelException e) {
        throw e; // it ran, with the wrong output: not a question of inputs
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    throw new ModelException(
        "TorchScript model " + spec.id() + " fails on (input_ids, attention_mask[,"
            + " token_type_ids]): " + first.getMessage(),
        spec.id(),
        first);
  }

  /** Runs the module on one padded batch; the result belongs to {@code m}. */
  private static NDArray tokenStates(
      Block block, NDManager m, EmbeddingBatches.Padded p, boolean tokenTypes, ModelSpec spec) {
    Shape shape = new Shape(p.rows(), p.length());
    NDList inputs = new NDList(m.create(p.ids(), shape), m.create(p.mask(), shape));
    if (tokenTypes) {
      inputs.add(m.create(p.typeIds(), shape));
    }
    NDList outputs = block.forward(new ParameterStore(m, false), inputs, false);
    NDArray states = outputs.isEmpty() ? null : outputs.get(0);
    Shape expected = new Shape(p.rows(), p.length(), spec.dimension());
    if (states == null || !states.getShape().equals(expected)) {
      throw new ModelException(
          "TorchScript model " + spec.id() + " must return token states " + expected + ", got "
              + (states == null ? "nothing" : states.getShape()),
          spec.id(),
          null);
    }
    return states.getDataType() == DataType.FLOAT32 ? states : states.toType(DataType.FLOAT32, false);
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public Tokenization tokenization() {
    return tokenizer;
  }

  @Override
  public int passageOverheadTokens() {
    return tokenizer.encodeForModel(spec.passagePrefix()).length();
  }

  @Override
  public Embedded embed(List<String> texts, EmbeddingKind kind) {
    long began = System.nanoTime();
    float[][] vectors = new float[texts.size()][];
    EmbeddingBatches.Encoded in;
    running.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("model " + spec.id() + " is closed");
      }
      in = EmbeddingBatches.encode(tokenizer, texts, spec.prefix(kind));
      for (int[] rows :
          EmbeddingBatches.plan(
              in.encoded(), batchSize, MAX_BATCH_TOKENS, OnnxEmbeddingModel.MAX_PADDING)) {
        runBatch(in.encoded(), rows, vectors);
      }
    } finally {
      running.readLock().unlock();
    }
    listener.embedded(spec.id(), texts.size(), Duration.ofNanos(System.nanoTime() - began));
    return new Embedded(vectors, in.truncated());
  }

  private void runBatch(ModelTokenizer.Encoded[] encoded, int[] rows, float[][] out) {
    EmbeddingBatches.Padded p = EmbeddingBatches.pad(encoded, rows);
    try (NDManager m = model.getNDManager().newSubManager()) {
      NDArray states = tokenStates(model.getBlock(), m, p, tokenTypes, spec);
      Pooler.pool(FloatBuffer.wrap(states.toFloatArray()), p.mask(), rows, p.length(), spec, out);
    } catch (ModelException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ModelException(
          "model " + spec.id() + " failed on a batch of " + p.rows() + ": " + e.getMessage(),
          spec.id(),
          e);
    }
  }

  /** Waits for calls in flight, then frees the module and the tokenizer; idempotent. */
  @Override
  public void close() {
    running.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        model.close();
      } finally {
        tokenizer.close();
      }
    } finally {
      running.writeLock().unlock();
    }
  }
}
