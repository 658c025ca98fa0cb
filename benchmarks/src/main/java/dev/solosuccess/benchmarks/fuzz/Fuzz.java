package dev.solosuccess.benchmarks.fuzz;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.DocumentSource;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A seeded mutation fuzzer of every entry point that takes outside input: the parsers and the
 * chunker, single-document and archive ingest, filter and search syntax, the vector indexes, the
 * JSON files the engine reads, and the {@code solo} command line. Each case runs on a worker thread
 * under a watchdog and ends as one of: ok, refused (the entry point's documented exception: a
 * {@code SoloException} subtype), or a bug (any other exception, a hang past the watchdog, an
 * {@link OutOfMemoryError}). Prints a table per target and the seed; exits 1 if there was a bug.
 *
 * <pre>
 * java ... dev.solosuccess.benchmarks.fuzz.Fuzz [--cases 100000] [--seed S] [--from FIRST]
 *     [--only TARGET] [--replay CASE] [--timeout-s 10] [--work DIR] [--save DIR]
 * </pre>
 */
public final class Fuzz {

  private enum Outcome { OK, REFUSED, EXCEPTION, HANG, OOM }

  private Fuzz() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args) == 0 ? 0 : 1);
  }

  /**
   * Runs the cases the arguments ask for and prints the table.
   *
   * @return the number of distinct bugs (by target, outcome, exception and first frame of ours)
   */
  static int run(String[] args) throws Exception {
    long cases = 100_000;
    long seed = System.nanoTime() ^ 0x5DEECE66DL;
    String only = null;
    long replay = -1;
    long from = 0;
    int timeoutS = 10;
    Path work = null;
    Path save = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--cases" -> cases = Long.parseLong(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--only" -> only = args[++i];
        case "--replay" -> replay = Long.parseLong(args[++i]);
        case "--from" -> from = Long.parseLong(args[++i]);
        case "--timeout-s" -> timeoutS = Integer.parseInt(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--save" -> save = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.setIn(new ByteArrayInputStream(new byte[0])); // no command may wait for input
    // The libraries log every broken file they meet; the table is the report.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
    Path root = work != null ? Files.createDirectories(work) : Files.createTempDirectory("solo-fuzz");
    System.err.printf("seed %d, %d cases from case %d, watchdog %d s, work %s%n", seed, cases,
        from, timeoutS, root);
    long setupStart = System.nanoTime();
    FileSeeds seeds = new FileSeeds();
    // Limits an application would set for small documents: a mutated file of megabytes is then
    // refused by a limit instead of costing minutes of embedding, which the watchdog would take
    // for a hang. The parse target keeps the default 10 million characters.
    SoloEngine engine = SoloEngine.open(EngineConfig.builder(root.resolve("engine-data"))
        .parseTimeout(Duration.ofSeconds(5)).maxExtractedChars(200_000).maxArchiveEntries(100)
        .build());
    for (FileSeeds.Seed s : seeds.documents.subList(0, 6)) {
      try {
        engine.documents().ingest(DocumentSource.ofBytes(s.name(), s.bytes()));
      } catch (dev.solosuccess.sdk.SoloException e) {
        // a first parse on a busy machine can pass the 5 s limit: the searches lose one document
        System.err.println("setup: " + e.getMessage());
      }
    }
    FileTargets files = new FileTargets(seeds);
    InputTargets inputs = new InputTargets(engine, root);
    SecurityTargets security = new SecurityTargets(root);
    List<Target> targets = new ArrayList<>(List.of(files.parse(), files.chunk(),
        files.ingest(engine), files.archive(engine, root), QueryTargets.filter(),
        QueryTargets.search(engine), QueryTargets.vectors(Files.createDirectories(root.resolve("vi"))),
        inputs.json(), inputs.cli(), security.auth(), security.principals()));
    if (only != null) {
      String name = only;
      targets.removeIf(t -> !t.name().equals(name));
    }
    int totalWeight = targets.stream().mapToInt(Target::weight).sum();
    System.err.printf("setup %.1f s%n", (System.nanoTime() - setupStart) / 1e9);

    Map<String, long[]> table = new LinkedHashMap<>(); // outcome counts, then nanoseconds
    targets.forEach(t -> table.put(t.name(), new long[Outcome.values().length + 1]));
    Map<String, String> bugs = new LinkedHashMap<>(); // signature -> first case
    ExecutorService worker = newWorker();
    long start = System.nanoTime();
    // --from splits one seed's cases over processes: cases are drawn from the seed and the case
    // number alone, so processes running 0..49,999 and 50,000..99,999 run the same cases as one.
    long first = replay >= 0 ? replay : from;
    long last = replay >= 0 ? replay + 1 : from + cases;
    for (long n = first; n < last; n++) {
      FuzzCase c = new FuzzCase(seed, n);
      int pick = c.random.nextInt(totalWeight);
      Target target = targets.get(0);
      for (Target t : targets) {
        if ((pick -= t.weight()) < 0) {
          target = t;
          break;
        }
      }
      Target t = target;
      Future<Throwable> f = worker.submit(() -> {
        try {
          t.run(c);
          return null;
        } catch (Throwable e) {
          return e;
        }
      });
      Outcome outcome;
      Throwable failure = null;
      long caseStart = System.nanoTime();
      try {
        failure = f.get(timeoutS, TimeUnit.SECONDS);
        outcome = failure == null ? Outcome.OK
            : failure instanceof OutOfMemoryError ? Outcome.OOM
            : t.expected(failure) ? Outcome.REFUSED : Outcome.EXCEPTION;
      } catch (TimeoutException e) {
        outcome = Outcome.HANG;
        // Not interrupted: an interrupt inside a Lucene write closes the index writer (see the
        // README), which would fail every later case. The next case waits for this one to end, so
        // that cases never overlap; one that never ends is abandoned (its thread is a daemon).
        try {
          f.get(5, TimeUnit.MINUTES);
        } catch (TimeoutException stuck) {
          worker.shutdown();
          worker = newWorker();
        }
      }
      table.get(t.name())[outcome.ordinal()]++;
      table.get(t.name())[Outcome.values().length] += System.nanoTime() - caseStart;
      if (replay >= 0) {
        System.err.println("case " + n + " (" + t.name() + "): " + outcome + ": " + c.description());
        if (failure != null) {
          failure.printStackTrace();
        }
      }
      if (outcome.ordinal() >= Outcome.EXCEPTION.ordinal()) {
        String sig = t.name() + " " + outcome + " " + signature(failure);
        if (!bugs.containsKey(sig)) {
          bugs.put(sig, "case " + n + ": " + c.description());
          System.err.println("BUG " + sig + "\n    case " + n + ": " + c.description());
          if (failure != null) {
            failure.printStackTrace();
          }
          if (save != null && c.input() != null) {
            Files.createDirectories(save);
            Files.write(save.resolve("case-" + n + "-" + t.name() + ".bin"), c.input());
          }
        }
      }
      if ((n + 1) % 5000 == 0) {
        System.err.printf("%d cases, %.0f s, %d bug signatures%n", n + 1,
            (System.nanoTime() - start) / 1e9, bugs.size());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    worker.shutdownNow();
    engine.close();
    security.close();
    print(table, bugs, seed, last - first, seconds);
    return bugs.size();
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread th = new Thread(r, "solo-fuzz-case");
      th.setDaemon(true);
      return th;
    });
  }

  /** The exception's class and the first frame of the project's code (or the top frame). */
  private static String signature(Throwable t) {
    if (t == null) {
      return "(no exception)";
    }
    Throwable root = t instanceof InputTargets.CliFailure ? t.getCause() : t;
    StackTraceElement at = root.getStackTrace().length > 0 ? root.getStackTrace()[0] : null;
    for (StackTraceElement e : root.getStackTrace()) {
      if (e.getClassName().startsWith("dev.solosuccess") && !e.getClassName().contains(".fuzz.")) {
        at = e;
        break;
      }
    }
    return root.getClass().getName() + " at " + at;
  }

  private static void print(Map<String, long[]> table, Map<String, String> bugs, long seed,
      long cases, double seconds) {
    System.out.printf("%nFuzzing: %d cases in %.0f s, seed %d%n%n", cases, seconds, seed);
    System.out.printf("| %-11s | %7s | %7s | %8s | %9s | %5s | %4s | %7s |%n", "target", "cases",
        "ok", "refused", "exception", "hang", "OOM", "ms/case");
    System.out.println(
        "|-------------|---------|---------|----------|-----------|-------|------|---------|");
    long[] sum = new long[Outcome.values().length + 1];
    for (Map.Entry<String, long[]> e : table.entrySet()) {
      long[] v = e.getValue();
      long total = 0;
      for (int i = 0; i < v.length; i++) {
        total += i < Outcome.values().length ? v[i] : 0;
        sum[i] += v[i];
      }
      System.out.printf("| %-11s | %7d | %7d | %8d | %9d | %5d | %4d | %7.1f |%n", e.getKey(),
          total, v[0], v[1], v[2], v[3], v[4], total == 0 ? 0 : v[5] / 1e6 / total);
    }
    System.out.printf("| %-11s | %7d | %7d | %8d | %9d | %5d | %4d | %7.1f |%n", "all", cases,
        sum[0], sum[1], sum[2], sum[3], sum[4], sum[5] / 1e6 / Math.max(1, cases));
    System.out.printf("%n%d distinct bugs%n", bugs.size());
    bugs.forEach((sig, where) -> System.out.println("  " + sig + "\n      " + where));
  }
}
