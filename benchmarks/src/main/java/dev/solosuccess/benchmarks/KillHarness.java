package dev.solosuccess.benchmarks;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.MasterKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kill -9 harness: child JVMs write continuously and print what each call acknowledged; this parent
 * kills them with SIGKILL, at a random moment or when a named point of the write path is reached
 * (see {@code KillPoints}: just before and after the H2 commit, before, during and after the Lucene
 * commit, and in the three steps of an hnswlib snapshot replacement), then reopens what they left
 * and checks it ({@link KillChecks}). Engine rounds share a data folder per group of ten rounds, so
 * later rounds replay over earlier crashes; every other group is encrypted under a random master
 * key given to the child in {@code SOLO_MASTER_KEY}. Prints one line per round, then totals per
 * kind of kill; exits 1 if anything acknowledged was lost or any check failed.
 *
 * <pre>
 * benchmarks/kill-harness.sh [--rounds 50] [--seed S] [--kinds random,h2.after-commit,...] [--dir D]
 * </pre>
 *
 * <p>Not thread-safe; one run at a time per folder.
 */
public final class KillHarness {

  /** The kinds of kill, in the order rounds cycle through them. */
  static final List<String> CYCLE =
      List.of(
          "random", "h2.before-commit", "h2.after-commit", "random", "lucene.before-commit",
          "lucene.prepared", "lucene.committed", "random", "hnsw.written", "hnsw.synced",
          "hnsw.renamed", "hnsw.random");

  private static final int ROUNDS_PER_FOLDER = 10;
  private static final long ROUND_TIMEOUT_MS = 180_000;

  /** One round's line of the table. */
  record Round(
      int round,
      String kind,
      String point,
      boolean encrypted,
      boolean pointReached,
      int exitStatus,
      int acks,
      int checked,
      int lost,
      int mismatches,
      double seconds,
      List<String> problems) {}

  private KillHarness() {}

  public static void main(String[] args) throws Exception {
    int rounds = 50;
    long seed = System.nanoTime();
    List<String> kinds = CYCLE;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--kinds" -> kinds = List.of(args[++i].split(","));
        case "--dir" -> dir = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (dir == null) {
      dir = Files.createTempDirectory("kill-harness");
    }
    List<Round> results = run(rounds, seed, kinds, dir, System.out);
    System.exit(results.stream().allMatch(r -> r.lost() == 0 && r.mismatches() == 0) ? 0 : 1);
  }

