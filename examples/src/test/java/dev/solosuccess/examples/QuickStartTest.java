package dev.solosuccess.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the quick start, and keeps the README's copy of it identical to the code that runs. */
class QuickStartTest {

  static Path repoRoot() {
    String root = System.getProperty("solo.repo.root");
    return Path.of(root != null ? root : "..").toAbsolutePath().normalize();
  }

  @Test
  void quickStartIngestsAndFindsTheAnswer(@TempDir Path dataDir) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(
          new String[] {dataDir.toString(), repoRoot().resolve("examples/data").toString()});
    } finally {
      System.setOut(original);
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).matches("Ingested 2\\d documents \\(\\d+ chunks\\)");
    assertThat(lines.get(1)).matches("1\\. [01]\\.\\d{4} .*pto-and-leave\\.md");
    assertThat(lines.get(2)).contains("12-day");
  }

  @Test
  void theReadmeShowsTheQuickStartAsItRuns() throws IOException {
    String source =
        Files.readString(
            repoRoot().resolve("examples/src/main/java/dev/solosuccess/examples/QuickStart.java"));
    Matcher m = Pattern.compile("// README:begin\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL).matcher(source);
    assertThat(m.find()).as("README markers in QuickStart.java").isTrue();
    String readme = Files.readString(repoRoot().resolve("README.md"));
    for (String line : m.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      assertThat(readme).as("README quick start").contains(line);
    }
  }
}
