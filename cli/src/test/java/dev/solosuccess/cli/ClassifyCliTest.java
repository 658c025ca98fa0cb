package dev.solosuccess.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.solosuccess.cli.SoloCliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code solo classify train | predict | list | delete} end to end, on the engine's labelled test
 * set written out as CSV and as JSON lines, and on malformed files.
 */
class ClassifyCliTest {

  /** The engine's test set: label, text. */
  static List<String[]> tickets;

  @BeforeAll
  static void readTickets() throws IOException {
    String root = System.getProperty("solo.repo.root");
    Path tsv =
        Path.of(root != null ? root : "..")
            .resolve("engine/src/test/resources/classify/support-tickets.tsv");
    tickets =
        Files.readAllLines(tsv).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .map(l -> l.split("\t", 2))
            .toList();
  }

  /** As a spreadsheet exports it: a header, quotes only where needed, CRLF line ends. */
  static Path csv(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder("text,label\r\n");
    for (String[] t : tickets) {
      String text = t[1];
      if (text.contains(",") || text.contains("\"")) {
        text = '"' + text.replace("\"", "\"\"") + '"';
      }
      sb.append(text).append(',').append(t[0]).append("\r\n");
    }
    return Files.writeString(dir.resolve("tickets.csv"), sb);
  }

  static Path jsonLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String[] t : tickets) {
      ObjectNode n = SoloCliTest.JSON.createObjectNode();
      n.put("label", t[0]);
      n.put("text", t[1]);
      lines.add(SoloCliTest.JSON.writeValueAsString(n));
    }
    return Files.write(dir.resolve("tickets.jsonl"), lines);
  }

  @Test
  void trainFromCsvReportsHeldOutScoresAndPredictPrintsProbabilities(@TempDir Path own)
      throws IOException {
    Path data = own.resolve("data");
    Result train = SoloCliTest.soloIn(data, "classify", "train", csv(own).toString(), "--json");
    assertThat(train.exitCode()).as(train.err()).isZero();
    JsonNode report = train.json();
    assertThat(report.get("name").asString()).isEqualTo("default");
    assertThat(report.get("examples").asInt()).isEqualTo(100);
    assertThat(report.get("heldOutExamples").asInt()).isEqualTo(20);
    assertThat(report.get("labels").size()).isEqualTo(4);
    assertThat(report.get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.85);
    assertThat(report.get("macroF1").asDouble()).isGreaterThanOrEqualTo(0.85);
    assertThat(report.get("perLabel").get(0).has("f1")).isTrue();

    Result plain =
        SoloCliTest.soloIn(data, "classify", "predict", "My parcel never arrived at my door");
    assertThat(plain.exitCode()).as(plain.err()).isZero();
    List<String> lines = plain.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).matches("0\\.\\d{4}  shipping|1\\.0000  shipping");

    Result json =
        SoloCliTest.soloIn(data, "classify", "predict", "--json", "Which beans suit espresso?");
    JsonNode p = json.json();
    assertThat(p.get("classifier").asString()).isEqualTo("default");
    assertThat(p.get("best").asString()).isEqualTo("coffee");
    double sum = 0;
    for (JsonNode s : p.get("scores")) {
      sum += s.get("probability").asDouble();
    }
    assertThat(sum).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void trainFromJsonLinesUnderANameThenListAndDelete(@TempDir Path own) throws IOException {
    Path data = own.resolve("data");
    Result train =
        SoloCliTest.soloIn(
            data, "classify", "train", jsonLines(own).toString(), "--name", "tickets",
            "--epochs", "30", "--test-fraction", "0.25");
    assertThat(train.exitCode()).as(train.err()).isZero();
    assertThat(train.out())
        .contains("Trained classifier 'tickets' on 100 examples, 4 labels (embeddings of"
            + " all-minilm-l6-v2).")
        .containsPattern("Held out 24 examples: accuracy \\d\\.\\d{3}, macro-F1 \\d\\.\\d{3}"
            + " \\(trained on the other 76\\)\\.")
        .containsPattern("  shipping +\\d\\.\\d{3} +\\d\\.\\d{3} +\\d\\.\\d{3} +6");

    Result list = SoloCliTest.soloIn(data, "classify", "list");
    assertThat(list.out()).startsWith("tickets  4 labels, 100 examples, accuracy ")
        .contains("labels: account, billing, coffee, shipping");
    Result listJson = SoloCliTest.soloIn(data, "classify", "list", "--json");
    assertThat(listJson.json().get("classifiers").get(0).get("epochs").asInt()).isEqualTo(30);

    Result noDefault = SoloCliTest.soloIn(data, "classify", "predict", "hello");
    assertThat(noDefault.exitCode()).isEqualTo(1);
    assertThat(noDefault.err()).contains("error: no classifier with id 'default'");

    Result delete = SoloCliTest.soloIn(data, "classify", "delete", "tickets");
    assertThat(delete.exitCode()).isZero();
    assertThat(delete.out()).contains("Deleted classifier 'tickets'.");
    assertThat(SoloCliTest.soloIn(data, "classify", "list").out()).startsWith("No classifiers");
    Result gone = SoloCliTest.soloIn(data, "classify", "predict", "--name", "tickets", "x");
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.err()).contains("error: no classifier with id 'tickets'");
  }

  @Test
  void malformedFilesAreRefusedWithTheirLine(@TempDir Path own) throws IOException {
    Path data = own.resolve("data");
    assertError(data, write(own, "fields.csv", "text,label\na,b\nI paid, then waited,billing\n"),
        "fields.csv line 3: expected 2 fields (text,label), got 3; quote a text that holds"
            + " commas");
    assertError(data, write(own, "open.csv", "a,b\n\"never closed,x\nmore,y\n"),
        "open.csv line 2: a quoted field is never closed");
    assertError(data, write(own, "stray.csv", "a,b\nsay \"hi\",x\n"),
        "stray.csv line 2: a quote inside an unquoted field");
    assertError(data, write(own, "nolabel.csv", "a,b\nc,d\n\n\"multi\nline\",\n"),
        "nolabel.csv line 4: the label is empty");
    assertError(data, write(own, "bad.jsonl", "{\"text\":\"a\",\"label\":\"b\"}\n{oops}\n"),
        "bad.jsonl line 2: not valid JSON");
    assertError(data, write(own, "missing.jsonl", "{\"text\":\"a\",\"label\":\"b\"}\n\n"
            + "{\"text\":\"c\"}\n"),
        "missing.jsonl line 3: \"label\" is missing");
    assertError(data, write(own, "number.ndjson", "{\"text\":\"a\",\"label\":7}\n"),
        "number.ndjson line 1: \"label\" must be a string, got 7");
    assertError(data, write(own, "empty.csv", "text,label\n"), "no examples in ");
    assertError(data, write(own, "one.csv", "a,x\nb,x\nc,x\n"),
        "a classifier needs 2..1000 distinct labels, got 1 [x]");
    assertError(data, write(own, "few.txt", "a,x\nb,x\nc,y\n"),
        "every label needs at least 2 examples, one to train on and one to measure with; too"
            + " few for 'y' (1)");
    assertError(data, own.resolve("absent.csv"), "no such file: ");
    assertThat(data).as("no engine was opened for a bad file").doesNotExist();

    Result badOption =
        SoloCliTest.soloIn(data, "classify", "train", "x.csv", "--epochs", "many");
    assertThat(badOption.exitCode()).isEqualTo(2);
  }

  private static Path write(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static void assertError(Path data, Path file, String message) {
    Result r = SoloCliTest.soloIn(data, "classify", "train", file.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("error: ").contains(message);
  }
}
