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

/**
 * Runs the remote client example (a server on loopback, the client over HTTP), and keeps the
 * README's copy of it identical to the code that runs.
 */
class RemoteClientTest {

  @Test
  void theRemoteClientIngestsAndFindsTheAnswerThroughTheServer(@TempDir Path dataDir)
      throws IOException {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      RemoteClient.main(new String[] {
          dataDir.toString(), QuickStartTest.repoRoot().resolve("examples/data").toString()});
    } finally {
      System.setOut(original);
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).matches("Serving on http://127\\.0\\.0\\.1:\\d+/");
    assertThat(lines.get(1)).matches("Ingested 2\\d documents \\(\\d+ chunks\\) as app");
    assertThat(lines.get(2)).matches("1\\. [01]\\.\\d{4} .*pto-and-leave\\.md");
    assertThat(lines.get(3)).contains("12-day");
  }

  @Test
  void theReadmeShowsTheRemoteClientAsItRuns() throws IOException {
    Path root = QuickStartTest.repoRoot();
    String source = Files.readString(
        root.resolve("examples/src/main/java/dev/solosuccess/examples/RemoteClient.java"));
    Matcher m = Pattern.compile("// README:begin\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL)
        .matcher(source);
    assertThat(m.find()).as("README markers in RemoteClient.java").isTrue();
    String readme = Files.readString(root.resolve("README.md"));
    for (String line : m.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      assertThat(readme).as("README remote client").contains(line);
    }
  }
}
