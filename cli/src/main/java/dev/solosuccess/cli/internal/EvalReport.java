package dev.solosuccess.cli.internal;

import dev.solosuccess.engine.BeirDataset;
import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.RetrievalMetrics;
import dev.solosuccess.sdk.SearchMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/** What {@code solo eval beir} prints: a table on a terminal, or one JSON object per mode. */
final class EvalReport {

  /** One mode's result. */
  record Row(SearchMode mode, RetrievalMetrics.Scores scores, double querySeconds, Path runFile) {}

  final String dataset;
  final String split;
  final BeirDataset data;
  final EngineConfig config;
  final int depth;
  final List<Row> rows = new ArrayList<>();
  String model;
  double openSeconds;
  double ingestSeconds;
  int ingested;
  long chunks;

  EvalReport(String dataset, String split, BeirDataset data, EngineConfig config, int depth) {
    this.dataset = dataset;
    this.split = split;
    this.data = data;
    this.config = config;
    this.depth = depth;
  }

  void printHeader(PrintWriter out) {
    out.printf(Locale.ROOT, "BEIR %s (%s): %d documents, %d queries; model %s%n", dataset, split,
        data.corpus().size(), data.queries().size(), model);
    out.printf(Locale.ROOT, "settings: %s%n", settings());
    out.printf(Locale.ROOT, "open     %7.1f s%n", openSeconds);
    out.printf(Locale.ROOT, "ingest   %7.1f s  %d documents ingested (%d already stored), %d"
        + " chunks%n", ingestSeconds, ingested, data.corpus().size() - ingested, chunks);
    out.printf("%-9s %8s %8s %8s %8s %9s  %s%n", "mode", "nDCG@10", "R@100", "R@1000", "MRR@10",
        "queries s", "run file");
  }

  void printRow(PrintWriter out, Row r) {
    RetrievalMetrics.Scores s = r.scores();
    out.printf(Locale.ROOT, "%-9s %8.4f %8.4f %8.4f %8.4f %9.1f  %s%n",
        r.mode().name().toLowerCase(Locale.ROOT), s.ndcgAt10(), s.recallAt100(),
        s.recallAt1000(), s.mrrAt10(), r.querySeconds(), r.runFile());
  }

  private String settings() {
    return String.format(Locale.ROOT,
        "BM25 of %ss, k1=%s b=%s, %s analyzer; fusion %s (rrfK %d, semantic weight %s); candidate depth %d; chunks of"
            + " %d tokens, %d overlap; depth %d",
        config.lexicalScope().name().toLowerCase(Locale.ROOT), config.bm25K1(), config.bm25B(),
        config.textAnalyzer().name().toLowerCase(Locale.ROOT),
        config.fusion().name().toLowerCase(Locale.ROOT),
        config.rrfK(), config.semanticWeight(), config.candidateDepth(), config.chunkMaxTokens(),
        config.chunkOverlapTokens(), depth);
  }

  ObjectNode toJson(Row r) {
    ObjectNode n = Json.object();
    n.put("dataset", dataset);
    n.put("split", split);
    n.put("mode", r.mode().name().toLowerCase(Locale.ROOT));
    n.put("model", model);
    n.put("queries", r.scores().queries());
    n.put("ndcg@10", r.scores().ndcgAt10());
    n.put("recall@100", r.scores().recallAt100());
    n.put("recall@1000", r.scores().recallAt1000());
    n.put("mrr@10", r.scores().mrrAt10());
    n.put("runFile", r.runFile().toString());
    n.put("documents", data.corpus().size());
    n.put("chunks", chunks);
    ObjectNode seconds = n.putObject("seconds");
    seconds.put("open", openSeconds);
    seconds.put("ingest", ingestSeconds);
    seconds.put("queries", r.querySeconds());
    ObjectNode settings = n.putObject("settings");
    settings.put("lexicalScope", config.lexicalScope().name().toLowerCase(Locale.ROOT));
    // Through the float's decimal form: 0.9f, not 0.8999999761581421.
    settings.put("bm25K1", Double.parseDouble(Float.toString(config.bm25K1())));
    settings.put("bm25B", Double.parseDouble(Float.toString(config.bm25B())));
    settings.put("analyzer", config.textAnalyzer().name().toLowerCase(Locale.ROOT));
    settings.put("fusion", config.fusion().name().toLowerCase(Locale.ROOT));
    settings.put("rrfK", config.rrfK());
    settings.put("semanticWeight", config.semanticWeight());
    settings.put("candidateDepth", config.candidateDepth());
    settings.put("chunkMaxTokens", config.chunkMaxTokens());
    settings.put("chunkOverlapTokens", config.chunkOverlapTokens());
    settings.put("depth", depth);
    return n;
  }
}
