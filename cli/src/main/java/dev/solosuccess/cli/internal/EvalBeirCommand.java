package dev.solosuccess.cli.internal;

import dev.solosuccess.engine.BeirDataset;
import dev.solosuccess.engine.BeirEvaluation;
import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.ExportFiles;
import dev.solosuccess.engine.FusionMethod;
import dev.solosuccess.engine.LexicalScope;
import dev.solosuccess.engine.RankedDocument;
import dev.solosuccess.engine.RetrievalMetrics;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.engine.TextAnalyzer;
import dev.solosuccess.engine.TrecRun;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.SearchMode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code solo eval beir}: ingests a BEIR folder's corpus, runs its judged queries in each mode,
 * writes a TREC run file per mode and prints trec_eval's nDCG@10, recall@100, recall@1000 and
 * MRR@10, with the time of each stage.
 */
@Command(
    name = "beir",
    mixinStandardHelpOptions = true,
    description = {
      "Measure search quality on a BEIR folder (corpus.jsonl[.gz], queries.jsonl,"
          + " qrels/SPLIT.tsv).",
      "%nThe corpus (each document's title and text) is ingested into --data-dir if given (kept;"
          + " a later run with the same folder skips the ingest), else into a temporary data"
          + " folder deleted afterwards. Each query judged in the split is searched for its top"
          + " --depth documents, the run is written as a TREC run file, and nDCG@10, recall@100,"
          + " recall@1000 and MRR@10 are computed as 'trec_eval -c' computes them (every judged"
          + " query counts; ties broken by document id, descending)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
final class EvalBeirCommand implements Callable<Integer> {

  /** A mode, or all three. */
  enum Mode {
    LEXICAL,
    SEMANTIC,
    HYBRID,
    ALL
  }

  @ParentCommand private EvalCommand eval;
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FOLDER", description = "The BEIR folder, e.g. beir/scifact.")
  private Path folder;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "all",
      description = "lexical, semantic, hybrid or all (default: ${DEFAULT-VALUE}).")
  private Mode mode;

  @Option(
      names = "--split",
      paramLabel = "NAME",
      defaultValue = "test",
      description = "Which judgments: qrels/NAME.tsv (default: ${DEFAULT-VALUE}). Tune on train,"
          + " report on test.")
  private String split;

  @Option(
      names = "--run-file",
      paramLabel = "FILE",
      description = "Where to write the TREC run; with --mode all, the mode goes before the"
          + " extension (run.trec: run.lexical.trec, ...). Default:"
          + " DATASET.SPLIT.MODEL.MODE.trec in the working folder.")
  private Path runFile;

  @Option(
      names = "--depth",
      paramLabel = "N",
      defaultValue = "" + BeirEvaluation.RUN_DEPTH,
      description = "Documents per query in the run, 1-1000 (default: ${DEFAULT-VALUE}).")
  private int depth;

  @Option(names = "--json", description = "Print one JSON object per mode, one per line.")
  private boolean json;

  @Option(names = "--lexical-scope", paramLabel = "SCOPE", description = "What BM25 scores:"
      + " document (whole documents) or chunk (a document's best chunk) (default: the engine's).")
  private LexicalScope lexicalScope;

  @Option(names = "--bm25-k1", paramLabel = "K1", description = "BM25 k1 (default: "
      + EngineConfig.DEFAULT_BM25_K1 + ").")
  private Float bm25K1;

  @Option(names = "--bm25-b", paramLabel = "B", description = "BM25 b (default: "
      + EngineConfig.DEFAULT_BM25_B + ").")
  private Float bm25B;

  @Option(names = "--analyzer", paramLabel = "NAME", description = "How BM25 cuts text into terms:"
      + " ${COMPLETION-CANDIDATES} (default: english).")
  private TextAnalyzer analyzer;

  @Option(names = "--fusion", paramLabel = "METHOD", description = "Hybrid fusion: rrf or convex"
      + " (default: the engine's).")
  private FusionMethod fusion;

  @Option(names = "--rrf-k", paramLabel = "K", description = "RRF's k (default: "
      + EngineConfig.DEFAULT_RRF_K + ").")
  private Integer rrfK;

  @Option(names = "--semantic-weight", paramLabel = "W", description = "The vector ranking's"
      + " weight in convex fusion, 0-1 (default: " + EngineConfig.DEFAULT_SEMANTIC_WEIGHT + ").")
  private Double semanticWeight;

  @Option(names = "--candidate-depth", paramLabel = "N", description = "Chunks each retriever"
      + " hands to fusion (default: " + EngineConfig.DEFAULT_CANDIDATE_DEPTH + ").")
  private Integer candidateDepth;

  @Option(names = "--chunk-tokens", paramLabel = "N", description = "Word pieces per chunk at"
      + " ingest (default: the engine's).")
  private Integer chunkTokens;

  @Option(names = "--chunk-overlap", paramLabel = "N", description = "Word pieces shared by"
      + " consecutive chunks (default: the engine's).")
  private Integer chunkOverlap;

  @Override
  public Integer call() throws IOException {
    if (depth < 1 || depth > BeirEvaluation.RUN_DEPTH) {
      throw new ParameterException(
          spec.commandLine(), "--depth must be in 1.." + BeirEvaluation.RUN_DEPTH + ", got " + depth);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    BeirDataset dataset = BeirDataset.read(folder, split);
    String name = datasetName();
    boolean temporary = !eval.solo().dataDirGiven();
    Path dataDir =
        temporary ? Files.createTempDirectory("solo-eval-") : eval.solo().dataDir();
    err.println("BEIR " + name + ", split " + split + ": " + dataset.corpus().size()
        + " documents, " + dataset.queries().size() + " queries ("
        + dataset.judgments().judgmentCount() + " judgments); data folder "
        + (temporary ? dataDir + " (temporary)" : dataDir));
    err.flush();
    try {
      EngineConfig config = config(dataDir);
      EvalReport report = new EvalReport(name, split, dataset, config, depth);
      long t = System.nanoTime();
      try (SoloEngine engine = SoloEngine.open(config)) {
        report.openSeconds = seconds(t);
        report.model = engine.inference().embeddingModel().id();
        IngestSummary ingest =
            BeirEvaluation.ingest(engine, dataset, new EvalProgress(err));
        report.ingestSeconds = ingest.elapsed().toNanos() / 1e9;
        report.ingested = ingest.ingested().size();
        report.chunks = engine.documents().list().stream().mapToLong(Document::chunks).sum();
        if (!json) {
          report.printHeader(out);
        }
        for (SearchMode m : modes()) {
          t = System.nanoTime();
          Map<String, List<RankedDocument>> run = BeirEvaluation.search(engine, dataset, m, depth);
          double querySeconds = seconds(t);
          RetrievalMetrics.Scores scores = RetrievalMetrics.evaluate(dataset.judgments(), run);
          Path file = runFile(name, report.model, m);
          // Sealed under the master key when one is configured: run files name documents.
          try (Writer w =
              new BufferedWriter(
                  new OutputStreamWriter(
                      ExportFiles.create(file, config.masterKey()), StandardCharsets.UTF_8))) {
            TrecRun.write(w, run, "solo-" + m.name().toLowerCase(Locale.ROOT));
          }
          EvalReport.Row row = new EvalReport.Row(m, scores, querySeconds, file);
          report.rows.add(row);
          if (json) {
            out.println(Json.write(report.toJson(row)));
          } else {
            report.printRow(out, row);
          }
          out.flush();
        }
      }
      if (!json) {
        out.printf(Locale.ROOT, "total %.1f s%n", seconds(start));
      }
      out.flush();
      return ExitCodes.OK;
    } finally {
      if (temporary) {
        deleteTree(dataDir);
      }
    }
  }

  private EngineConfig config(Path dataDir) {
    EngineConfig.Builder b = EngineConfig.builder(dataDir);
    eval.solo().applyModel(b);
    eval.solo().applyEngineOptions(b);
    if (lexicalScope != null) {
      b.lexicalScope(lexicalScope);
    }
    if (bm25K1 != null) {
      b.bm25K1(bm25K1);
    }
    if (bm25B != null) {
      b.bm25B(bm25B);
    }
    if (analyzer != null) {
      b.textAnalyzer(analyzer);
    }
    if (fusion != null) {
      b.fusion(fusion);
    }
    if (rrfK != null) {
      b.rrfK(rrfK);
    }
    if (semanticWeight != null) {
      b.semanticWeight(semanticWeight);
    }
    if (candidateDepth != null) {
      b.candidateDepth(candidateDepth);
    }
    if (chunkTokens != null) {
      b.chunkMaxTokens(chunkTokens);
    }
    if (chunkOverlap != null) {
      b.chunkOverlapTokens(chunkOverlap);
    }
    return b.build();
  }

  private List<SearchMode> modes() {
    return switch (mode) {
      case LEXICAL -> List.of(SearchMode.LEXICAL);
      case SEMANTIC -> List.of(SearchMode.SEMANTIC);
      case HYBRID -> List.of(SearchMode.HYBRID);
      case ALL -> List.of(SearchMode.LEXICAL, SearchMode.SEMANTIC, SearchMode.HYBRID);
    };
  }

  private String datasetName() {
    Path abs = folder.toAbsolutePath().normalize();
    return abs.getFileName() == null ? "beir" : abs.getFileName().toString();
  }

  private Path runFile(String name, String model, SearchMode m) {
    String modeName = m.name().toLowerCase(Locale.ROOT);
    if (runFile == null) {
      String safeModel = Path.of(model).getFileName().toString();
      return Path.of(name + "." + split + "." + safeModel + "." + modeName + ".trec");
    }
    if (mode != Mode.ALL) {
      return runFile;
    }
    String file = runFile.getFileName().toString();
    int dot = file.lastIndexOf('.');
    String withMode =
        dot > 0 ? file.substring(0, dot) + "." + modeName + file.substring(dot) : file + "." + modeName;
    return runFile.resolveSibling(withMode);
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
