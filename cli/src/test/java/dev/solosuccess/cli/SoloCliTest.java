package dev.solosuccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code solo} end to end through picocli, on a real data folder, output captured. */
class SoloCliTest {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  @TempDir static Path dataDir;
  static Result ingest;

  record Result(int exitCode, String out, String err) {
    JsonNode json() {
      return JSON.readTree(out);
    }
  }

  static Result solo(String... args) {
    return soloIn(dataDir, args);
  }

  static Result soloIn(Path data, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
    all.addAll(List.of(args));
    int code =
        Solo.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  static Path exampleData() {
    String root = System.getProperty("solo.repo.root");
    return Path.of(root != null ? root : "..").resolve("examples/data").toAbsolutePath().normalize();
  }

  @BeforeAll
  static void ingestTheExamples() {
    ingest = solo("ingest", exampleData().toString(), "--json");
  }

  @Test
  void ingestPrintsASummaryAndProgress() throws IOException {
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    JsonNode summary = ingest.json();
    long files;
    try (var walk = Files.walk(exampleData())) {
      files = walk.filter(Files::isRegularFile).count();
    }
    assertThat(summary.get("documents").asInt()).isEqualTo((int) files);
    assertThat(summary.get("chunks").asInt()).isGreaterThan((int) files);
    assertThat(summary.get("skipped").size()).isZero();
    assertThat(summary.get("seconds").asDouble()).isPositive();
    // Not a terminal: one plain progress line per file on stderr.
    assertThat(ingest.err().lines().filter(l -> l.matches("\\[\\d+/\\d+] ingested .*")))
        .hasSize((int) files);
  }

  @Test
  void reingestingReportsUnchangedFilesInPlainText() {
    Result r = solo("ingest", exampleData().resolve("policies").toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Ingested 0 documents").contains("Unchanged: ");
  }

  @Test
  void searchJsonHasTheDocumentedFields() {
    Result r = solo("search", "--json", "--limit", "3", "How many vacation days do new hires get?");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = r.json();
    assertThat(json.get("mode").asString()).isEqualTo("hybrid");
    JsonNode hits = json.get("hits");
    assertThat(hits.size()).isEqualTo(3);
    for (JsonNode h : hits) {
      for (String field :
          List.of("documentId", "source", "chunkId", "score", "snippet", "page", "startOffset", "endOffset")) {
        assertThat(h.has(field)).as("hit has " + field).isTrue();
      }
      assertThat(h.get("endOffset").asInt()).isGreaterThan(h.get("startOffset").asInt());
    }
    assertThat(hits.get(0).get("source").asString()).endsWith("pto-and-leave.md");
    assertThat(hits.get(0).get("page").isNull()).isTrue();
  }

  @Test
  void searchPrintsARankedListWithSourcesAndSnippets() {
    Result r = solo("search", "--mode", "lexical", "--limit", "2", "Cropster", "charge", "temperature");
    assertThat(r.exitCode()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).matches(" 1\\. \\d+\\.\\d+ +.*roasting-sop\\.pdf  \\(page \\d\\)");
    assertThat(lines.get(1)).startsWith("    ").hasSizeGreaterThan(20);
    assertThat(lines.get(lines.size() - 1)).matches("2 hits, lexical, \\d+ ms");
  }

  @Test
  void searchExplainShowsEachRetrieversRankScoreAndTheFusion() {
    Result r = solo("search", "--explain", "--limit", "3", "How many vacation days do new hires get?");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> why = r.out().lines().filter(l -> l.startsWith("    why: ")).toList();
    assertThat(why).hasSize(3);
    assertThat(why.get(0))
        .matches("    why: lexical #\\d+ \\(BM25 [\\d.]+ -> [\\d.]+\\) \\+ semantic #\\d+"
            + " \\(cosine [\\d.]+ -> [\\d.]+\\); convex fusion, semantic weight 0\\.7: .*");

    Result json = solo("search", "--json", "--explain", "--limit", "3",
        "How many vacation days do new hires get?");
    for (JsonNode h : json.json().get("hits")) {
      JsonNode e = h.get("explanation");
      assertThat(e.get("method").asString()).isEqualTo("convex");
      double lexical = e.get("retrievers").get(0).get("contribution").asDouble();
      double semantic = e.get("retrievers").get(1).get("contribution").asDouble();
      assertThat(h.get("score").asDouble())
          .as("the score is what the explanation says")
          .isCloseTo(0.3 * lexical + 0.7 * semantic, org.assertj.core.data.Offset.offset(1e-9));
    }
    Result lexical = solo("search", "--mode", "lexical", "--explain", "--limit", "1", "Cropster");
    assertThat(lexical.out()).containsPattern("    why: lexical #1 \\(BM25 [\\d.]+\\)\\n");
    // Without --explain, no explanation in the JSON.
    assertThat(solo("search", "--json", "--limit", "1", "Cropster").json().get("hits").get(0)
        .has("explanation")).isFalse();
  }

  @Test
  void pdfHitsCarryTheirPageInJson() {
    Result r = solo("search", "--json", "--limit", "1", "most weight one person may lift alone");
    JsonNode hit = r.json().get("hits").get(0);
    assertThat(hit.get("source").asString()).endsWith("workplace-safety-manual.pdf");
    assertThat(hit.get("page").asInt()).isEqualTo(2);
  }

  @Test
  void docsListShowAndDeleteWork(@TempDir Path own) throws IOException {
    Path note = own.resolve("note.md");
    Files.writeString(note, "# Note\n\nThe loading dock opens at six.\n");
    Result added = solo("ingest", note.toString(), "--json");
    String id = added.json().get("ingested").get(0).get("id").asString();

    Result list = solo("docs", "list", "--json");
    assertThat(list.json().get("documents").findValuesAsString("id")).contains(id);

    Result show = solo("docs", "show", id, "--json");
    assertThat(show.exitCode()).isZero();
    assertThat(show.json().get("document").get("source").asString()).isEqualTo(note.toString());
    assertThat(show.json().get("chunks").get(0).get("text").asString()).contains("loading dock");

    Result plain = solo("docs", "show", id);
    assertThat(plain.out()).contains("id:          " + id).contains("chunks:      1");

    Result deleted = solo("docs", "delete", id);
    assertThat(deleted.exitCode()).isZero();
    assertThat(deleted.out()).contains("Deleted " + id);
    Result again = solo("docs", "show", id);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("error: no document with id '" + id + "'");
  }

  @Test
  void typedMetadataIsStoredPrintedWithItsTypesAndFiltered(@TempDir Path own) throws IOException {
    Path memo = own.resolve("memo.md");
    Files.writeString(memo, "# Memo\n\nThe cold brew tap in the break room is fixed.\n");
    Result added =
        solo(
            "ingest", memo.toString(), "--json", "--meta", "year=2024", "--meta", "when=2024-03-01",
            "--meta", "zip:string=01234", "--meta", "team=ops");
    assertThat(added.exitCode()).as(added.err()).isZero();
    String id = added.json().get("ingested").get(0).get("id").asString();

    Result r = solo("search", "--filter", "year>=2023", "--json", "cold brew tap");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = r.json();
    assertThat(json.get("hits").size()).isEqualTo(1);
    JsonNode meta = json.get("hits").get(0).get("metadata");
    assertThat(json.get("hits").get(0).get("documentId").asString()).isEqualTo(id);
    assertThat(meta.get("year").isIntegralNumber()).isTrue();
    assertThat(meta.get("year").asLong()).isEqualTo(2024);
    assertThat(meta.get("when").asString()).isEqualTo("2024-03-01T00:00:00Z");
    assertThat(meta.get("zip").isString()).isTrue();
    assertThat(meta.get("zip").asString()).isEqualTo("01234");
    JsonNode filter = json.get("filter");
    assertThat(filter.size()).isEqualTo(1);
    assertThat(filter.get(0).get("key").asString()).isEqualTo("year");
    assertThat(filter.get(0).get("op").asString()).isEqualTo("range");
    assertThat(filter.get(0).get("min").asLong()).isEqualTo(2023);
    assertThat(filter.get(0).get("max").isNull()).isTrue();

    Result both =
        solo(
            "search", "--json", "--filter", "when=2024-01-01..2024-06-30", "--filter",
            "team=ops|hr", "--filter", "zip:string=01234", "cold brew tap");
    assertThat(both.json().get("hits").findValuesAsString("documentId")).containsExactly(id);
    Result none = solo("search", "--json", "--filter", "year<2024", "cold brew tap");
    assertThat(none.exitCode()).isZero();
    assertThat(none.json().get("hits").size()).isZero();

    Result show = solo("docs", "show", id, "--json");
    JsonNode doc = show.json().get("document");
    assertThat(doc.get("metadata").get("year").isIntegralNumber()).isTrue();
    assertThat(doc.get("extracted").isObject()).isTrue();
    Result plain = solo("docs", "show", id);
    assertThat(plain.out())
        .contains("meta:        year=2024 (number)")
        .contains("meta:        when=2024-03-01T00:00:00Z (date)")
        .contains("meta:        zip=01234\n");

    Result badFilter = solo("search", "--filter", "year>=soon", "x");
    assertThat(badFilter.exitCode()).isEqualTo(2);
    assertThat(badFilter.err()).contains("'soon' is not a number or date").contains("year>=soon");
    Result badMeta = solo("ingest", memo.toString(), "--meta", "year:number=abc");
    assertThat(badMeta.exitCode()).isEqualTo(2);
    assertThat(badMeta.err()).contains("'abc' is not a number (metadata key year)");
  }

  @Test
  void embedPrintsOneVectorAndJsonLinesForAnInputFile(@TempDir Path own) throws IOException {
    Result one = solo("embed", "--json", "Hello world");
    assertThat(one.exitCode()).isZero();
    assertThat(one.json().get("dimension").asInt()).isEqualTo(384);
    assertThat(one.json().get("embedding").size()).isEqualTo(384);
    assertThat(one.json().get("embedding").get(0).asDouble()).isCloseTo(-0.0344773, org.assertj.core.data.Offset.offset(1e-5));

    Path input = own.resolve("lines.txt");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      texts.add(i % 2 == 0 ? "Hello world" : "line number " + i + " about the espresso machine");
    }
    Files.write(input, texts);
    Result lines = solo("embed", "--input", input.toString());
    assertThat(lines.exitCode()).as(lines.err()).isZero();
    List<String> out = lines.out().lines().toList();
    assertThat(out).hasSize(300);
    JsonNode first = JSON.readTree(out.get(0));
    assertThat(first.get("embedding")).isEqualTo(one.json().get("embedding"));
    assertThat(JSON.readTree(out.get(298)).get("embedding")).isEqualTo(one.json().get("embedding"));
    assertThat(JSON.readTree(out.get(1)).get("embedding")).isNotEqualTo(first.get("embedding"));

    Files.writeString(input, "one\n\nthree\n");
    Result blank = solo("embed", "--input", input.toString());
    assertThat(blank.exitCode()).isEqualTo(1);
    assertThat(blank.out()).isEmpty();
    assertThat(blank.err()).contains("line 2").contains("blank");
  }

  @Test
  void modelOptionPicksABuiltInModelAndEmbedQueryAddsItsQueryPrefix(@TempDir Path own) {
    Result passage = soloIn(own, "--model", "e5-small-v2-q", "embed", "--json", "Hello world");
    assertThat(passage.exitCode()).as(passage.err()).isZero();
    assertThat(passage.json().get("model").asString()).isEqualTo("e5-small-v2-q");
    assertThat(passage.json().get("kind").asString()).isEqualTo("passage");
    Result query =
        soloIn(own, "--model", "e5-small-v2-q", "embed", "--query", "--json", "Hello world");
    assertThat(query.exitCode()).as(query.err()).isZero();
    assertThat(query.json().get("kind").asString()).isEqualTo("query");
    assertThat(query.json().get("embedding")).isNotEqualTo(passage.json().get("embedding"));

    // Without --model, the folder's own model is used.
    Result adopted = soloIn(own, "embed", "--json", "Hello world");
    assertThat(adopted.exitCode()).as(adopted.err()).isZero();
    assertThat(adopted.json().get("model").asString()).isEqualTo("e5-small-v2-q");
    assertThat(adopted.json().get("embedding")).isEqualTo(passage.json().get("embedding"));

    Result otherModel = soloIn(own, "--model", "all-minilm-l6-v2", "embed", "Hello world");
    assertThat(otherModel.exitCode()).isEqualTo(1);
    assertThat(otherModel.err()).contains("e5-small-v2-q").contains("all-minilm-l6-v2");

    Result unknown = soloIn(own, "--model", "gpt-17", "embed", "Hello world");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.err()).contains("gpt-17").contains("bge-small-en-v1.5-q");

    assertThat(solo("--help").out())
        .contains("--model=ID")
        .contains("all-minilm-l6-v2,")
        .contains("all-minilm-l6-v2-q,")
        .contains("bge-small-en-v1.5-q,")
        .contains("e5-small-v2-q.");
    assertThat(solo("embed", "--help").out()).contains("--query");
  }

