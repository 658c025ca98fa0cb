package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No document content in the logs at any level: a child JVM runs ingest (six formats, one of them
 * damaged), search in every mode, reads, a summary, zero-shot labels and redaction over a note
 * full of canaries with java.util.logging at ALL and SLF4J at TRACE; not one canary appears in
 * its whole output.
 */
class LogCanaryTest {

  static final String NOTE =
      "Patient Xanthippe Quarrington (MRN 77311204) reported dizziness on 02/09/2024. Her"
          + " brother Zebulon Quarrington called from 555-867-1029 about the zorblaxine dose.";
  static final String QUERY = "Quarrington zorblaxine dizziness";
  static final List<String> CANARIES =
      List.of("Xanthippe", "Quarrington", "Zebulon", "77311204", "867-1029", "zorblaxine");

  @TempDir Path dir;

  @Test
  void aFullRunAtTheFinestLogLevelsLogsNoCanary() throws Exception {
    Process child =
        ChildJvm.builder(
                LogCanaryRun.class,
                List.of(
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                    "-Dorg.slf4j.simpleLogger.logFile=System.err"),
                dir.resolve("data").toString(),
                dir.resolve("docs").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(output).as(tail(output)).contains("DONE");
    assertThat(output).contains("ingested 5 skipped 1");
    long lines = output.lines().count();
    assertThat(lines).as("the finest levels are on: the libraries and the engine log a lot")
        .isGreaterThan(50);
    for (String canary : CANARIES) {
      List<String> hits = output.lines().filter(l -> l.contains(canary)).limit(5).toList();
      assertThat(hits).as("log lines holding " + canary).isEmpty();
    }
    System.out.println("LogCanaryTest: " + lines + " lines of log output checked");
  }

  private static String tail(String output) {
    return output.length() < 4000 ? output : output.substring(output.length() - 4000);
  }
}
