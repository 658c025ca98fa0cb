package dev.solosuccess.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill harness in small: one child killed just after the H2 commit, one between Lucene's
 * prepared and finished commit, one hnswlib writer between the snapshot's fsync and its rename;
 * nothing acknowledged is lost and every check passes. The full run is {@code
 * benchmarks/kill-harness.sh} (50 rounds, README "Durability").
 */
class KillHarnessTest {

  @TempDir Path dir;

  @Test
  void threeTargetedKillsLoseNothing() throws Exception {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<KillHarness.Round> rounds;
    try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
      rounds =
          KillHarness.run(
              3, seed, List.of("h2.after-commit", "lucene.prepared", "hnsw.synced"), dir, out);
    }
    String table = log.toString(StandardCharsets.UTF_8);
    System.out.println(table);
    assertThat(rounds).hasSize(3);
    for (KillHarness.Round r : rounds) {
      assertThat(r.pointReached()).as("round %s reached its kill point\n%s", r, table).isTrue();
      assertThat(r.exitStatus()).as("SIGKILL\n%s", table).isEqualTo(137);
      assertThat(r.checked()).as("round %s checked something", r).isPositive();
      assertThat(r.lost()).as("lost in round %s\n%s", r, table).isZero();
      assertThat(r.mismatches()).as("mismatches in round %s\n%s", r, table).isZero();
    }
    assertThat(rounds.get(0).acks() + rounds.get(1).acks()).isPositive();
  }
}
