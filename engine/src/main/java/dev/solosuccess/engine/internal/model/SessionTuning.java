package dev.solosuccess.engine.internal.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;

/**
 * How an {@link OnnxEmbeddingModel} runs: ONNX Runtime's session options and the batching limits.
 * The defaults are the fastest measured on a 2-core machine, side by side with LangChain4j (see
 * {@code benchmarks/README.md}, "Embedding: LangChain4j side by side"); the other settings exist
 * so that the benchmark can compare them in one run.
 *
 * @param intraOpThreads ONNX Runtime threads inside one operator
 * @param interOpThreads threads across independent operators (only with {@code PARALLEL})
 * @param optLevel graph optimization level
 * @param executionMode sequential or parallel operator execution
 * @param memoryArena the CPU memory arena (reuses allocations between runs)
 * @param memoryPattern memory pattern planning (pre-plans allocations per input shape)
 * @param spinning whether idle intra-op threads spin-wait for work instead of sleeping
 * @param batchSize most inputs per batch
 * @param maxBatchTokens most padded tokens per batch
 * @param maxPadding a batch ends where the next input is longer than its first times this, plus 4
 * @param parallelBatches batches that run at once, each on its own calling thread
 * @param geluApproximation GELU by its tanh approximation (ONNX Runtime's {@code FastGelu}) instead
 *     of the exact erf form: about 6% faster for fp32 and 7% for int8 on 2 cores, at a cosine of
 *     at least 0.99999 to the exact vectors (benchmarks/README.md); off by default
 * @param cuda run on ONNX Runtime's CUDA execution provider (device 0); needs {@code
 *     onnxruntime_gpu} on the class path and a visible CUDA device
 * @param deterministic a text's vector must not depend on the other texts of its call: models that
 *     quantize activations per batch (dynamic int8) then run each text alone; others batch as usual,
 *     since padding is masked and their vectors agree to a cosine of 0.99999 either way
 */
