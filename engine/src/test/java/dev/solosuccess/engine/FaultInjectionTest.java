package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.faults.FaultPlan;
import dev.solosuccess.engine.faults.FaultyDirectory;
import dev.solosuccess.engine.faults.FaultyH2FileSystem;
import dev.solosuccess.engine.internal.store.StoreFileSystem;
import dev.solosuccess.index.internal.lucene.DirectoryHooks;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SoloException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Injected I/O faults, as SQLite's and Lucene's test suites inject them: the store's file (through
 * an H2 file system wrapper) or the index's directory (through a Lucene directory wrapper) fails
 * its Nth write, sync or rename during an ingest or a delete, for N = 1, 2, 3, ... until the call
 * runs without reaching N; the Nth operation alone ("once") or it and every later one
 * ("persistent"). Each time: the call returns or fails with a {@link SoloException}; the engine
 * then stores a further ingest or refuses it with a {@link SoloException}; once the fault is
 * cleared, closing, {@link SoloEngine#verify} (H2 opens, CheckIndex clean, index and store agree)
 * and reopening find nothing damaged; every document committed before is whole and found; and the
 * call's document is whole (an ingest that returned), absent (a delete that returned), or either
 * (a call that failed), never in between.
 */
class FaultInjectionTest {

  private static final int MAX_N = 200;

  @TempDir Path dataDir;
  private final FaultPlan indexPlan = new FaultPlan();
  private final List<AutoCloseable> hooks = new ArrayList<>();
  private final Map<String, String> committed = new LinkedHashMap<>(); // source -> marker
  private SoloEngine engine;

  @BeforeEach
  void routeThroughFaultyFiles() {
    FaultyH2FileSystem.register();
    hooks.add(StoreFileSystem.route(dataDir, FaultyH2FileSystem.SCHEME));
    hooks.add(DirectoryHooks.install(dataDir.resolve("index"), d -> new FaultyDirectory(d, indexPlan)));
    engine = open();
    for (int i = 0; i < 3; i++) {
      ingest("base-" + i);
    }
  }

  @AfterEach
  void unroute() throws Exception {
    FaultyH2FileSystem.PLAN.disarm();
    indexPlan.disarm();
    if (engine != null) {
      engine.close();
    }
    for (AutoCloseable h : hooks) {
      h.close();
    }
  }

  @ParameterizedTest(name = "{0} fails {1} during {2}")
  @CsvSource({
    "store, ONCE, ingest", "store, PERSISTENT, ingest", "index, ONCE, ingest",
    "index, PERSISTENT, ingest", "store, ONCE, delete", "store, PERSISTENT, delete",
    "index, ONCE, delete", "index, PERSISTENT, delete"
  })
  void everyFailingOperationOfACallLeavesNothingDamaged(
      String target, FaultPlan.Mode mode, String call) throws Exception {
    FaultPlan plan = target.equals("store") ? FaultyH2FileSystem.PLAN : indexPlan;
    long started = System.nanoTime();
    List<String> outcomes = new ArrayList<>();
    int n = 1;
    for (; n <= MAX_N; n++) {
      String outcome = attempt(plan, target + "-" + mode + "-" + call + "-" + n, mode, n, call);
      if (outcome == null) {
        break;
      }
      outcomes.add("N=" + n + ": " + outcome);
    }
    System.out.printf(Locale.ROOT, "%s fails %s during %s: N = 1..%d, completed at N = %d, %.1f s%n",
        target, mode, call, n - 1, n, (System.nanoTime() - started) / 1e9);
    outcomes.forEach(o -> System.out.println("  " + o));
    assertThat(n).as("the %s completed within %d operations", call, MAX_N)
        .isLessThanOrEqualTo(MAX_N);
    assertThat(n).as("at least one operation failed").isGreaterThan(1);
  }

  /**
   * One call (an ingest of a new document, or a delete of one ingested just before) with the Nth
   * operation failing; null when the call did not reach N (done), otherwise what happened.
   */
  private String attempt(FaultPlan plan, String source, FaultPlan.Mode mode, int n, String call)
      throws Exception {
    boolean delete = call.equals("delete");
    String victim = delete ? ingest(source) : null;
    plan.arm(n, mode);
    boolean returned = false;
    RuntimeException failure = null;
    try {
      if (delete) {
        engine.documents().delete(victim);
      } else {
        engine.documents().ingest(DocumentSource.ofText(source + ".txt", text(source)));
      }
      returned = true;
    } catch (RuntimeException e) {
      failure = e;
    }
    int faults = plan.failures();
    List<String> seen = plan.seen();
    if (faults == 0) {
      plan.disarm();
      assertThat(failure).as("a %s without a fault", call).isNull();
      System.out.println("  the " + call + "'s " + seen.size() + " operations: " + seen);
      if (delete) {
        committed.remove(source);
      } else {
        committed.put(source, marker(source));
      }
      return null;
    }
    if (failure != null) {
      assertThat(failure)
          .as("the failure of the %s of %s (operations %s)", call, source, seen)
          .isInstanceOf(SoloException.class);
    }
    // With the fault still there (persistent) or past (once), the engine answers or refuses.
    String probe = source + "-probe";
    boolean probeStored = false;
    try {
      engine.documents().ingest(DocumentSource.ofText(probe + ".txt", text(probe)));
      probeStored = true;
    } catch (RuntimeException e) {
      assertThat(e).as("an ingest after the fault of %s", source).isInstanceOf(SoloException.class);
    }
    plan.disarm();
    try {
      engine.close();
    } catch (RuntimeException e) {
      assertThat(e).as("closing after the fault of %s", source).isInstanceOf(SoloException.class);
    }
    engine = null;

    VerifyReport report = SoloEngine.verify(EngineConfig.builder(dataDir).build());
    assertThat(report.problems()).as("verify after the fault of %s (operations %s)", source, seen)
        .isEmpty();
    engine = open();
    committed.remove(source);
    for (Map.Entry<String, String> c : committed.entrySet()) {
      assertWhole(c.getKey(), "committed before the fault of " + source);
    }
    String outcome;
    boolean present = find(source).isPresent();
    if (returned) {
      outcome = "returned";
      if (delete) {
        assertThat(present).as("%s, deleted despite its fault, is in the store", source).isFalse();
      } else {
        assertWhole(source, "returned despite its fault");
      }
    } else {
      outcome = "failed (" + failure.getClass().getSimpleName() + ")";
    }
    if (present) {
      assertWhole(source, call + " under a fault");
      committed.put(source, marker(source));
      outcome += ", document whole";
    } else {
      assertThat(search(marker(source))).as("hits for the absent " + source).isEmpty();
      outcome += ", document absent";
    }
    if (probeStored) {
      assertWhole(probe, "the ingest after the fault");
      committed.put(probe, marker(probe));
    } else if (find(probe).isPresent()) {
      assertWhole(probe, "the failed ingest after the fault");
      committed.put(probe, marker(probe));
    }
    return outcome + "; " + faults + " failed of " + seen.size() + " counted; next ingest "
        + (probeStored ? "stored" : "refused");
  }

  /** Ingests a document without faults; returns its id. */
  private String ingest(String source) {
    String id =
        engine.documents().ingest(DocumentSource.ofText(source + ".txt", text(source))).id();
    committed.put(source, marker(source));
    return id;
  }

  private void assertWhole(String source, String why) throws Exception {
    Optional<Document> d = find(source);
    assertThat(d).as("%s: %s is in the store", why, source).isPresent();
    assertThat(d.get().sha256()).as("%s: content of %s", why, source).isEqualTo(sha256(text(source)));
    List<SearchHit> hits = search(marker(source));
    assertThat(hits).as("%s: %s is found by its term", why, source).isNotEmpty();
    assertThat(hits.get(0).documentId()).isEqualTo(d.get().id());
  }

  private Optional<Document> find(String source) {
    return engine.documents().list().stream()
        .filter(d -> d.source().equals(source + ".txt"))
        .findFirst();
  }

  private List<SearchHit> search(String term) {
    return engine.search()
        .search(SearchRequest.builder(term).mode(SearchMode.LEXICAL).limit(3).build())
        .hits();
  }

  private SoloEngine open() {
    return SoloEngine.open(EngineConfig.builder(dataDir).build());
  }

  private static String marker(String source) {
    return "zq" + source.replaceAll("[^A-Za-z0-9]", "") + "k";
  }

  private static String text(String source) {
    return "Fault note " + source + ". Reference " + marker(source)
        + ". The roaster shipped the crates on time.";
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
