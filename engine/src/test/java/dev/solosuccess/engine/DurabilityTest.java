package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call that returned is durable: a child JVM ingests and acknowledges documents, is killed with
 * SIGKILL at a random moment, and every acknowledged document is then in the store with its content
 * hash and found by search (the index caught up on open).
 */
class DurabilityTest {

  @TempDir Path dataDir;

  @Test
  void theStoreRunsWithoutWriteDelay() {
    TestSupport.open(dataDir).close();
    try (MetadataStore store = MetadataStore.open(dataDir, "all-minilm-l6-v2", 384)) {
      assertThat(store.setting("WRITE_DELAY")).isEqualTo("0");
    }
  }

  @Test
  void acknowledgedDocumentsSurviveKillNine() throws Exception {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("DurabilityTest seed: " + seed + " (rerun with -Dtests.seed=" + seed + ")");
    Random random = new Random(seed);
    List<String[]> acknowledged = new ArrayList<>();
    int rounds = 3;
    for (int round = 0; round < rounds; round++) {
      Process child =
          ChildJvm.builder(IngestUntilKilled.class, List.of(), dataDir.toString(), "" + round)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      int target = 2 + random.nextInt(8);
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        int acks = 0;
        while (acks < target && (line = out.readLine()) != null) {
          if (line.startsWith("ACK ")) {
            acknowledged.add(line.substring(4).split(" "));
            acks++;
          }
        }
        assertThat(acks).as("acks before kill in round " + round).isEqualTo(target);
        Thread.sleep(random.nextInt(40)); // land the kill somewhere inside the next write
        killNine(child);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("exit status of a SIGKILLed JVM").isEqualTo(137);
        // Anything acknowledged between our last read and the kill counts too.
        while ((line = out.readLine()) != null) {
          if (line.startsWith("ACK ")) {
            acknowledged.add(line.substring(4).split(" "));
          }
        }
      }

      try (SoloEngine engine = TestSupport.open(dataDir)) {
        for (String[] ack : acknowledged) {
          Document d = engine.documents().get(ack[0]).orElse(null);
          assertThat(d).as("acknowledged document " + ack[0]).isNotNull();
          assertThat(d.sha256()).isEqualTo(ack[1]);
          List<SearchHit> hits =
              engine.search()
                  .search(SearchRequest.builder(ack[2]).mode(SearchMode.LEXICAL).limit(3).build())
                  .hits();
          assertThat(hits).as("search for " + ack[2]).isNotEmpty();
          assertThat(hits.get(0).documentId()).isEqualTo(ack[0]);
        }
      }
    }
    assertThat(acknowledged.size()).isGreaterThanOrEqualTo(rounds * 2);
  }

  /** SIGKILL through kill(1): Process.destroyForcibly would also close our end of its output. */
  private static void killNine(Process child) throws Exception {
    Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0)
        .as("kill -KILL " + child.pid())
        .isTrue();
  }
}
