package dev.solosuccess.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The BEIR SciFact corpus ({@code beir/scifact/corpus.jsonl.gz} under the shared data folder):
 * 5,183 abstracts, read in file order. The benchmarks read it where it lies and never copy it into
 * the repository. Stateless.
 */
final class SciFact {

  /** Where the corpus lies under the shared data folder. */
  static final Path CORPUS = Path.of("beir", "scifact", "corpus.jsonl.gz");

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private SciFact() {}

  /**
   * One abstract; BEIR documents are title + text, with the title trimmed (18 titles carry stray
   * whitespace in the original).
   */
  record Abstract(String id, String title, String text) {

    /** The document as a plain text file: title, blank line, text. */
    String asText() {
      return title + "\n\n" + text + "\n";
    }
  }

  /**
   * Reads the first {@code limit} abstracts (all of them when {@code limit} is 0).
   *
   * @throws IOException if the corpus cannot be read
   */
  static List<Abstract> read(Path dataDir, int limit) throws IOException {
    Path file = dataDir.resolve(CORPUS);
    List<Abstract> out = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null && (limit == 0 || out.size() < limit)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        out.add(
            new Abstract(
                n.get("_id").asString(), n.get("title").asString().strip(),
                n.get("text").asString().strip()));
      }
    }
    return out;
  }

  /**
   * Writes each abstract as {@code <id>.txt} (UTF-8) into {@code folder}.
   *
   * @return the bytes written
   */
  static long writeTextFiles(List<Abstract> abstracts, Path folder) throws IOException {
    Files.createDirectories(folder);
    long bytes = 0;
    for (Abstract a : abstracts) {
      byte[] content = a.asText().getBytes(StandardCharsets.UTF_8);
      Files.write(folder.resolve(a.id() + ".txt"), content);
      bytes += content.length;
    }
    return bytes;
  }
}
