package dev.solosuccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code solo redact}: text, files, modes, JSON spans; no data folder is made. */
class RedactCliTest {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  Result solo(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString()));
    all.addAll(List.of(args));
    int code = Solo.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void masksTextAndNeedsNoDataFolder() {
    Result r = solo("redact", "Pt John Smith, DOB 03/04/1950, MRN 00123456, call 555-123-4567");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("Pt [NAME], DOB [DATE], MRN [MRN], call [PHONE]\n");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void jsonListsSpansWithTypeAndOffsets() {
    String text = "Seen by Dr. Ana Ruiz on March 4th 2019.";
    Result r = solo("redact", "--json", text);
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode n = JSON.readTree(r.out());
    assertThat(n.get("text").asString()).isEqualTo("Seen by Dr. [NAME] on [DATE].");
    assertThat(n.get("mode").asString()).isEqualTo("mask");
    JsonNode spans = n.get("spans");
    assertThat(spans).hasSize(2);
    assertThat(spans.get(0).get("type").asString()).isEqualTo("NAME");
    assertThat(text.substring(spans.get(0).get("start").asInt(), spans.get(0).get("end").asInt()))
        .isEqualTo("Ana Ruiz");
    assertThat(spans.get(1).get("length").asInt()).isEqualTo("March 4th 2019".length());
    assertThat(r.out()).doesNotContain("Ana Ruiz").doesNotContain("March 4th");
  }

  @Test
  void readsFilesAndReplacesByMode() throws Exception {
    Path note = dir.resolve("note.txt");
    Files.writeString(note, "Ana Ruiz called. Later Ana Ruiz called again; Bo Chen did not.\n");
    Result p = solo("redact", "--input", note.toString(), "--mode", "pseudonym");
    assertThat(p.exitCode()).as(p.err()).isZero();
    assertThat(p.out()).isEqualTo(
        "[NAME-1] called. Later [NAME-1] called again; [NAME-2] did not.\n");

    Path key = dir.resolve("key");
    Files.write(key, "0123456789abcdef0123456789abcdef".getBytes());
    Result h1 = solo("redact", "--input", note.toString(), "--mode", "hash", "--key-file",
        key.toString());
    Result h2 = solo("redact", "--mode", "hash", "--key-file", key.toString(), "Ana Ruiz called.");
    assertThat(h1.exitCode()).as(h1.err()).isZero();
    assertThat(h1.out()).matches("(?s)\\[NAME:[0-9a-f]{6}\\] called\\..*");
    assertThat(h2.out().substring(0, 13)).isEqualTo(h1.out().substring(0, 13));

    Result names = solo("redact", "--types", "name", "Ana Ruiz, 555-123-4567");
    assertThat(names.out()).isEqualTo("[NAME], 555-123-4567\n");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(solo("redact", "--mode", "hash", "x").exitCode()).isEqualTo(2);
    assertThat(solo("redact", "--mode", "shred", "x").exitCode()).isEqualTo(2);
    assertThat(solo("redact", "--types", "SHOE_SIZE", "x").exitCode()).isEqualTo(2);
    assertThat(solo("redact").exitCode()).isEqualTo(2);
  }
}
