package dev.solosuccess.benchmarks;

import dev.solosuccess.engine.BeirDataset;
import dev.solosuccess.engine.BeirEvaluation;
import dev.solosuccess.engine.ChunkingStrategy;
import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.FusionMethod;
import dev.solosuccess.engine.LexicalScope;
import dev.solosuccess.engine.RankedDocument;
import dev.solosuccess.engine.RetrievalMetrics;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.engine.TextAnalyzer;
import dev.solosuccess.sdk.IngestListener;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.SearchMode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A grid search of the engine's quality settings on a BEIR dataset, on the split the defaults are
 * tuned on (SciFact's {@code train}; never tune on {@code test}). Each chunking setting is ingested
 * once into a data folder under {@code --work} (kept, so a later run reuses it); each search
 * setting opens the engine on it again and runs every query of the split through the public API.
 * One line per setting and mode: nDCG@10, recall@100, recall@1000, MRR@10 and the queries' time.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *   -cp benchmarks/target/benchmarks.jar dev.solosuccess.benchmarks.BeirTuning --work /tmp/tune \
 *   --modes hybrid --fusion rrf,convex --rrf-k 10,60 --weight 0.4,0.5,0.6
 * </pre>
 *
 * Only the settings that can change a mode's ranking vary for it: BM25's for lexical and hybrid,
 * fusion's and the candidate depth for hybrid. Exit codes: 0 done, 1 failure, 2 usage.
 */
@Command(
    name = "BeirTuning",
    mixinStandardHelpOptions = true,
    description = "Grid search of quality settings on a BEIR split (default: SciFact train).")
public final class BeirTuning implements Callable<Integer> {

  @Option(names = "--dataset", paramLabel = "DIR",
      description = "BEIR folder (default: <repo>/../shared/data/beir/scifact).")
  private Path dataset;

  @Option(names = "--split", defaultValue = "train", description = "qrels split (default: train).")
  private String split;

  @Option(names = "--model", defaultValue = EngineConfig.DEFAULT_EMBEDDING_MODEL)
  private String model;

  @Option(names = "--work", required = true, paramLabel = "DIR",
      description = "Where the data folders are kept, one per model and chunking.")
  private Path work;

  @Option(names = "--modes", split = ",", defaultValue = "lexical,semantic,hybrid")
  private List<SearchMode> modes;

  @Option(names = "--chunk", split = ",", defaultValue = "" + EngineConfig.DEFAULT_CHUNK_MAX_TOKENS)
  private List<Integer> chunkTokens;

  @Option(names = "--overlap", split = ",",
      defaultValue = "" + EngineConfig.DEFAULT_CHUNK_OVERLAP_TOKENS)
  private List<Integer> overlaps;

  @Option(names = "--chunking", defaultValue = "SENTENCE")
  private ChunkingStrategy chunking;

  @Option(names = "--lexical-scope", split = ",", defaultValue = "DOCUMENT")
  private List<LexicalScope> scopes;

  @Option(names = "--k1", split = ",", defaultValue = "" + EngineConfig.DEFAULT_BM25_K1)
  private List<Float> k1s;

  @Option(names = "--b", split = ",", defaultValue = "" + EngineConfig.DEFAULT_BM25_B)
  private List<Float> bs;

  @Option(names = "--analyzer", split = ",", defaultValue = "ENGLISH",
      description = "Text analyzers for BM25 (each rebuilds the index from the store once).")
  private List<TextAnalyzer> analyzers;

  @Option(names = "--fusion", split = ",", defaultValue = "CONVEX")
  private List<FusionMethod> fusions;

  @Option(names = "--rrf-k", split = ",", defaultValue = "" + EngineConfig.DEFAULT_RRF_K)
  private List<Integer> rrfKs;

  @Option(names = "--weight", split = ",", defaultValue = "" + EngineConfig.DEFAULT_SEMANTIC_WEIGHT,
      description = "semanticWeight values for CONVEX fusion.")
  private List<Double> weights;

  @Option(names = "--candidate-depth", split = ",",
      defaultValue = "" + EngineConfig.DEFAULT_CANDIDATE_DEPTH)
  private List<Integer> depths;

  @Option(names = "--limit", defaultValue = "" + BeirEvaluation.RUN_DEPTH,
      description = "Results per query (1000, as a TREC run; 10 measures what an interactive"
          + " search fetches).")
  private int limit;

  /** One point of the grid: the search settings it applies, and how to print them. */
  private record Setting(String label, UnaryOperator<EngineConfig.Builder> apply) {}

  @Override
  public Integer call() throws Exception {
    Path folder = dataset != null ? dataset
        : IngestBenchmark.Repository.root().resolve("../shared/data/beir/scifact").normalize();
    BeirDataset data = BeirDataset.read(folder, split);
    PrintWriter out = new PrintWriter(System.out, true);
    Machine machine = Machine.current();
    out.printf(Locale.ROOT, "%s, split %s: %d documents, %d queries; model %s; %d cores, %s,"
        + " load %.2f%n", folder, split, data.corpus().size(), data.queries().size(), model,
        machine.cores(), machine.cpu(), machine.loadAverage());
    for (int chunk : chunkTokens) {
      for (int overlap : overlaps) {
        Path dir = work.resolve(model + "-" + chunking + "-" + chunk + "-" + overlap);
        Files.createDirectories(dir);
        UnaryOperator<EngineConfig.Builder> base = b -> b.embeddingModel(model)
            .chunkMaxTokens(chunk).chunkOverlapTokens(overlap).chunking(chunking);
        try (SoloEngine solo = SoloEngine.open(base.apply(EngineConfig.builder(dir)).build())) {
          IngestSummary s = BeirEvaluation.ingest(solo, data, IngestListener.NONE);
          out.printf(Locale.ROOT, "ingest chunk=%d overlap=%d: %d new, %d unchanged, %d chunks,"
              + " %.1f s%n", chunk, overlap, s.ingested().size(), s.unchanged().size(),
              s.chunks(), s.elapsed().toMillis() / 1000.0);
        }
        for (SearchMode mode : modes) {
          for (Setting setting : grid(mode)) {
            EngineConfig config =
                setting.apply().apply(base.apply(EngineConfig.builder(dir))).build();
            try (SoloEngine solo = SoloEngine.open(config)) {
              long t0 = System.nanoTime();
              Map<String, List<RankedDocument>> run =
                  BeirEvaluation.search(solo, data, mode, limit);
              double secs = (System.nanoTime() - t0) / 1e9;
              RetrievalMetrics.Scores m = RetrievalMetrics.evaluate(data.judgments(), run);
              out.printf(Locale.ROOT,
                  "%-8s chunk=%d overlap=%d limit=%d %s | ndcg@10 %.4f r@100 %.4f r@1000 %.4f"
                      + " mrr@10 %.4f | %.1f s%n",
                  mode.name().toLowerCase(Locale.ROOT), chunk, overlap, limit, setting.label(),
                  m.ndcgAt10(), m.recallAt100(), m.recallAt1000(), m.mrrAt10(), secs);
            }
          }
        }
      }
    }
    return 0;
  }

  /** The grid for one mode. */
  private List<Setting> grid(SearchMode mode) {
    List<Setting> out = new ArrayList<>();
    out.add(new Setting("", b -> b));
    if (mode != SearchMode.SEMANTIC) {
      // The analyzer varies slowest: changing it rebuilds the index.
      out = cross(out, analyzers, (b, v) -> b.textAnalyzer(v), "analyzer");
      out = cross(out, scopes, (b, v) -> b.lexicalScope(v), "scope");
      out = cross(out, k1s, (b, v) -> b.bm25K1(v), "k1");
      out = cross(out, bs, (b, v) -> b.bm25B(v), "b");
    }
    if (mode == SearchMode.HYBRID) {
      List<Setting> fused = new ArrayList<>();
      for (FusionMethod f : fusions) {
        List<Setting> one = cross(out, List.of(f), (b, v) -> b.fusion(v), "fusion");
        one = f == FusionMethod.RRF
            ? cross(one, rrfKs, (b, v) -> b.rrfK(v), "rrfK")
            : cross(one, weights, (b, v) -> b.semanticWeight(v), "weight");
        fused.addAll(one);
      }
      out = cross(fused, depths, (b, v) -> b.candidateDepth(v), "depth");
    }
    return out;
  }

  private interface Apply<T> {
    EngineConfig.Builder apply(EngineConfig.Builder b, T value);
  }

  private static <T> List<Setting> cross(
      List<Setting> settings, List<T> values, Apply<T> apply, String name) {
    List<Setting> out = new ArrayList<>();
    for (Setting s : settings) {
      for (T v : values) {
        String label = (s.label().isEmpty() ? "" : s.label() + " ") + name + "=" + v;
        out.add(new Setting(label, b -> apply.apply(s.apply().apply(b), v)));
      }
    }
    return out;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BeirTuning()).setCaseInsensitiveEnumValuesAllowed(true)
        .execute(args));
  }
}
