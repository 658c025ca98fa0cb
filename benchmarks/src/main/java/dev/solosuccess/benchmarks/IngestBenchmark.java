package dev.solosuccess.benchmarks;

import dev.solosuccess.benchmarks.SciFact.Abstract;
import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.IngestListener;
import dev.solosuccess.sdk.IngestProgress;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * End-to-end ingest throughput, as an application sees it through the public API: one timed {@code
 * documents().ingest(IngestRequest)} of a folder into a fresh data folder, with the engine's own
 * per-stage times (read, parse, chunk, embed, store, index) as shares of the wall time. The model
 * is the floor: the target is that embedding takes at least 85% of the wall time.
 *
 * <p>Two corpora, both made from BEIR SciFact (read from the shared data folder, never copied into
 * the repository): {@code scifact} writes each of the 5,183 abstracts as a .txt file (title, blank
 * line, text); {@code mixed} makes 600 files spread evenly over .txt, .md, .html, .pdf, .docx,
 * .xlsx, .pptx, .eml and .zip (see {@link MixedCorpus}). Writing the folder is setup and is not
 * timed, nor is opening the engine. With {@code both}, SciFact runs first, in the same JVM.
 *
 * <p>A single run of minutes is the measurement, not a JMH loop: ingestion is a batch job, and its
 * first seconds (model warm-up, JIT) are part of what a user waits for.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *   -cp benchmarks/target/benchmarks.jar dev.solosuccess.benchmarks.IngestBenchmark --corpus both
 * </pre>
 *
 * Exit codes: 0 done, 1 failure, 2 usage (or the corpus was not found).
 */
@Command(
    name = "IngestBenchmark",
    mixinStandardHelpOptions = true,
    description = {
      "Times one end-to-end ingest of BEIR SciFact as .txt files and/or of a mixed-format folder,"
          + " and prints documents/s, chunks/s and the share of wall time per stage."
    })
public final class IngestBenchmark implements Callable<Integer> {

  /** Files in the mixed corpus unless {@code --limit} says otherwise. */
  static final int MIXED_FILES = 600;

  enum Corpus {
    SCIFACT,
    MIXED,
    BOTH
  }

