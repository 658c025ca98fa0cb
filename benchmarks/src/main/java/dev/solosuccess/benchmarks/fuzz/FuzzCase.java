package dev.solosuccess.benchmarks.fuzz;

import java.util.SplittableRandom;

/**
 * One case: its random source, derived from the run's seed and the case number so that {@code
 * --seed S --replay N} draws the same input again, and what the target says it fed the entry
 * point (for the report of a failing case). Used by one thread.
 */
final class FuzzCase {

  final long number;
  final SplittableRandom random;
  private final StringBuilder description = new StringBuilder();
  private byte[] input;

  FuzzCase(long seed, long number) {
    this.number = number;
    this.random = new SplittableRandom(seed ^ (number * 0x9E3779B97F4A7C15L));
  }

  /** Adds to the case's description: the seed used and the mutations applied. */
  FuzzCase describe(String s) {
    if (description.length() < 400) {
      description.append(description.length() == 0 ? "" : "; ").append(s);
    }
    return this;
  }

  /** Keeps the bytes given to the entry point, for saving a failing case. */
  void input(byte[] bytes) {
    this.input = bytes;
  }

  byte[] input() {
    return input;
  }

  String description() {
    return description.toString();
  }
}
