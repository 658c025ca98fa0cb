package dev.solosuccess.benchmarks;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Ingest throughput and search latency on a folder of documents, as a user sees them through the
 * public API. Ingests the folder into a fresh data folder (documents/s, chunks/s), then runs each
 * query in each mode: a warm-up pass, then {@code rounds} timed passes; prints the median and 90th
 * percentile per mode. Wall-clock numbers on a shared machine drift: compare runs side by side.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *   -cp benchmarks/target/benchmarks.jar dev.solosuccess.benchmarks.IngestSearchHarness \
 *   examples/data examples/src/test/resources/corpus-questions.tsv 20
 * </pre>
 */
public final class IngestSearchHarness {

  private IngestSearchHarness() {}

  public static void main(String[] args) throws IOException {
    Path documents = Path.of(args.length > 0 ? args[0] : "examples/data");
    Path questions =
        Path.of(args.length > 1 ? args[1] : "examples/src/test/resources/corpus-questions.tsv");
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    List<String> queries =
        Files.readAllLines(questions).stream()
            .skip(1)
            .filter(l -> !l.isBlank())
            .map(l -> l.split("\t")[1])
            .toList();
    Path dataDir = Files.createTempDirectory("solo-harness-");
    try {
      long openStart = System.nanoTime();
      try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(dataDir).build())) {
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        IngestSummary s = engine.documents().ingest(IngestRequest.of(documents));
        double seconds = s.elapsed().toNanos() / 1e9;
        System.out.printf(
            Locale.ROOT,
            "open: %.2f s%ningest: %d documents, %d chunks, %d skipped in %.2f s ="
                + " %.1f documents/s, %.1f chunks/s%n",
            openSeconds, s.ingested().size(), s.chunks(), s.skipped().size(), seconds,
            s.ingested().size() / seconds, s.chunks() / seconds);
        System.out.printf(
            Locale.ROOT, "search: %d queries x %d rounds per mode, limit 10%n", queries.size(), rounds);
        for (SearchMode mode : SearchMode.values()) {
          for (String q : queries) { // warm-up pass
            engine.search().search(SearchRequest.builder(q).mode(mode).build());
          }
          List<Long> nanos = new ArrayList<>();
          for (int r = 0; r < rounds; r++) {
            for (String q : queries) {
              long t = System.nanoTime();
              engine.search().search(SearchRequest.builder(q).mode(mode).build());
              nanos.add(System.nanoTime() - t);
            }
          }
          long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
          System.out.printf(
              Locale.ROOT,
              "  %-8s median %.2f ms, p90 %.2f ms, min %.2f ms (%d searches)%n",
              mode.name().toLowerCase(Locale.ROOT),
              percentile(sorted, 0.5) / 1e6,
              percentile(sorted, 0.9) / 1e6,
              sorted[0] / 1e6,
              sorted.length);
        }
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dataDir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static double percentile(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)));
    return Arrays.stream(sorted).skip(i).findFirst().orElseThrow();
  }
}
