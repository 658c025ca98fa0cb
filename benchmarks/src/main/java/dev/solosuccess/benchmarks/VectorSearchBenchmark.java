package dev.solosuccess.benchmarks;

import dev.solosuccess.benchmarks.VectorSets.VectorSet;
import dev.solosuccess.index.VectorBackend;
import dev.solosuccess.index.VectorEncoding;
import dev.solosuccess.index.internal.support.Simd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.util.VectorUtil;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Recall@10 and queries/s of every {@code VectorIndex} backend and of JVector, on real sentence
 * embeddings (SciFact) and on random unit vectors; ground truth by exact search. For each index:
 * build time, size on disk, heap and mapped (off-heap) bytes, then the smallest candidate count
 * (ef) of a fixed ladder that reaches recall@10 ≥ 0.95 (climbed on the first 250 queries, confirmed
 * on all; from ef 256 on, the climb stops where the graph becomes slower than the exact scan with
 * the same filter), and queries/s there with 1 and 2 search threads, the best of several passes (at
 * least three and at least 2 s of them); the same again with a filter that keeps 10% of the
 * vectors. See {@code benchmarks/README.md}.
 */
@Command(
    name = "VectorSearchBenchmark",
    mixinStandardHelpOptions = true,
    description = "Recall and queries/s of the vector indexes (see benchmarks/README.md).")
public final class VectorSearchBenchmark implements Callable<Integer> {

  static final int K = 10;
  static final double TARGET_RECALL = 0.95;
  static final int[] LADDER = {10, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536};
  /** A ladder step slower than this ends the climb (the backend is reported as not reaching it). */
  static final double MAX_PASS_SECONDS = 60;
  /**
   * Timed passes per reported figure: at least REPEATS, more (up to MAX_REPEATS) until they took
   * MIN_SECONDS together, and none once they took REPEAT_SECONDS. A fast graph answers all the
   * queries in about 0.1 s, so three passes alone are at the mercy of one busy moment.
   */
  static final int REPEATS = 3;
  static final int MAX_REPEATS = 40;
  static final double MIN_SECONDS = 2;
  static final double REPEAT_SECONDS = 12;
  /** The lowest ef at which a climb may end for being slower than the exact scan. */
  static final int HOPELESS_FROM = 256;
  /** Queries of each step of the ef climb (the reported figures use all of them). */
  static final int LADDER_QUERIES = 250;

  @Option(names = "--data", description = "The shared data folder (default: <repo>/../shared/data).")
  Path data;

  @Option(names = "--set", description = "scifact, random or both (default: ${DEFAULT-VALUE}).")
  String set = "both";

  @Option(names = "--cache", description = "Where the SciFact embeddings are cached (default: <repo>/benchmarks/target/vector-cache).")
  Path cache;

  @Option(names = "--random-count", description = "Random vectors (default: ${DEFAULT-VALUE}).")
  int randomCount = 100_000;

  @Option(names = "--random-queries", description = "Random queries (default: ${DEFAULT-VALUE}).")
  int randomQueries = 1_000;

  @Option(names = "--queries", description = "Use only the first N queries (0: all).")
  int queryLimit = 0;

  @Option(names = "--work", description = "Where the indexes are written (default: a temporary folder, deleted).")
  Path work;

