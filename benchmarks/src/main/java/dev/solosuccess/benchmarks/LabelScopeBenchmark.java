package dev.solosuccess.benchmarks;

import dev.solosuccess.index.ChunkIndex;
import dev.solosuccess.index.IndexFilter;
import dev.solosuccess.index.IndexSettings;
import dev.solosuccess.index.IndexedChunk;
import dev.solosuccess.index.VectorSimilarity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What an access scope costs a BM25 search: the same queries over one synthetic index, unfiltered,
 * with a term filter on the tenant (filtering only), and with a label scope on the same tenant
 * (filtering, and BM25 statistics computed over the scope's chunks). Chunks of 30 to 120 words
 * drawn from a Zipf vocabulary of 5,000 words; 45% tenant A, 45% tenant B, 10% both. Prints the
 * median and 95th percentile per variant, for chunk-level and document-level BM25.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *   dev.solosuccess.benchmarks.LabelScopeBenchmark 20000 2000
 * </pre>
 */
public final class LabelScopeBenchmark {

  static final int DIM = 16;
  static final int VOCABULARY = 5_000;

  private LabelScopeBenchmark() {}

  public static void main(String[] args) throws IOException {
    int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    System.out.println(Machine.current());
    Random random = new Random(42);
    double[] cumulative = zipf(VOCABULARY);
    Path dir = Files.createTempDirectory("label-scope-bench");
    try (ChunkIndex index =
        ChunkIndex.open(dir, IndexSettings.of(DIM, VectorSimilarity.DOT_PRODUCT, "bench"))) {
      long t0 = System.nanoTime();
      for (int d = 0; d < chunks / 4; d++) {
        int r = random.nextInt(20);
        Set<String> labels =
            r < 9 ? Set.of("tenant:a") : r < 18 ? Set.of("tenant:b") : Set.of("tenant:a", "tenant:b");
        String tenant = labels.size() == 2 ? "both" : labels.iterator().next();
        List<IndexedChunk> docChunks = new ArrayList<>();
        StringBuilder whole = new StringBuilder();
        for (int c = 0; c < 4; c++) {
          String text = text(random, cumulative, 30 + random.nextInt(91));
          whole.append(text).append('\n');
          docChunks.add(new IndexedChunk("d" + d + "#" + c, "d" + d, text, unit(random),
              Map.of("tenant", tenant), Map.of(), labels));
        }
        index.replaceDocument("d" + d, docChunks, whole.toString());
      }
      index.commit(1);
      System.out.printf("indexed %d chunks in %.1f s%n", index.chunkCount(),
          (System.nanoTime() - t0) / 1e9);
      List<String> qs = new ArrayList<>();
      for (int i = 0; i < queries; i++) {
        qs.add(text(random, cumulative, 2 + random.nextInt(3)));
      }
      IndexFilter none = IndexFilter.none();
      IndexFilter filterOnly = IndexFilter.of(IndexFilter.terms("tenant", "tenant:b", "both"));
      IndexFilter scope = IndexFilter.of(IndexFilter.labels(Set.of("tenant:b")));
      for (String field : List.of("chunks", "documents")) {
        Function<IndexFilter, double[]> run =
            f -> {
              double[] ms = new double[qs.size()];
              for (int i = 0; i < qs.size(); i++) {
                long s = System.nanoTime();
                if (field.equals("chunks")) {
                  index.searchText(qs.get(i), 100, f);
                } else {
                  index.searchDocuments(qs.get(i), 100, f);
                }
                ms[i] = (System.nanoTime() - s) / 1e6;
              }
              return ms;
            };
        for (IndexFilter f : List.of(none, filterOnly, scope)) {
          run.apply(f); // warm-up
        }
        for (int round = 0; round < 2; round++) {
          print(field, "no filter", run.apply(none));
          print(field, "tenant filter", run.apply(filterOnly));
          print(field, "label scope", run.apply(scope));
        }
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void print(String field, String variant, double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    System.out.printf("BM25 %-9s %-13s median %.3f ms, p95 %.3f ms%n", field, variant,
        sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)]);
  }

  private static double[] zipf(int n) {
    double[] c = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / (i + 1);
      c[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      c[i] /= sum;
    }
    return c;
  }

  private static String text(Random random, double[] cumulative, int words) {
    StringBuilder t = new StringBuilder();
    for (int w = 0; w < words; w++) {
      int i = Arrays.binarySearch(cumulative, random.nextDouble());
      t.append("w").append(i < 0 ? -i - 1 : i).append(' ');
    }
    return t.toString().strip();
  }

  private static float[] unit(Random random) {
    float[] v = new float[DIM];
    double n = 0;
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) random.nextGaussian();
      n += v[i] * v[i];
    }
    for (int i = 0; i < DIM; i++) {
      v[i] /= (float) Math.sqrt(n);
    }
    return v;
  }
}