  /** Runs the rounds, printing the table and totals to {@code out}; returns every round. */
  public static List<Round> run(int rounds, long seed, List<String> kinds, Path dir, PrintStream out)
      throws IOException, InterruptedException {
    for (String k : kinds) {
      if (!CYCLE.contains(k)) {
        throw new IllegalArgumentException("kind must be one of " + CYCLE + ", got " + k);
      }
    }
    out.println("KillHarness seed " + seed + " (replay with --seed " + seed + "), " + rounds
        + " rounds in " + dir + ", " + Machine.current());
    out.printf(Locale.ROOT, "%5s  %-20s %-22s %4s %-7s %5s %5s %7s %5s %5s %7s%n", "round",
        "kind", "kill point", "enc", "reached", "exit", "acks", "checked", "lost", "bad",
        "seconds");
    Random random = new Random(seed);
    List<Round> results = new ArrayList<>();
    Map<Integer, KillChecks.EngineFolder> engineFolders = new LinkedHashMap<>();
    Map<Integer, long[]> hnswAcknowledged = new LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      int group = r / ROUNDS_PER_FOLDER;
      boolean encrypted = group % 2 == 1;
      String kind = kinds.get(r % kinds.size());
      long start = System.nanoTime();
      Round result;
      if (kind.startsWith("hnsw.")) {
        Path folder = dir.resolve("group-" + group + "-hnsw");
        long[] acknowledged = hnswAcknowledged.computeIfAbsent(group, g -> new long[1]);
        result = hnswRound(r, kind, folder, acknowledged, random, start);
      } else {
        KillChecks.EngineFolder folder =
            engineFolders.computeIfAbsent(group, g -> newEngineFolder(dir, g, encrypted));
        result = engineRound(r, kind, folder, random, start);
      }
      results.add(result);
      out.printf(Locale.ROOT, "%5d  %-20s %-22s %4s %-7s %5d %5d %7d %5d %5d %7.1f%n",
          result.round(), result.kind(), result.point(), result.encrypted() ? "yes" : "no",
          result.pointReached() ? "yes" : "no", result.exitStatus(), result.acks(),
          result.checked(), result.lost(), result.mismatches(), result.seconds());
      for (String p : result.problems()) {
        out.println("       ! " + p);
      }
      out.flush();
    }
    printTotals(results, out);
    return results;
  }

  private static KillChecks.EngineFolder newEngineFolder(Path dir, int group, boolean encrypted) {
    Path data = dir.resolve("group-" + group + "-engine");
    EngineConfig.Builder config = EngineConfig.builder(data);
    String key = null;
    if (encrypted) {
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      key = Base64.getEncoder().encodeToString(bytes);
      config.masterKey(MasterKey.of(bytes));
    }
    return new KillChecks.EngineFolder(data, config.build(), key);
  }

  private static Round engineRound(
      int r, String kind, KillChecks.EngineFolder folder, Random random, long start)
      throws IOException, InterruptedException {
    String point = kind.equals("random") ? null : kind + "@" + (3 + random.nextInt(8));
    int exit;
    boolean reached;
    List<String> lines;
    String errors;
    try (KillChild child =
        KillChild.start(KillEngineChild.class, point, folder.masterKeyBase64,
            folder.dataDir.toString(), Integer.toString(r), Long.toString(random.nextLong()))) {
      reached = awaitKillMoment(child, point, "ACK ", 2 + random.nextInt(12), random);
      exit = child.kill();
      lines = child.lines();
      errors = child.errorTail();
    }
    int acks = folder.record(lines);
    KillChecks.Outcome o = KillChecks.engine(folder);
    notes(o, exit, reached, lines.contains("OPEN"), errors);
    return new Round(r, kind, point == null ? "-" : point, folder.masterKeyBase64 != null,
        reached, exit, acks, o.checked, o.lost, o.mismatches, seconds(start), o.problems);
  }

  private static Round hnswRound(
      int r, String kind, Path folder, long[] acknowledged, Random random, long start)
      throws IOException, InterruptedException {
    String point = kind.equals("hnsw.random") ? null : kind + "@" + (2 + random.nextInt(5));
    int exit;
    boolean reached;
    List<String> lines;
    String errors;
    try (KillChild child = KillChild.start(KillHnswChild.class, point, null, folder.toString())) {
      reached = awaitKillMoment(child, point, "COMMIT ", 2 + random.nextInt(6), random);
      exit = child.kill();
      lines = child.lines();
      errors = child.errorTail();
    }
    int acks = 0;
    for (String line : lines) {
      if (line.startsWith("COMMIT ")) {
        acknowledged[0] = Long.parseLong(line.substring("COMMIT ".length()));
        acks++;
      }
    }
    long[] committed = new long[1];
    KillChecks.Outcome o = KillChecks.hnsw(folder, acknowledged[0], committed, random);
    // Which snapshot the kill left: the last acknowledged one, or the one being written.
    String snapshot = committed[0] > acknowledged[0] ? " new" : " old";
    acknowledged[0] = Math.max(acknowledged[0], committed[0]); // the next child starts there
    notes(o, exit, reached, lines.stream().anyMatch(l -> l.startsWith("OPEN")), errors);
    return new Round(r, kind, (point == null ? "-" : point) + snapshot, false, reached, exit, acks,
        o.checked, o.lost, o.mismatches, seconds(start), o.problems);
  }

  /**
   * Waits for the moment to kill: the armed point (reported on stderr), or {@code acks}
   * acknowledgements and then up to 40 ms more, landing the kill inside some later call.
   */
  private static boolean awaitKillMoment(
      KillChild child, String point, String ackPrefix, int acks, Random random)
      throws InterruptedException {
    if (point != null) {
      try {
        child.killPoint().get(ROUND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return true;
      } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
        return false;
      }
    }
    boolean enough = child.awaitLines(ackPrefix, acks, ROUND_TIMEOUT_MS);
    Thread.sleep(random.nextInt(41));
    return enough;
  }

  /** A round whose child did not die of our SIGKILL where we meant is a failed round too. */
  private static void notes(
      KillChecks.Outcome o, int exit, boolean reached, boolean opened, String errors) {
    if (exit != 137) {
      o.mismatch("the child exited with " + exit + ", not 137 (SIGKILL); its stderr ends: "
          + errors.replace('\n', '|'));
    } else if (!reached) {
      o.mismatch("the kill moment was never reached" + (opened ? "" : " (the child never opened)")
          + "; its stderr ends: " + errors.replace('\n', '|'));
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void printTotals(List<Round> results, PrintStream out) {
    Map<String, int[]> byKind = new LinkedHashMap<>();
    for (String k : CYCLE) {
      byKind.put(k, new int[5]);
    }
    int[] all = new int[5];
    double seconds = 0;
    for (Round r : results) {
      for (int[] t : List.of(byKind.get(r.kind()), all)) {
        t[0]++;
        t[1] += r.acks();
        t[2] += r.checked();
        t[3] += r.lost();
        t[4] += r.mismatches();
      }
      seconds += r.seconds();
    }
    out.printf(Locale.ROOT, "%nTotals%n%-22s %6s %6s %8s %5s %10s%n", "kind", "rounds", "acks",
        "checked", "lost", "mismatches");
    for (Map.Entry<String, int[]> e : byKind.entrySet()) {
      int[] t = e.getValue();
      if (t[0] > 0) {
        out.printf(Locale.ROOT, "%-22s %6d %6d %8d %5d %10d%n", e.getKey(), t[0], t[1], t[2],
            t[3], t[4]);
      }
    }
    out.printf(Locale.ROOT, "%-22s %6d %6d %8d %5d %10d%n", "all", all[0], all[1], all[2],
        all[3], all[4]);
    out.printf(Locale.ROOT, "%d rounds in %.0f s; %s%n", results.size(), seconds,
        all[3] == 0 && all[4] == 0 ? "nothing lost, nothing mismatched" : "FAILED");
  }
}