  public static void main(String[] args) {
    System.exit(new CommandLine(new VectorSearchBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Machine machine = Machine.current();
    Path dataDir = (data != null ? data : IngestBenchmark.Repository.root().resolve("../shared/data")).normalize();
    Path cacheDir =
        cache != null ? cache : IngestBenchmark.Repository.root().resolve("benchmarks/target/vector-cache");
    boolean temporary = work == null;
    Path workDir = temporary ? Files.createTempDirectory("solo-vector-bench-") : work;
    System.out.printf(
        "# Vector search benchmark%n%n%d cores, %s; JDK %s; max heap %,d MiB; SIMD %s; load average"
            + " %.2f at start%n",
        machine.cores(), machine.cpu(), machine.jdk(), machine.maxHeapMiB(),
        Simd.enabled() ? "on" : "OFF", machine.loadAverage());
    long start = System.nanoTime();
    try {
      List<VectorSet> sets = new ArrayList<>();
      if (set.equals("scifact") || set.equals("both")) {
        sets.add(limit(VectorSets.sciFact(dataDir, cacheDir)));
      }
      if (set.equals("random") || set.equals("both")) {
        sets.add(limit(VectorSets.random(randomCount, randomQueries, 384, 20261126L)));
      }
      for (VectorSet s : sets) {
        run(s, workDir);
      }
    } finally {
      if (temporary) {
        deleteTree(workDir);
      }
    }
    System.out.printf(
        "%nTotal %.1f min; load average %.2f at the end.%n",
        (System.nanoTime() - start) / 60e9, Machine.loadNow());
    return 0;
  }

  private VectorSet limit(VectorSet s) {
    if (queryLimit <= 0 || queryLimit >= s.queries().size()) {
      return s;
    }
    return new VectorSet(s.name(), s.vectors(), s.queries().subList(0, queryLimit));
  }

  private static void run(VectorSet s, Path workDir) throws Exception {
    int n = s.vectors().size();
    System.out.printf(
        "%n## %s: %,d vectors of %d dimensions, %,d queries; load average %.2f%n%n",
        s.name(), n, s.dimension(), s.queries().size(), Machine.loadNow());
    long t = System.nanoTime();
    int[][] truth = groundTruth(s, false);
    int[][] filteredTruth = groundTruth(s, true);
    System.err.printf("%s: ground truth in %.1f s%n", s.name(), (System.nanoTime() - t) / 1e9);

    List<Supplier<AnnContender>> contenders =
        List.of(
            () -> new AnnContender.OurIndex("exact (SIMD)", VectorBackend.EXACT,
                VectorEncoding.FLOAT32, s.dimension(), workDir.resolve(s.name() + "-exact")),
            () -> new AnnContender.OurIndex("Lucene HNSW fp32", VectorBackend.LUCENE_HNSW,
                VectorEncoding.FLOAT32, s.dimension(), workDir.resolve(s.name() + "-lucene32")),
            () -> new AnnContender.OurIndex("Lucene HNSW int8", VectorBackend.LUCENE_HNSW,
                VectorEncoding.INT8, s.dimension(), workDir.resolve(s.name() + "-lucene8")),
            () -> new AnnContender.OurIndex("hnswlib", VectorBackend.HNSWLIB,
                VectorEncoding.FLOAT32, s.dimension(), workDir.resolve(s.name() + "-hnswlib")),
            AnnContender.JVector::new);
    System.out.println(
        "| index | build s | disk MiB | heap MiB | mapped MiB | ef | recall@10 | q/s 1 thr | q/s 2 thr"
            + " | filtered ef | filtered recall@10 | filtered q/s 1 thr | filtered q/s 2 thr |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    double exactQps = 0;
    double exactFilteredQps = 0;
    double bestGraphQps = 0;
    String bestGraph = "";
    for (Supplier<AnnContender> make : contenders) {
      try (AnnContender c = make.get()) {
        long heapBefore = usedHeap();
        long b = System.nanoTime();
        c.build(s.vectors());
        double buildSeconds = (System.nanoTime() - b) / 1e9;
        long heap = usedHeap() - heapBefore;
        System.err.printf("%s: %s built in %.1f s%n", s.name(), c.name(), buildSeconds);
        Point plain = climb(c, s, truth, false, exactQps);
        Point filtered = climb(c, s, filteredTruth, true, exactFilteredQps);
        System.out.printf(
            "| %s | %.1f | %.1f | %.0f | %.1f | %s | %.3f | %,.0f | %,.0f | %s | %.3f | %,.0f | %,.0f |%n",
            c.name(), buildSeconds, c.diskBytes() / 1048576.0, Math.max(0, heap) / 1048576.0,
            c.mappedBytes() / 1048576.0, plain.efLabel(c), plain.recall, plain.qps1, plain.qps2,
            filtered.efLabel(c), filtered.recall, filtered.qps1, filtered.qps2);
        System.out.flush();
        if (!c.approximate()) {
          exactQps = plain.qps1;
          exactFilteredQps = filtered.qps1;
        } else if (plain.reached && plain.qps1 > bestGraphQps && !(c instanceof AnnContender.JVector)) {
          bestGraphQps = plain.qps1;
          bestGraph = c.name();
        }
      }
    }
    if (exactQps > 0 && bestGraphQps > 0) {
      // The scan's cost grows with the vectors it compares, a graph search's far slower: they
      // cost the same at about this many vectors.
      System.out.printf(
          "%nExact scan and %s (1 thread, recall@10 >= %.2f) cost the same at about %,.0f vectors;"
              + " the graph is %.1fx faster than the scan here.%n",
          bestGraph, TARGET_RECALL, n * exactQps / bestGraphQps, bestGraphQps / exactQps);
    }
    System.out.printf("%nLoad average %.2f after %s.%n", Machine.loadNow(), s.name());
  }

  /** Where a contender reached the target (or the last step it tried). */
  record Point(int ef, double recall, double qps1, double qps2, boolean reached) {
    String efLabel(AnnContender c) {
      if (!c.approximate()) {
        return "–";
      }
      return reached ? Integer.toString(ef) : ef + " (not reached)";
    }
  }

  private static Point climb(
      AnnContender c, VectorSet s, int[][] truth, boolean filtered, double exactQps)
      throws InterruptedException {
    List<float[]> queries = s.queries();
    if (!c.approximate()) {
      pass(c, queries, truth, 0, filtered, 1); // warm-up
      Pass one = best(c, queries, truth, 0, filtered, 1);
      Pass two = best(c, queries, truth, 0, filtered, 2);
      return new Point(0, one.recall, one.qps, two.qps, true);
    }
    // The climb runs on a sample of the queries; the reported figures on all of them.
    int sample = Math.min(queries.size(), LADDER_QUERIES);
    List<float[]> some = queries.subList(0, sample);
    int[][] someTruth = java.util.Arrays.copyOf(truth, sample);
    int at = 0;
    Pass one = null;
    while (true) {
      int ef = LADDER[at];
      Pass p = pass(c, some, someTruth, ef, filtered, 1);
      System.err.printf(
          "  %s%s ef=%d: recall %.3f, %,.0f q/s (%d queries)%n",
          c.name(), filtered ? " filtered" : "", ef, p.recall, p.qps, sample);
      boolean last = at == LADDER.length - 1;
      // Far up the ladder, once the graph is slower than the exact scan (with the same filter)
      // and still short of the target, a higher ef only makes it slower still: the climb ends.
      boolean hopeless = ef >= HOPELESS_FROM && p.qps < exactQps && p.recall < TARGET_RECALL;
      if (p.recall >= TARGET_RECALL || last || hopeless || p.seconds > MAX_PASS_SECONDS) {
        one = best(c, queries, truth, ef, filtered, 1); // warm now: the figures reported
        if (one.recall >= TARGET_RECALL || last || hopeless || p.seconds > MAX_PASS_SECONDS) {
          Pass two = best(c, queries, truth, ef, filtered, 2);
          return new Point(ef, one.recall, one.qps, two.qps, one.recall >= TARGET_RECALL);
        }
      }
      at++;
    }
  }

  /**
   * The fastest of the timed passes (see {@link #REPEATS}): on a shared machine other processes
   * only ever slow a pass down, so the best one is the closest to what the index does alone.
   */
  private static Pass best(
      AnnContender c, List<float[]> queries, int[][] truth, int ef, boolean filtered, int threads)
      throws InterruptedException {
    Pass best = null;
    double spent = 0;
    for (int i = 0;
        i < MAX_REPEATS && spent < REPEAT_SECONDS && (i < REPEATS || spent < MIN_SECONDS);
        i++) {
      Pass p = pass(c, queries, truth, ef, filtered, threads);
      spent += p.seconds;
      if (best == null || p.qps > best.qps) {
        best = p;
      }
    }
    return best;
  }

  record Pass(double recall, double qps, double seconds) {}

  /** All queries, split over {@code threads} threads; recall@10 against {@code truth}. */
  private static Pass pass(
      AnnContender c, List<float[]> queries, int[][] truth, int ef, boolean filtered, int threads)
      throws InterruptedException {
    int[] found = new int[threads];
    Thread[] workers = new Thread[threads];
    RuntimeException[] failure = new RuntimeException[1];
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers[t] =
          Thread.ofPlatform()
              .name("vector-bench-" + t)
              .start(
                  () -> {
                    try {
                      for (int q = id; q < queries.size(); q += threads) {
                        int[] hits = c.search(queries.get(q), K, ef, filtered);
                        found[id] += overlap(hits, truth[q]);
                      }
                    } catch (RuntimeException e) {
                      failure[0] = e;
                    }
                  });
    }
    for (Thread w : workers) {
      w.join();
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int total = 0;
    int possible = 0;
    for (int f : found) {
      total += f;
    }
    for (int[] t : truth) {
      possible += t.length;
    }
    return new Pass((double) total / possible, queries.size() / seconds, seconds);
  }

  private static int overlap(int[] hits, int[] truth) {
    int n = 0;
    for (int h : hits) {
      for (int t : truth) {
        if (h == t) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /** The exact top 10 of each query (filtered: bucket 3 only), on two threads. */
  static int[][] groundTruth(VectorSet s, boolean filtered) {
    List<float[]> v = s.vectors();
    int kept = Integer.parseInt(AnnContender.KEPT_BUCKET);
    return s.queries().parallelStream()
        .map(
            q -> {
              int[] ids = new int[K];
              float[] scores = new float[K];
              java.util.Arrays.fill(scores, Float.NEGATIVE_INFINITY);
              java.util.Arrays.fill(ids, -1);
              for (int i = 0; i < v.size(); i++) {
                if (filtered && i % 10 != kept) {
                  continue;
                }
                float score = VectorUtil.dotProduct(q, v.get(i));
                if (score > scores[K - 1]) {
                  int at = K - 1;
                  while (at > 0 && scores[at - 1] < score) {
                    scores[at] = scores[at - 1];
                    ids[at] = ids[at - 1];
                    at--;
                  }
                  scores[at] = score;
                  ids[at] = i;
                }
              }
              return ids;
            })
        .toArray(int[][]::new);
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static long folderBytes(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }
}