  @Test
  void deviceAndBatchingOptions(@TempDir Path own) {
    Result cpu =
        soloIn(own, "--device", "cpu", "--model", "all-minilm-l6-v2-q", "embed", "--json",
            "Hello world");
    assertThat(cpu.exitCode()).as(cpu.err()).isZero();
    // Batch-dependent or not, a text embedded alone gets the same vector.
    Result batched = soloIn(own, "--batch-dependent-embeddings", "embed", "--json", "Hello world");
    assertThat(batched.exitCode()).as(batched.err()).isZero();
    assertThat(batched.json().get("embedding")).isEqualTo(cpu.json().get("embedding"));

    Result cuda = soloIn(own, "--device", "cuda", "embed", "Hello world");
    assertThat(cuda.exitCode()).isEqualTo(1);
    assertThat(cuda.err()).contains("device cuda").contains("onnxruntime_gpu");
    Result bad = soloIn(own, "--device", "tpu", "embed", "Hello world");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--device must be auto, cpu or cuda, got 'tpu'");
    assertThat(solo("--help").out())
        .contains("--device=DEVICE")
        .contains("--batch-dependent-embeddings");
  }

  @Test
  void usageErrorsExitWithTwoAndHelpListsTheExitCodes() {
    assertThat(solo("search").exitCode()).isEqualTo(2);
    assertThat(solo("search", "--mode", "fuzzy", "x").exitCode()).isEqualTo(2);
    assertThat(solo("frobnicate").exitCode()).isEqualTo(2);
    assertThat(solo("embed").exitCode()).isEqualTo(2);
    assertThat(solo("search", "--filter", "novalue", "x").exitCode()).isEqualTo(2);
    Result help = solo("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("Exit codes:")
        .contains("0   Success.")
        .contains("1   Failure")
        .contains("2   Usage")
        .contains("3   Partial")
        .contains("ingest")
        .contains("search")
        .contains("docs")
        .contains("embed");
  }

  @Test
  void anIngestWithSkippedFilesExitsWithThreeAndSaysWhy(@TempDir Path own) throws IOException {
    Files.writeString(own.resolve("ok.txt"), "The mop bucket lives under the sink.");
    Files.write(own.resolve("photo.heic"), new byte[] {1, 2, 3});
    Result r = solo("ingest", own.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out())
        .contains("Ingested 1 document")
        .contains("Skipped: 1")
        .contains("photo.heic [unsupported-format]: .heic files are not supported");
  }

  @Test
  void docsShowChunkPrintsTheChunkInItsContext() {
    String id = null;
    for (JsonNode d : solo("docs", "list", "--json").json().get("documents")) {
      if (d.get("source").asText().endsWith("onboarding-guide.md")) {
        id = d.get("id").asText();
      }
    }
    assertThat(id).isNotNull();
    Result json = solo("docs", "show", id, "--chunk", "2", "--context", "120", "--json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode n = json.json();
    assertThat(n.get("chunk").get("index").asInt()).isEqualTo(2);
    assertThat(n.get("chunk").get("section").size()).as("a heading path").isPositive();
    assertThat(n.get("before").asText()).isNotBlank().hasSizeLessThanOrEqualTo(150);
    assertThat(n.get("after").asText()).isNotBlank();
    assertThat(n.get("beforeStart").asInt())
        .isLessThan(n.get("chunk").get("startOffset").asInt());

    Result text = solo("docs", "show", id, "--chunk", "2");
    assertThat(text.out())
        .contains("chunk:     #2 of ")
        .contains("section:   Welcome to Kestrel Hill")
        .contains("----- before -----")
        .contains("===== chunk #2 =====")
        .contains("----- after -----");

    Result bad = solo("docs", "show", id, "--chunk", "999");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--chunk must be in 0..");
  }

  @Test
  void includeAndExcludePatternsChooseTheFiles(@TempDir Path own) throws IOException {
    Files.createDirectories(own.resolve("drafts"));
    Files.writeString(own.resolve("keep.txt"), "The espresso grinder is cleaned every Monday.");
    Files.writeString(own.resolve("skip.md"), "# Notes\n\nMarkdown is not included.");
    Files.writeString(own.resolve("drafts/draft.txt"), "A draft that is excluded.");
    Result r = solo("ingest", "--json", "--include", "*.txt", "--exclude", "drafts/**",
        own.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode s = r.json();
    assertThat(s.get("documents").asInt()).isEqualTo(1);
    assertThat(s.get("ingested").get(0).get("source").asText()).endsWith("keep.txt");
    assertThat(s.get("stageSeconds").get("embed").asDouble()).isPositive();
    assertThat(s.get("truncatedChunks").asInt()).isZero();
  }

  @Test
  void ingestOptionsSetTheDuplicatePolicyAndTheChunking(@TempDir Path own) throws IOException {
    String text = "The cold brew steeps for eighteen hours. It is filtered twice before bottling.";
    Files.writeString(own.resolve("a.txt"), text);
    Files.writeString(own.resolve("b.txt"), text);
    Path data = own.resolve("data");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Solo.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute("--data-dir", data.toString(), "ingest", "--json", "--duplicates", "skip",
                "--chunking", "fixed", "--chunk-tokens", "16", "--chunk-overlap", "2",
                "--include", "*.txt", own.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode s = JSON.readTree(out.toString());
    assertThat(s.get("documents").asInt()).isEqualTo(1);
    assertThat(s.get("duplicates").get(0).get("kept").asBoolean()).isFalse();
    // About 20 word pieces: one chunk by default, two 14-piece windows here.
    assertThat(s.get("chunks").asInt()).as("16-token windows").isEqualTo(2);

    StringWriter bad = new StringWriter();
    int usage =
        Solo.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(bad, true))
            .execute("--data-dir", data.toString(), "ingest", "--chunking", "paragraphs",
                own.toString());
    assertThat(usage).isEqualTo(2);
    assertThat(bad.toString()).contains("--chunking").contains("paragraphs");
  }

  @Test
  void summarizeAndZeroShotPrintJson() {
    String id = null;
    for (JsonNode d : solo("docs", "list", "--json").json().get("documents")) {
      if (d.get("source").asText().endsWith("refund-policy.md")) {
        id = d.get("id").asText();
      }
    }
    Result summary = solo("summarize", id, "-n", "2", "--json");
    assertThat(summary.exitCode()).as(summary.err()).isZero();
    assertThat(summary.json().get("sentences").size()).isEqualTo(2);
    assertThat(summary.json().get("sentences").get(0).get("startOffset").asInt())
        .isLessThan(summary.json().get("sentences").get(1).get("startOffset").asInt());

    Result labels = solo("classify", "zero-shot", "--json",
        "--label", "refund=a customer asking to get their money back",
        "--label", "hours=a question about when the shop is open",
        "Can I get my money back for an unopened bag?");
    assertThat(labels.exitCode()).as(labels.err()).isZero();
    assertThat(labels.json().get("best").asText()).isEqualTo("refund");
    assertThat(labels.json().get("margin").asDouble()).isPositive();

    Result bad = solo("classify", "zero-shot", "--label", "onlyname", "text");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--label must be NAME=DESCRIPTION");
  }

  @Test
  void readingCommandsRefuseAMissingDataFolder(@TempDir Path own) {
    StringWriter err = new StringWriter();
    Path missing = own.resolve("typo");
    int code =
        Solo.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true))
            .execute("--data-dir", missing.toString(), "search", "anything");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("no data folder at " + missing);
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void ingestOfAMissingPathFails() {
    Result r = solo("ingest", "/definitely/not/here");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no such file or folder: /definitely/not/here");
  }
}
