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
 * @param batchSize most inputs per batch
 * @param maxBatchTokens most padded tokens per batch
 * @param maxPadding a batch ends where the next input is longer than its first times this, plus 4
 */
public record SessionTuning(
    int intraOpThreads,
    int interOpThreads,
    OptLevel optLevel,
    ExecutionMode executionMode,
    boolean memoryArena,
    boolean memoryPattern,
    int batchSize,
    long maxBatchTokens,
    double maxPadding) {

  public SessionTuning {
    if (intraOpThreads < 1 || interOpThreads < 1 || batchSize < 1 || maxBatchTokens < 1) {
      throw new IllegalArgumentException(
          "threads, batch size and token budget must be >= 1, got " + intraOpThreads + ", "
              + interOpThreads + ", " + batchSize + ", " + maxBatchTokens);
    }
    if (!(maxPadding >= 1.0)) {
      throw new IllegalArgumentException("maxPadding must be >= 1.0, got " + maxPadding);
    }
  }

  /** The measured best for {@code threads} intra-op threads and batches of {@code batchSize}. */
  public static SessionTuning defaults(int threads, int batchSize) {
    return new SessionTuning(
        threads,
        1,
        OptLevel.ALL_OPT,
        ExecutionMode.SEQUENTIAL,
        true,
        true,
        batchSize,
        OnnxEmbeddingModel.MAX_BATCH_TOKENS,
        OnnxEmbeddingModel.MAX_PADDING);
  }

  public SessionTuning withIntraOpThreads(int n) {
    return new SessionTuning(n, interOpThreads, optLevel, executionMode, memoryArena,
        memoryPattern, batchSize, maxBatchTokens, maxPadding);
  }

  public SessionTuning withInterOp(ExecutionMode mode, int threads) {
    return new SessionTuning(intraOpThreads, threads, optLevel, mode, memoryArena,
        memoryPattern, batchSize, maxBatchTokens, maxPadding);
  }

  public SessionTuning withOptLevel(OptLevel level) {
    return new SessionTuning(intraOpThreads, interOpThreads, level, executionMode, memoryArena,
        memoryPattern, batchSize, maxBatchTokens, maxPadding);
  }

  public SessionTuning withMemory(boolean arena, boolean pattern) {
    return new SessionTuning(intraOpThreads, interOpThreads, optLevel, executionMode, arena,
        pattern, batchSize, maxBatchTokens, maxPadding);
  }

  public SessionTuning withBatching(int size, long tokens, double padding) {
    return new SessionTuning(intraOpThreads, interOpThreads, optLevel, executionMode, memoryArena,
        memoryPattern, size, tokens, padding);
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
      return options;
    } catch (OrtException | RuntimeException e) {
      options.close();
      throw e;
    }
  }

  /** A short label for benchmark tables. */
  public String label() {
    return "intra=" + intraOpThreads + " inter=" + interOpThreads + " " + optLevel + " "
        + executionMode + " arena=" + memoryArena + " pattern=" + memoryPattern + " batch="
        + batchSize + " tokens=" + maxBatchTokens + " padding=" + maxPadding;
  }
}
