package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SoloException;
import dev.solosuccess.sdk.StorageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupts a thread that ingests, deletes, erases or searches, over and over at random moments
 * (a printed, replayable seed: {@code -Dsolo.interrupt.seed=N}), and then checks that the engine
 * still ingests, searches and deletes, that every acknowledged document is there, that an
 * interrupted call said so with the thread's interrupt status set, and that the store and the
 * index agree ({@link SoloEngine#verify}). Before the engine moved its writes off callers'
 * threads, an interrupt closed Lucene's file channels and every later write failed.
 */
class InterruptTest {

  static final int ROUNDS = 40;

  @TempDir Path dataDir;

  @Test
  void interruptsNeverBreakTheEngineNorLoseAcknowledgedDocuments() throws Exception {
    long seed = Long.getLong("solo.interrupt.seed", System.nanoTime());
    System.out.println("InterruptTest seed " + seed + " (replay: -Dsolo.interrupt.seed=" + seed + ")");
    Random random = new Random(seed);
    EngineConfig config = EngineConfig.builder(dataDir).build();
    // id -> the text of its acknowledged version; a deleted id maps to null (removed).
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    int interruptedCalls = 0;
    try (SoloEngine engine = SoloEngine.open(config)) {
      for (int i = 0; i < 5; i++) {
        ingest(engine, "seed-" + i, body(random, i, 0), acknowledged);
      }
      for (int round = 0; round < ROUNDS; round++) {
        long roundSeed = random.nextLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        int currentRound = round;
        Thread worker = Thread.ofPlatform().name("interrupted-" + round).start(() -> {
          Random r = new Random(roundSeed);
          try {
            for (int op = 0; op < 6; op++) {
              int kind = r.nextInt(10);
              String id = "doc-" + r.nextInt(30);
              if (kind < 6) {
                ingest(engine, id, body(r, currentRound, op), acknowledged);
              } else if (kind < 8) {
                if (engine.documents().get(id).isPresent()) {
                  engine.documents().delete(id);
                  acknowledged.remove(id);
                }
              } else if (kind < 9) {
                if (engine.documents().get(id).isPresent()) {
                  engine.documents().erase(id);
                  acknowledged.remove(id);
                }
              } else {
                engine.search().search(SearchRequest.builder("pump valve pressure").build());
              }
            }
          } catch (Throwable t) {
            failure.set(t);
            flagAfter.set(Thread.currentThread().isInterrupted());
          }
        });
        LockSupport.parkNanos((long) (random.nextDouble() * random.nextDouble() * 400_000_000L));
        worker.interrupt();
        worker.join();
        Throwable t = failure.get();
        if (t != null) {
          // An interrupted call either completes (its write was running: it is waited for) or
          // throws having written nothing: so acknowledged holds exactly what must be stored.
          interruptedCalls++;
          assertThat(t)
              .as("round %d: an interrupted call fails saying so, not as broken storage", round)
              .isInstanceOf(SoloException.class)
              .isNotInstanceOf(StorageException.class)
              .hasMessageContaining("interrupted");
          assertThat(flagAfter.get()).as("round %d: interrupt status restored", round).isTrue();
        }
      }
      System.out.println("InterruptTest: " + interruptedCalls + " of " + ROUNDS
          + " rounds ended in an interrupted call");

      // The engine still works, and holds exactly what was acknowledged.
      ingest(engine, "after", "After the interrupts the harbor pump valve still reports.", acknowledged);
      assertThat(engine.search().search(SearchRequest.builder("harbor pump valve").build()).hits())
          .isNotEmpty();
      engine.documents().delete("after");
      acknowledged.remove("after");
      assertHolds(engine, acknowledged);
    }
    VerifyReport report = SoloEngine.verify(config);
    assertThat(report.problems()).isEmpty();
    assertThat(report.ok()).isTrue();
    try (SoloEngine engine = SoloEngine.open(config)) {
      assertHolds(engine, acknowledged);
    }
  }

  private static void assertHolds(SoloEngine engine, Map<String, String> acknowledged) {
    List<String> ids = new ArrayList<>();
    engine.documents().list().forEach(d -> ids.add(d.id()));
    assertThat(ids).containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
    for (var e : acknowledged.entrySet()) {
      assertThat(engine.documents().text(e.getKey())).contains(e.getValue().substring(0, 40));
    }
  }

  private static void ingest(
      SoloEngine engine, String id, String text, Map<String, String> acknowledged) {
    engine.documents().ingest(DocumentSource.ofText(id + ".txt", text).withId(id));
    acknowledged.put(id, text);
  }

  private static String body(Random r, int round, int op) {
    String[] parts = {
      "The harbor pump station reported a pressure drop on valve %d during the night shift.",
      "Maintenance replaced the gasket and logged the torque values for flange %d.",
      "Inspectors noted corrosion near intake %d and scheduled a follow-up in two weeks.",
      "The backup generator ran for %d minutes while the main feed was isolated.",
      "Flow meters on line %d were recalibrated against the reference standard.",
    };
    StringBuilder sb = new StringBuilder("Report r" + round + "o" + op + "n" + r.nextInt(1_000_000)
        + ". ");
    int paragraphs = 3 + r.nextInt(8);
    for (int p = 0; p < paragraphs; p++) {
      for (int s = 0; s < 6; s++) {
        sb.append(String.format(parts[r.nextInt(parts.length)], r.nextInt(500))).append(' ');
      }
      sb.append("\n\n");
    }
    return sb.toString();
  }
}
