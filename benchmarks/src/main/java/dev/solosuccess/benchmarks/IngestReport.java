package dev.solosuccess.benchmarks;

import dev.solosuccess.sdk.IngestStage;
import dev.solosuccess.sdk.SkippedFile;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prints {@link IngestRun}s: a table per run for people, with a Markdown row for
 * {@code benchmarks/README.md}, or one JSON object for scripts. Stateless.
 */
final class IngestReport {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private IngestReport() {}

  static void machine(Machine m, PrintWriter out) {
    out.printf(Locale.ROOT, "machine: %d cores, %s; JDK %s, %s; %s; heap %d MiB; load %.2f%n",
        m.cores(), m.cpu(), m.jdk(), m.vm(), m.os(), m.maxHeapMiB(), m.loadAverage());
    out.printf("JVM flags: %s%n", String.join(" ", m.jvmArguments()));
  }

  static void table(IngestRun r, PrintWriter out) {
    out.println();
    out.printf(Locale.ROOT, "== %s: %s%n", r.corpus(), r.input());
    out.printf(Locale.ROOT,
        "setup (not timed): %d files, %.1f MiB written in %.1f s; engine open %.1f s;"
            + " load average %.2f before, %.2f after%n",
        r.files(), r.bytes() / 1048576.0, r.setupSeconds(), r.openSeconds(), r.loadBefore(),
        r.loadAfter());
    if (r.formats().size() > 1) {
      out.println("files per format: " + r.formats());
    }
    out.println();
    out.printf("%10s %8s %8s %9s %12s %10s%n",
        "documents", "chunks", "skipped", "wall s", "documents/s", "chunks/s");
    out.printf(Locale.ROOT, "%10d %8d %8d %9.2f %12.2f %10.2f%n",
        r.documents(), r.summary().chunks(), r.summary().skipped().size(), r.wallSeconds(),
        r.documentsPerSecond(), r.chunksPerSecond());
    out.println();
    out.printf("%-7s %-12s %9s %14s%n", "stage", "thread", "seconds", "share of wall");
    String parse = "parse x" + r.parseThreads();
    for (IngestStage s : IngestStage.values()) {
      out.printf(Locale.ROOT, "%-7s %-12s %9.2f %13.1f%%%n",
          s.name().toLowerCase(Locale.ROOT),
          IngestRun.PARSE_THREAD_STAGES.contains(s) ? parse : "ingest",
          r.seconds(s), 100 * r.share(s));
    }
    out.printf(Locale.ROOT, "%-7s %-12s %9.2f %13.1f%%  (ingest thread outside embed, store,"
            + " index: waiting for parses, walking, listener)%n",
        "other", "ingest", r.ingestThreadOtherSeconds(),
        100 * r.ingestThreadOtherSeconds() / r.wallSeconds());
    out.println();
    out.printf(Locale.ROOT, "%-40s %6.1f%%  (target >= %.0f%%: %s)%n",
        "embed share of wall", 100 * r.embedShare(), 100 * IngestRun.TARGET_EMBED_SHARE,
        r.targetMet() ? "met" : "NOT met");
    out.printf(Locale.ROOT, "%-40s %6.1f%%  (<= %.1f%% is the same target)%n",
        "everything else (wall - embed) / embed", 100 * r.otherOverEmbed(),
        100 * (1 / IngestRun.TARGET_EMBED_SHARE - 1));
    out.printf(Locale.ROOT, "%-40s %6.1f%%  of %d threads x wall%n",
        "parse threads busy", 100 * r.parseThreadsBusy(), r.parseThreads());
    if (r.hasModelAlone()) {
      out.printf(Locale.ROOT,
          "%-40s %6.2f s  (ingest wall is %+.1f%% on top; embed inside ingest %+.1f%%)%n",
          "model alone on the same chunks", r.modelAloneSeconds(), 100 * r.overModelAlone(),
          100 * (r.seconds(IngestStage.EMBED) / r.modelAloneSeconds() - 1));
    }
    if (r.summary().truncatedChunks() > 0) {
      out.printf("truncated chunks: %d%n", r.summary().truncatedChunks());
    }
    List<SkippedFile> skipped = r.summary().skipped();
    for (SkippedFile s : skipped.subList(0, Math.min(10, skipped.size()))) {
      out.printf("skipped %s: %s (%s)%n", s.source(), s.reason(), s.code());
    }
    out.println();
    out.println("README row: " + markdownRow(r));
  }

