package dev.solosuccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code solo eval beir} end to end on a small BEIR folder written by the test. */
class EvalCliTest {

  @TempDir static Path beir;
  @TempDir Path work;

  @BeforeAll
  static void writeTheCollection() throws IOException {
    Files.writeString(
        beir.resolve("corpus.jsonl"),
        """
        {"_id": "d1", "title": "Espresso", "text": "Espresso is brewed by forcing hot water through finely ground coffee."}
        {"_id": "d2", "title": "Sourdough", "text": "A sourdough starter is a culture of wild yeast fed with flour and water."}
        {"_id": "d3", "title": "Bees", "text": "Honey bees tell each other where flowers are with a waggle dance."}
        {"_id": "d4", "title": "Volcanoes", "text": "Magma rises through the crust where tectonic plates meet."}
        """);
    Files.writeString(
        beir.resolve("queries.jsonl"),
        """
        {"_id": "1", "text": "how is espresso brewed", "metadata": {}}
        {"_id": "2", "text": "waggle dance of honey bees", "metadata": {}}
        {"_id": "3", "text": "tectonic plates and magma", "metadata": {}}
        """);
    Files.createDirectories(beir.resolve("qrels"));
    Files.writeString(
        beir.resolve("qrels/test.tsv"),
        "query-id\tcorpus-id\tscore\r\n1\td1\t1\r\n2\td3\t1\r\n3\td4\t1\r\n3\td2\t0\r\n");
  }

  record Result(int exitCode, String out, String err) {}

  static Result solo(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Solo.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void allModesPrintOneJsonObjectEachAndWriteARunFileEach() throws IOException {
    Path data = work.resolve("data");
    Path run = work.resolve("run.trec");
    Result r =
        solo("--data-dir", data.toString(), "eval", "beir", beir.toString(), "--json",
            "--run-file", run.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode n = SoloCliTest.JSON.readTree(lines.get(i));
      String mode = List.of("lexical", "semantic", "hybrid").get(i);
      assertThat(n.get("mode").asString()).isEqualTo(mode);
      assertThat(n.get("model").asString()).isEqualTo("all-minilm-l6-v2");
      assertThat(n.get("dataset").asString()).isEqualTo(beir.getFileName().toString());
      assertThat(n.get("split").asString()).isEqualTo("test");
      assertThat(n.get("queries").asInt()).isEqualTo(3);
      assertThat(n.get("ndcg@10").asDouble()).as(mode).isEqualTo(1.0);
      for (String metric : List.of("recall@100", "recall@1000", "mrr@10")) {
        assertThat(n.get(metric).asDouble()).as(mode + " " + metric).isEqualTo(1.0);
      }
      assertThat(n.get("seconds").get("ingest").asDouble()).isPositive();
      assertThat(n.get("seconds").get("queries").asDouble()).isPositive();
      assertThat(n.get("settings").get("bm25K1").asDouble()).isEqualTo(0.9, within());
      assertThat(n.get("settings").get("depth").asInt()).isEqualTo(1000);
      Path file = work.resolve("run." + mode + ".trec");
      assertThat(n.get("runFile").asString()).isEqualTo(file.toString());
      List<String> runLines = Files.readAllLines(file);
      assertThat(runLines).isNotEmpty().allMatch(l -> l.matches("[123] Q0 d[1-4] \\d+ \\S+ solo-" + mode));
    }
    assertThat(r.err()).contains("ingesting 4 documents");
    // The data folder was kept: a second run ingests nothing.
    Result again =
        solo("--data-dir", data.toString(), "eval", "beir", beir.toString(), "--mode", "lexical",
            "--run-file", run.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("0 documents ingested (4 already stored)");
    assertThat(again.out()).containsPattern("lexical +1\\.0000 +1\\.0000 +1\\.0000 +1\\.0000");
    assertThat(Files.readAllLines(run)).isNotEmpty();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }

  @Test
  void withoutADataFolderATemporaryOneIsUsedAndDeleted() throws IOException {
    String tmp = System.getProperty("java.io.tmpdir");
    long before = countEvalFolders(Path.of(tmp));
    Path run = work.resolve("lexical.trec");
    Result r = solo("eval", "beir", beir.toString(), "--mode", "lexical", "--run-file",
        run.toString(), "--depth", "2");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("BEIR " + beir.getFileName() + " (test): 4 documents, 3 queries");
    assertThat(r.out()).contains("mode").contains("nDCG@10").contains("total");
    assertThat(Files.readAllLines(run)).hasSizeLessThanOrEqualTo(6);
    assertThat(countEvalFolders(Path.of(tmp))).isEqualTo(before);
    assertThat(Path.of("solo-data")).doesNotExist();
  }

  @Test
  void withAMasterKeyTheRunFileIsSealedAndSoloDecryptReadsIt() throws IOException {
    byte[] raw = new byte[32];
    new java.security.SecureRandom().nextBytes(raw);
    Path key = work.resolve("master.key");
    Files.writeString(key, java.util.Base64.getEncoder().encodeToString(raw));
    Path run = work.resolve("sealed.trec");
    Result r = solo("--master-key-file", key.toString(), "eval", "beir", beir.toString(),
        "--mode", "lexical", "--run-file", run.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    byte[] sealed = Files.readAllBytes(run);
    assertThat(new String(sealed, 0, 8, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("SOLOSEAL");
    assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("Q0").doesNotContain("solo-lexical");

    Result plain = solo("--master-key-file", key.toString(), "decrypt", run.toString());
    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(plain.out().lines().toList())
        .isNotEmpty()
        .allMatch(l -> l.matches("[123] Q0 d[1-4] \\d+ \\S+ solo-lexical"));

    Result noKey = solo("decrypt", run.toString());
    assertThat(noKey.exitCode()).isEqualTo(1);
    assertThat(noKey.err()).contains("is sealed: give the master key");
    Path other = work.resolve("other.key");
    new java.security.SecureRandom().nextBytes(raw);
    Files.writeString(other, java.util.Base64.getEncoder().encodeToString(raw));
    Result wrong = solo("--master-key-file", other.toString(), "decrypt", run.toString());
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).contains("does not open with this master key");
  }

  private static long countEvalFolders(Path tmp) throws IOException {
    try (var list = Files.list(tmp)) {
      return list.filter(p -> p.getFileName().toString().startsWith("solo-eval-")).count();
    }
  }

  @Test
  void badInputExitsWithTheReason() {
    Result missing = solo("eval", "beir", work.resolve("nowhere").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("no BEIR folder at");

    Result depth = solo("eval", "beir", beir.toString(), "--depth", "0");
    assertThat(depth.exitCode()).isEqualTo(2);
    assertThat(depth.err()).contains("--depth must be in 1..1000, got 0");

    Result mode = solo("eval", "beir", beir.toString(), "--mode", "fuzzy");
    assertThat(mode.exitCode()).isEqualTo(2);
  }
}
