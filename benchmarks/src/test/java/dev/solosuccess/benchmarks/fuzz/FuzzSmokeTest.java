package dev.solosuccess.benchmarks.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzer's small version in {@code verify}: 600 cases over every target, none a bug. The seed
 * is fixed (override with {@code -Dtests.seed=S}) so that a failure replays with {@code --seed S
 * --replay N}; the watchdog is 30 s rather than 10 so that a busy build machine is not taken for a
 * hang. The measured run is 100,000 cases (README, Fuzzing).
 */
class FuzzSmokeTest {

  @Test
  void sixHundredCasesFindNoBug(@TempDir Path work) throws Exception {
    String seed = System.getProperty("tests.seed", "20261126");
    System.out.println("FuzzSmokeTest seed: " + seed);
    int bugs = Fuzz.run(new String[] {
        "--cases", "600", "--seed", seed, "--timeout-s", "30", "--work", work.toString()});
    assertThat(bugs).as("distinct bugs (the table and each bug's stack trace are in the output)")
        .isZero();
  }
}