  /** A row of the results table in {@code benchmarks/README.md}. */
  static String markdownRow(IngestRun r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f |",
        r.corpus(), r.documents(), r.summary().chunks(), r.wallSeconds(), r.documentsPerSecond(),
        r.chunksPerSecond()));
    for (IngestStage s : IngestStage.values()) {
      b.append(String.format(Locale.ROOT, " %.1f (%.1f%%) |", r.seconds(s), 100 * r.share(s)));
    }
    b.append(String.format(Locale.ROOT, " %.1f%% | %.1f%% |",
        100 * r.embedShare(), 100 * r.otherOverEmbed()));
    b.append(r.hasModelAlone()
        ? String.format(Locale.ROOT, " %.1f (%+.1f%%) |", r.modelAloneSeconds(),
            100 * r.overModelAlone())
        : " – |");
    return b.toString();
  }

  static String json(Machine m, List<IngestRun> runs) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode machine = root.putObject("machine");
    machine.put("cores", m.cores());
    machine.put("cpu", m.cpu());
    machine.put("jdk", m.jdk());
    machine.put("vm", m.vm());
    machine.put("os", m.os());
    machine.put("maxHeapMiB", m.maxHeapMiB());
    ArrayNode args = machine.putArray("jvmArguments");
    m.jvmArguments().forEach(args::add);
    machine.put("loadAverage", m.loadAverage());
    machine.put("started", m.started().toString());
    ArrayNode list = root.putArray("runs");
    for (IngestRun r : runs) {
      list.add(run(r));
    }
    return JSON.writeValueAsString(root);
  }

  private static ObjectNode run(IngestRun r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("corpus", r.corpus());
    n.put("input", r.input());
    n.put("files", r.files());
    n.put("bytes", r.bytes());
    ObjectNode formats = n.putObject("formats");
    for (Map.Entry<String, Integer> e : r.formats().entrySet()) {
      formats.put(e.getKey(), e.getValue());
    }
    n.put("setupSeconds", r.setupSeconds());
    n.put("openSeconds", r.openSeconds());
    n.put("parseThreads", r.parseThreads());
    n.put("loadBefore", r.loadBefore());
    n.put("loadAfter", r.loadAfter());
    n.put("documents", r.documents());
    n.put("unchanged", r.summary().unchanged().size());
    n.put("duplicates", r.summary().duplicates().size());
    n.put("skipped", r.summary().skipped().size());
    n.put("chunks", r.summary().chunks());
    n.put("truncatedChunks", r.summary().truncatedChunks());
    n.put("wallSeconds", r.wallSeconds());
    n.put("documentsPerSecond", r.documentsPerSecond());
    n.put("chunksPerSecond", r.chunksPerSecond());
    ObjectNode stages = n.putObject("stages");
    for (IngestStage s : IngestStage.values()) {
      ObjectNode stage = stages.putObject(s.name().toLowerCase(Locale.ROOT));
      stage.put("thread", IngestRun.PARSE_THREAD_STAGES.contains(s) ? "parse" : "ingest");
      stage.put("seconds", r.seconds(s));
      stage.put("shareOfWall", r.share(s));
    }
    n.put("ingestThreadOtherSeconds", r.ingestThreadOtherSeconds());
    n.put("parseThreadsBusy", r.parseThreadsBusy());
    n.put("embedShareOfWall", r.embedShare());
    n.put("otherOverEmbed", r.otherOverEmbed());
    n.put("targetMet", r.targetMet());
    if (r.hasModelAlone()) {
      n.put("modelAloneSeconds", r.modelAloneSeconds());
      n.put("wallOverModelAlone", r.overModelAlone());
    }
    ArrayNode skipped = n.putArray("skippedFiles");
    for (SkippedFile s : r.summary().skipped()) {
      skipped.addObject().put("source", s.source()).put("code", s.code()).put("reason", s.reason());
    }
    return n;
  }
}