  @Spec private CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "The shared data folder holding beir/scifact/ (default: <repo>/../shared/data).")
  private Path data;

  @Option(
      names = "--corpus",
      paramLabel = "scifact|mixed|both",
      description = "What to ingest (default: ${DEFAULT-VALUE}).",
      defaultValue = "both")
  private Corpus corpus;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = {
        "SciFact: the first N abstracts (default: all 5,183).",
        "Mixed: N files instead of " + MIXED_FILES + " (a ZIP counts once, its entries are"
            + " documents)."
      })
  private int limit;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Where to write the folders and data folders; kept afterwards. Must be empty"
          + " or new (default: a temporary folder, deleted afterwards).")
  private Path work;

  @Option(
      names = "--parse-threads",
      paramLabel = "N",
      description = "The engine's parse threads (default: the engine's, one per processor).")
  private int parseThreads;

  @Option(
      names = "--model-alone",
      description = "After each ingest, embed the same chunks again through the public API with"
          + " nothing else running, and report the ingest's cost on top of the model alone.")
  private boolean modelAlone;

  @Option(names = "--json", description = "Print one JSON object instead of the tables.")
  private boolean json;

  public static void main(String[] args) {
    System.exit(new CommandLine(new IngestBenchmark()).setCaseInsensitiveEnumValuesAllowed(true)
        .execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must be >= 0, got " + limit);
    }
    Path dataDir = (data != null ? data : Repository.root().resolve("../shared/data"))
        .toAbsolutePath().normalize();
    if (!Files.isRegularFile(dataDir.resolve(SciFact.CORPUS))) {
      throw new ParameterException(spec.commandLine(),
          "no SciFact corpus at " + dataDir.resolve(SciFact.CORPUS) + "; pass --data DIR");
    }
    PrintWriter out = spec.commandLine().getOut();
    Machine machine = Machine.current();
    if (!json) {
      IngestReport.machine(machine, out);
      out.flush();
    }
    Path folder = workFolder();
    List<IngestRun> runs = new ArrayList<>();
    try {
      if (corpus != Corpus.MIXED) {
        runs.add(sciFact(dataDir, folder.resolve("scifact")));
        print(runs.getLast(), out);
      }
      if (corpus != Corpus.SCIFACT) {
        runs.add(mixed(dataDir, folder.resolve("mixed")));
        print(runs.getLast(), out);
      }
    } finally {
      if (work == null) {
        deleteTree(folder);
      }
    }
    if (json) {
      out.println(IngestReport.json(machine, runs));
    }
    out.flush();
    return 0;
  }

  private void print(IngestRun run, PrintWriter out) {
    if (!json) {
      IngestReport.table(run, out);
      out.flush();
    }
  }

  private Path workFolder() throws IOException {
    if (work == null) {
      return Files.createTempDirectory("solo-ingest-bench-");
    }
    if (Files.isDirectory(work)) {
      try (Stream<Path> entries = Files.list(work)) {
        if (entries.findAny().isPresent()) {
          throw new ParameterException(spec.commandLine(), "--work " + work + " is not empty");
        }
      }
    }
    return Files.createDirectories(work);
  }

  private IngestRun sciFact(Path dataDir, Path folder) throws IOException {
    long start = System.nanoTime();
    List<Abstract> abstracts = SciFact.read(dataDir, limit);
    Path docs = folder.resolve("docs");
    long bytes = SciFact.writeTextFiles(abstracts, docs);
    double setup = (System.nanoTime() - start) / 1e9;
    return ingest("scifact", abstracts.size() + " SciFact abstracts as .txt (title, blank line,"
            + " text)", docs, folder.resolve("data"), abstracts.size(), bytes,
        Map.of("txt", abstracts.size()), setup);
  }

  private IngestRun mixed(Path dataDir, Path folder) throws IOException {
    long start = System.nanoTime();
    int files = limit > 0 ? limit : MIXED_FILES;
    List<Abstract> pool = SciFact.read(dataDir, MixedCorpus.abstractsNeeded(files));
    if (pool.size() < MixedCorpus.abstractsNeeded(files)) {
      throw new ParameterException(spec.commandLine(),
          "--limit " + files + ": the mixed corpus would need " + MixedCorpus.abstractsNeeded(files)
              + " abstracts, SciFact has " + pool.size());
    }
    Path docs = folder.resolve("docs");
    MixedCorpus.Written w = MixedCorpus.write(pool, files, docs);
    double setup = (System.nanoTime() - start) / 1e9;
    Map<String, Integer> formats = new TreeMap<>();
    w.files().forEach((k, n) -> formats.put(k.extension, n));
    return ingest("mixed", w.totalFiles() + " files over " + formats.size() + " formats, "
            + w.documents() + " documents from " + pool.size() + " SciFact abstracts",
        docs, folder.resolve("data"), w.totalFiles(), w.bytes(), formats, setup);
  }

  private IngestRun ingest(
      String name, String input, Path docs, Path dataDir, int files, long bytes,
      Map<String, Integer> formats, double setupSeconds) {
    EngineConfig.Builder config = EngineConfig.builder(dataDir);
    if (parseThreads > 0) {
      config.parseThreads(parseThreads);
    }
    EngineConfig built = config.build();
    long openStart = System.nanoTime();
    try (SoloEngine engine = SoloEngine.open(built)) {
      double open = (System.nanoTime() - openStart) / 1e9;
      double loadBefore = Machine.loadNow();
      IngestSummary summary =
          engine.documents().ingest(
              IngestRequest.builder().path(docs).listener(new Progress(name)).build());
      double loadAfter = Machine.loadNow();
      double alone = modelAlone ? modelAlone(engine, summary) : -1;
      return new IngestRun(name, input, files, bytes, formats, setupSeconds, open,
          built.parseThreads(), summary, loadBefore, loadAfter, alone);
    }
  }

  /**
   * The same chunks through the model only: groups of at least 256 chunks in ingest order, as the
   * batch forms them, so that padding and batch shapes match.
   */
  private static double modelAlone(SoloEngine engine, IngestSummary summary) {
    long nanos = 0;
    List<String> group = new ArrayList<>();
    List<Document> documents = summary.ingested();
    for (int i = 0; i < documents.size(); i++) {
      for (Chunk c : engine.documents().chunks(documents.get(i).id())) {
        group.add(c.text());
      }
      if (group.size() >= 256 || (i == documents.size() - 1 && !group.isEmpty())) {
        long t = System.nanoTime();
        engine.inference().embedAll(group);
        nanos += System.nanoTime() - t;
        group.clear();
      }
    }
    return nanos / 1e9;
  }

  /** A progress line on stderr every ten seconds; runs on the ingest thread, so it stays cheap. */
  private final class Progress implements IngestListener {
    private final String name;
    private long nextNanos = 10_000_000_000L;

    Progress(String name) {
      this.name = name;
    }

    @Override
    public void ingested(Document document, IngestProgress p) {
      long elapsed = p.elapsed().toNanos();
      if (elapsed >= nextNanos) {
        nextNanos = elapsed + 10_000_000_000L;
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "  %s: %d of %d files, %d chunks, %.0f s%n",
            name, p.done(), p.total(), p.chunks(), elapsed / 1e9);
        err.flush();
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The repository root: the folder above {@code benchmarks/target/}, or the working folder. */
  static final class Repository {
    private Repository() {}

    static Path root() {
      java.security.CodeSource code = IngestBenchmark.class.getProtectionDomain().getCodeSource();
      if (code != null) {
        try {
          for (Path p = Path.of(code.getLocation().toURI()); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("benchmarks"))
                && Files.isRegularFile(p.resolve("mvnw"))) {
              return p;
            }
          }
        } catch (URISyntaxException | IllegalArgumentException e) {
          // not a file location: fall back to the working folder
        }
      }
      return Path.of("").toAbsolutePath();
    }
  }
}
