package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.Grouping;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches, gets and chunk reads from four threads while one thread replaces documents over and
 * over and another deletes documents one by one, for a few seconds with a printed random seed: no
 * unexpected error, no hit or get of a document after its delete returned, and never the chunks
 * of two versions of one document in one answer.
 */
class ConcurrencyTest {

  static final int STABLE = 15;
  static final int MUTABLE = 10;
  static final int DOOMED = 25;
  static final long RUN_NANOS = 6_000_000_000L;
  static final Pattern VERSION = Pattern.compile("vtok(\\d+)x(\\d+)");

  @TempDir Path dataDir;

  @Test
  void readersNeverSeeDeletedOrHalfReplacedDocuments() throws Exception {
    long seed = System.nanoTime();
    System.out.println("ConcurrencyTest seed " + seed);
    Random setup = new Random(seed);
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(dataDir).build())) {
      for (int i = 0; i < STABLE; i++) {
        engine.documents().ingest(text("stable-" + i, stable(i)));
      }
      for (int i = 0; i < MUTABLE; i++) {
        engine.documents().ingest(text("mutable-" + i, version(i, 0, setup)));
      }
      for (int i = 0; i < DOOMED; i++) {
        engine.documents().ingest(text("doomed-" + i, doomed(i)));
      }
      Map<String, Long> deletedAt = new ConcurrentHashMap<>();
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong reads = new AtomicLong();
      AtomicLong versionChecks = new AtomicLong();
      AtomicLong replacements = new AtomicLong();
      List<Thread> threads = new ArrayList<>();

      threads.add(
          Thread.ofPlatform().name("replacer").unstarted(
              guarded(problems, () -> {
                Random r = new Random(seed + 1);
                for (int v = 1; !stop.get(); v++) {
                  int i = r.nextInt(MUTABLE);
                  engine.documents().ingest(text("mutable-" + i, version(i, v, r)));
                  replacements.incrementAndGet();
                }
              })));
      threads.add(
          Thread.ofPlatform().name("deleter").unstarted(
              guarded(problems, () -> {
                for (int i = 0; i < DOOMED && !stop.get(); i++) {
                  engine.documents().delete("doomed-" + i);
                  deletedAt.put("doomed-" + i, System.nanoTime());
                  Thread.sleep(RUN_NANOS / 1_000_000 / (DOOMED + 5));
                }
              })));
      for (int t = 0; t < 4; t++) {
        long readerSeed = seed + 10 + t;
        threads.add(
            Thread.ofPlatform().name("reader-" + t).unstarted(
                guarded(problems, () -> {
                  Random r = new Random(readerSeed);
                  String[] words = {"pumps", "valves", "ledger", "harbor", "pumps valves", "vtok"};
                  while (!stop.get()) {
                    long start = System.nanoTime();
                    switch (r.nextInt(3)) {
                      case 0 -> {
                        SearchRequest request =
                            SearchRequest.builder(words[r.nextInt(words.length)])
                                .mode(r.nextBoolean() ? SearchMode.LEXICAL : SearchMode.HYBRID)
                                .grouping(Grouping.CHUNK)
                                .limit(200)
                                .build();
                        List<SearchHit> hits = engine.search().search(request).hits();
                        Map<String, Set<String>> versions = new ConcurrentHashMap<>();
                        for (SearchHit h : hits) {
                          checkNotDeleted(h.documentId(), start, deletedAt, problems, "search");
                          Matcher m = VERSION.matcher(h.snippet());
                          if (m.find()) {
                            versions.computeIfAbsent(h.documentId(), k -> new HashSet<>())
                                .add(m.group(2));
                          }
                        }
                        versions.forEach((doc, vs) -> {
                          versionChecks.incrementAndGet();
                          if (vs.size() > 1) {
                            problems.add("search mixed versions " + vs + " of " + doc);
                          }
                        });
                      }
                      case 1 -> {
                        String id = randomId(r);
                        if (engine.documents().get(id).isPresent()) {
                          checkNotDeleted(id, start, deletedAt, problems, "get");
                        }
                      }
                      default -> {
                        String id = "mutable-" + r.nextInt(MUTABLE);
                        Set<String> vs = new HashSet<>();
                        for (Chunk c : engine.documents().chunks(id)) {
                          Matcher m = VERSION.matcher(c.text());
                          while (m.find()) {
                            vs.add(m.group(2));
                          }
                        }
                        versionChecks.incrementAndGet();
                        if (vs.size() != 1) {
                          problems.add("chunks of " + id + " carry versions " + vs);
                        }
                      }
                    }
                    reads.incrementAndGet();
                  }
                })));
      }
      threads.forEach(Thread::start);
      Thread.sleep(RUN_NANOS / 1_000_000);
      stop.set(true);
      for (Thread t : threads) {
        t.join(60_000);
        assertThat(t.isAlive()).as(t.getName() + " finished").isFalse();
      }
      System.out.printf(
          "ConcurrencyTest: %d reads, %d version checks, %d replacements, %d deletes%n",
          reads.get(), versionChecks.get(), replacements.get(), deletedAt.size());
      assertThat(problems).as("seed " + seed).isEmpty();
      assertThat(reads.get()).isGreaterThan(100);
      assertThat(replacements.get()).isGreaterThan(5);
      assertThat(deletedAt).hasSizeGreaterThan(10);
      assertThat(versionChecks.get()).isGreaterThan(50);
      for (String id : deletedAt.keySet()) {
        assertThat(engine.documents().get(id)).as(id).isEmpty();
      }
    }
  }

  private static void checkNotDeleted(
      String id, long start, Map<String, Long> deletedAt, ConcurrentLinkedQueue<String> problems,
      String what) {
    Long at = deletedAt.get(id);
    if (at != null && at < start) {
      problems.add(what + " returned " + id + " after its delete returned");
    }
  }

  private static String randomId(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> "stable-" + r.nextInt(STABLE);
      case 1 -> "mutable-" + r.nextInt(MUTABLE);
      default -> "doomed-" + r.nextInt(DOOMED);
    };
  }

  private interface Body {
    void run() throws Exception;
  }

  private static Runnable guarded(ConcurrentLinkedQueue<String> problems, Body body) {
    return () -> {
      try {
        body.run();
      } catch (NotFoundException e) {
        problems.add("unexpected: " + e.getMessage());
      } catch (Exception | Error e) {
        problems.add(Thread.currentThread().getName() + " failed: " + e);
      }
    };
  }

  private static DocumentSource text(String id, String text) {
    return DocumentSource.ofText(id + ".txt", text).withId(id);
  }

  private static String stable(int i) {
    return "Stable note " + i + " about the harbor pumps and valves, checked every week.";
  }

  private static String doomed(int i) {
    return "Doomed note " + i + " about the ledger of pumps and valves, to be deleted soon.";
  }

  /** Several chunks, every sentence carrying the version's token, so any snippet shows it. */
  private static String version(int doc, int v, Random r) {
    StringBuilder b = new StringBuilder();
    int sentences = 12 + r.nextInt(20);
    String token = "vtok" + doc + "x" + v;
    for (int s = 0; s < sentences; s++) {
      b.append(token).append(" pumps ").append(token).append(" valves ").append(token)
          .append(" ledger entry ").append(s).append(' ').append(token).append(". ");
    }
    return b.toString();
  }
}
