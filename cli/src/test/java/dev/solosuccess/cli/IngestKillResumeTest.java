package dev.solosuccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code solo ingest} killed with SIGKILL in the middle of a folder, then run again: the second run
 * skips what the first committed and the final state equals that of an uninterrupted run.
 */
class IngestKillResumeTest {

  @TempDir Path work;

  @Test
  void aKilledIngestResumesToTheSameStateAsAnUninterruptedOne() throws Exception {
    Path corpus = work.resolve("corpus");
    writeCorpus(corpus, 60, new Random(7));
    Path killed = work.resolve("killed");
    Path clean = work.resolve("clean");

    // Kill the first run once it has reported a dozen stored documents.
    Process first = solo(killed, "ingest", corpus.toString());
    int storedBeforeKill = 0;
    try (BufferedReader err =
        new BufferedReader(new InputStreamReader(first.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null) {
        if (line.matches("\\[\\d+/\\d+] ingested .*") && ++storedBeforeKill == 12) {
          first.destroyForcibly(); // SIGKILL: no shutdown hooks, no index commit
          break;
        }
      }
    }
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(storedBeforeKill).isEqualTo(12);
    assertThat(first.exitValue()).as("killed, not finished").isEqualTo(137);

    Process resumed = solo(killed, "ingest", "--json", corpus.toString());
    String out = new String(resumed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(resumed.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(resumed.exitValue()).as(out).isZero();
    JsonNode summary = SoloCliTest.JSON.readTree(out);
    assertThat(summary.get("unchanged").asInt())
        .as("documents committed before the kill are skipped")
        .isGreaterThanOrEqualTo(12);
    assertThat(summary.get("unchanged").asInt() + summary.get("documents").asInt()).isEqualTo(60);

    Process uninterrupted = solo(clean, "ingest", "--quiet", corpus.toString());
    uninterrupted.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(uninterrupted.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(uninterrupted.exitValue()).isZero();

    assertThat(state(killed)).isEqualTo(state(clean));
  }

  /** Everything a user can observe: documents, chunks and a few searches. */
  private static List<String> state(Path dataDir) {
    List<String> state = new ArrayList<>();
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(dataDir).build())) {
      for (Document d : engine.documents().list()) {
        state.add(d.id() + " " + d.source() + " " + d.sha256() + " " + d.chunks());
        for (Chunk c : engine.documents().chunks(d.id())) {
          state.add("  " + c.id() + " " + c.provenance() + " " + c.text());
        }
      }
      // Every document is in the index: its own first chunk finds it first.
      for (Document d : engine.documents().list()) {
        String first = engine.documents().chunks(d.id()).get(0).text();
        String top = engine.search().search(
                SearchRequest.builder(first).mode(SearchMode.LEXICAL).limit(1).build())
            .hits().get(0).documentId();
        state.add("search " + d.id() + " -> " + top);
      }
    }
    return state;
  }

  private static Process solo(Path dataDir, String... args) throws IOException {
    Path target = Path.of(System.getProperty("solo.repo.root", "..")).resolve("cli/target");
    String classPath =
        target.resolve("classes") + java.io.File.pathSeparator
            + Files.readString(target.resolve("runtime-classpath.txt")).strip();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--add-modules=jdk.incubator.vector");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(classPath);
    command.add(Solo.class.getName());
    command.add("--data-dir");
    command.add(dataDir.toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  private static void writeCorpus(Path dir, int n, Random random) throws IOException {
    Files.createDirectories(dir);
    String[] subjects = {"The harbour crane", "Our green coffee supplier", "The river barge",
        "The warehouse team", "An invoice for green coffee", "The roastery inspector"};
    String[] verbs = {"was inspected on", "shipped forty bags on", "was delayed until",
        "reported a fault on", "was paid on", "signed off the checklist on"};
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder("Report " + i + "\n\n");
      int sentences = 8 + random.nextInt(20);
      for (int s = 0; s < sentences; s++) {
        text.append(subjects[random.nextInt(subjects.length)]).append(' ')
            .append(verbs[random.nextInt(verbs.length)]).append(" day ")
            .append(random.nextInt(365)).append(" of year ").append(2020 + random.nextInt(6))
            .append(". ");
        if (s % 5 == 4) {
          text.append("\n\n");
        }
      }
      Files.writeString(dir.resolve(String.format("report-%03d.txt", i)), text.toString());
    }
  }
}
