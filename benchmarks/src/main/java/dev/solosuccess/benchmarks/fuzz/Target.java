package dev.solosuccess.benchmarks.fuzz;

import dev.solosuccess.sdk.SoloException;

/**
 * One entry point the fuzzer drives. {@link #run} draws its input from the case's random source
 * (so a case replays from the run's seed and its number) and calls the entry point once. Targets
 * run one case at a time, on the fuzzer's worker thread.
 */
interface Target {

  String name();

  /** Relative share of the run's cases. */
  int weight();

  void run(FuzzCase c) throws Exception;

  /**
   * Whether a failure is the entry point's documented refusal of bad input rather than a bug: a
   * {@link SoloException} subtype for the engine's API.
   */
  default boolean expected(Throwable t) {
    return t instanceof SoloException;
  }
}