public record SessionTuning(
    int intraOpThreads,
    int interOpThreads,
    OptLevel optLevel,
    ExecutionMode executionMode,
    boolean memoryArena,
    boolean memoryPattern,
    boolean spinning,
    int batchSize,
    long maxBatchTokens,
    double maxPadding,
    int parallelBatches,
    boolean geluApproximation,
    boolean cuda,
    boolean deterministic) {

  public SessionTuning {
    if (parallelBatches < 1 || intraOpThreads < 1 || interOpThreads < 1 || batchSize < 1
        || maxBatchTokens < 1) {
      throw new IllegalArgumentException(
          "threads, batch size and token budget must be >= 1, got " + intraOpThreads + ", "
              + interOpThreads + ", " + batchSize + ", " + maxBatchTokens + ", " + parallelBatches);
    }
    if (!(maxPadding >= 1.0)) {
      throw new IllegalArgumentException("maxPadding must be >= 1.0, got " + maxPadding);
    }
  }

  /**
   * The measured best for {@code threads} cores: {@code threads} batches at once, each on one
   * intra-op thread, rather than one batch on {@code threads} intra-op threads. On 2 cores
   * (benchmarks/README.md, "Embedding: LangChain4j side by side") two single-threaded batches of
   * at most 512 tokens gave 449 sentences/s against 370 for one two-threaded batch of 1,024 in the
   * same run: a BERT-small layer is many small operators, and splitting each across threads costs
   * a barrier per operator and leaves the non-GEMM ones mostly serial. The other options measured
   * within noise of ONNX Runtime's defaults (ALL_OPT, SEQUENTIAL, arena and memory pattern on) or
   * worse (PARALLEL with 2 inter-op threads: 0.7×). A single short query now runs on one thread.
   */
  public static SessionTuning defaults(int threads, int batchSize) {
    return new SessionTuning(
        1,
        1,
        OptLevel.ALL_OPT,
        ExecutionMode.SEQUENTIAL,
        true,
        true,
        true,
        batchSize,
        OnnxEmbeddingModel.MAX_BATCH_TOKENS,
        OnnxEmbeddingModel.MAX_PADDING,
        threads,
        false,
        false,
        true);
  }

  /**
   * The engine's settings before the side-by-side tuning: one batch at a time on {@code threads}
   * intra-op threads, at most 1,024 tokens a batch. Kept for the benchmark's comparison.
   */
  public static SessionTuning previous(int threads, int batchSize) {
    return defaults(threads, batchSize)
        .withParallelBatches(1)
        .withIntraOpThreads(threads)
        .withBatching(batchSize, 1024, OnnxEmbeddingModel.MAX_PADDING);
  }

  public SessionTuning withIntraOpThreads(int n) {
    return new SessionTuning(n, interOpThreads, optLevel, executionMode, memoryArena,
        memoryPattern, spinning, batchSize, maxBatchTokens, maxPadding, parallelBatches,
        geluApproximation, cuda, deterministic);
  }

  public SessionTuning withInterOp(ExecutionMode mode, int threads) {
    return new SessionTuning(intraOpThreads, threads, optLevel, mode, memoryArena,
        memoryPattern, spinning, batchSize, maxBatchTokens, maxPadding, parallelBatches,
        geluApproximation, cuda, deterministic);
  }

  public SessionTuning withOptLevel(OptLevel level) {
    return new SessionTuning(intraOpThreads, interOpThreads, level, executionMode, memoryArena,
        memoryPattern, spinning, batchSize, maxBatchTokens, maxPadding, parallelBatches,
        geluApproximation, cuda, deterministic);
  }

  public SessionTuning withMemory(boolean arena, boolean pattern) {
    return new SessionTuning(intraOpThreads, interOpThreads, optLevel, executionMode, arena,
        pattern, spinning, batchSize, maxBatchTokens, maxPadding, parallelBatches,
        geluApproximation, cuda, deterministic);
  }

  public SessionTuning withSpinning(boolean spin) {
    return new SessionTuning(intraOpThreads, interOpThreads, optLevel, executionMode, memoryArena,
        memoryPattern, spin, batchSize, maxBatchTokens, maxPadding, parallelBatches,
        geluApproximation, cuda, deterministic);
  }

  public SessionTuning withBatching(int size, long tokens, double padding) {
    return new SessionTuning(intraOpThreads, interOpThreads, optLevel, executionMode, memoryArena,
        memoryPattern, spinning, size, tokens, padding, parallelBatches,
        geluApproximation, cuda, deterministic);
  }

  /** {@code n} batches at once, intra-op threads unchanged. */
  public SessionTuning withParallelBatches(int n) {
    return new SessionTuning(intraOpThreads, interOpThreads, optLevel,
        executionMode, memoryArena, memoryPattern, spinning, batchSize, maxBatchTokens, maxPadding,
        n, geluApproximation, cuda, deterministic);
  }

  public SessionTuning withGeluApproximation(boolean approximate) {
    return new SessionTuning(intraOpThreads, interOpThreads, optLevel, executionMode, memoryArena,
        memoryPattern, spinning, batchSize, maxBatchTokens, maxPadding, parallelBatches,
        approximate, cuda, deterministic);
  }

  public SessionTuning withCuda(boolean onCuda) {
    return new SessionTuning(intraOpThreads, interOpThreads, optLevel, executionMode, memoryArena,
        memoryPattern, spinning, batchSize, maxBatchTokens, maxPadding, parallelBatches,
        geluApproximation, onCuda, deterministic);
  }

  public SessionTuning withDeterministic(boolean onlyAlone) {
    return new SessionTuning(intraOpThreads, interOpThreads, optLevel, executionMode, memoryArena,
        memoryPattern, spinning, batchSize, maxBatchTokens, maxPadding, parallelBatches,
        geluApproximation, cuda, onlyAlone);
  }

  /** ONNX Runtime options for these settings; the caller closes them. */
  SessionOptions toOptions() throws OrtException {
    SessionOptions options = new SessionOptions();
    try {
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(interOpThreads);
      options.setExecutionMode(executionMode);
      options.setOptimizationLevel(optLevel);
      options.setCPUArenaAllocator(memoryArena);
      options.setMemoryPatternOptimization(memoryPattern);
      options.addConfigEntry("session.intra_op.allow_spinning", spinning ? "1" : "0");
      if (geluApproximation) {
        options.addConfigEntry("optimization.enable_gelu_approximation", "1");
      }
      if (cuda) {
        options.addCUDA(0);
      }
      return options;
    } catch (OrtException | RuntimeException e) {
      options.close();
      throw e;
    }
  }

  /** A short label for benchmark tables. */
  public String label() {
    return "intra=" + intraOpThreads + " inter=" + interOpThreads + " " + optLevel + " "
        + executionMode + " arena=" + memoryArena + " pattern=" + memoryPattern + " spin="
        + spinning + " batch=" + batchSize + " tokens=" + maxBatchTokens + " padding="
        + maxPadding + " parallel=" + parallelBatches + (geluApproximation ? " fast-gelu" : "")
        + (cuda ? " cuda" : "") + (deterministic ? " deterministic" : " batch-dependent");
  }
}
