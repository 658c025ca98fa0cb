package dev.solosuccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code solo --model FOLDER}, {@code solo models list|pin} and {@code solo reindex}, end to end
 * through picocli on real data folders.
 */
class ModelCliTest {

  @TempDir static Path shared;
  static Path policies;

  @BeforeAll
  static void corpus() {
    policies = SoloCliTest.exampleData().resolve("policies");
  }

  /** A copy of all-minilm-l6-v2's resources as a model folder with an unpinned descriptor. */
  static Path modelFolder(Path folder, String id) throws IOException {
    Files.createDirectories(folder);
    copy("all-minilm-l6-v2.onnx", folder.resolve("model.onnx"));
    copy("all-minilm-l6-v2-tokenizer.json", folder.resolve("tokenizer.json"));
    Files.writeString(folder.resolve("solo-model.json"), """
        {"id": "%s", "format": "onnx", "dimension": 384, "maxTokens": 256, "pooling": "mean"}
        """.formatted(id));
    return folder;
  }

  private static void copy(String resource, Path to) throws IOException {
    try (InputStream in = Solo.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Files.copy(in, to);
    }
  }

  @Test
  void aModelFolderIsPinnedUsedByPathListedAndRefusedWhenItsFileChanges(@TempDir Path own)
      throws IOException {
    Path folder = modelFolder(own.resolve("my-model"), "my-model");
    Path data = own.resolve("data");
    Result unpinned = soloIn(data, "--model", folder.toString(), "embed", "x");
    assertThat(unpinned.exitCode()).isEqualTo(1);
    assertThat(unpinned.err()).contains("sha256 has no hash for model.onnx")
        .contains("solo models pin");

    Result pin = soloIn(data, "models", "pin", folder.toString(), "--json");
    assertThat(pin.exitCode()).as(pin.err()).isZero();
    JsonNode pinned = pin.json();
    assertThat(pinned.get("id").asString()).isEqualTo("my-model");
    assertThat(pinned.get("sha256").get("model.onnx").asString()).hasSize(64);
    assertThat(pinned.get("sha256").get("tokenizer.json").asString()).hasSize(64);
    assertThat(Files.readString(folder.resolve("solo-model.json"))).contains("\"sha256\"");

    Result ingest = soloIn(data, "--model", folder.toString(), "ingest", "--json", policies.toString());
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    assertThat(ingest.json().get("cachedChunks").asInt()).isZero();
    // Without --model, the data folder's model folder is used again.
    Result search = soloIn(data, "search", "--json", "--limit", "1",
        "How many vacation days do new hires get?");
    assertThat(search.exitCode()).as(search.err()).isZero();
    assertThat(search.json().get("hits").get(0).get("source").asString())
        .endsWith("pto-and-leave.md");

    Result list = soloIn(data, "models", "list", "--json");
    assertThat(list.exitCode()).as(list.err()).isZero();
    JsonNode models = list.json();
    assertThat(models.get("builtIn").size()).isEqualTo(4);
    assertThat(models.get("dataFolderModel").get("id").asString()).isEqualTo("my-model");
    assertThat(models.get("dataFolderModel").get("folder").asString())
        .isEqualTo(folder.toAbsolutePath().toString());
    Result plain = soloIn(data, "models", "list");
    assertThat(plain.out()).contains("all-minilm-l6-v2").contains("e5-small-v2-q")
        .contains("The data folder was built with my-model (" + folder.toAbsolutePath() + ")");

    byte[] bytes = Files.readAllBytes(folder.resolve("model.onnx"));
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(folder.resolve("model.onnx"), bytes);
    Result tampered = soloIn(data, "search", "vacation");
    assertThat(tampered.exitCode()).isEqualTo(1);
    assertThat(tampered.err())
        .contains("model.onnx in " + folder.toAbsolutePath() + " has changed since it was pinned")
        .contains("pins sha256 " + pinned.get("sha256").get("model.onnx").asString());
  }

  @Test
  void aModelFolderInTheDataFolderIsNamedByItsName(@TempDir Path own) throws IOException {
    Path data = own.resolve("data");
    Path folder = modelFolder(data.resolve("models/house"), "house-minilm");
    assertThat(soloIn(data, "models", "pin", folder.toString()).out())
        .contains("Pinned house-minilm in " + folder.toAbsolutePath())
        .contains("model.onnx").contains("tokenizer.json");
    Result embed = soloIn(data, "--model", "house", "embed", "--json", "Hello world");
    assertThat(embed.exitCode()).as(embed.err()).isZero();
    assertThat(embed.json().get("model").asString()).isEqualTo("house-minilm");
    assertThat(soloIn(data, "models", "list").out()).contains("house-minilm");
    Result unknown = soloIn(data, "--model", "mansion", "embed", "x");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("got 'mansion'").contains(data.resolve("models").toString());
  }

  @Test
  void reindexReEmbedsWithTheNamedModelAndReportsProgressAndASummary(@TempDir Path own) {
    Path data = own.resolve("data");
    Result ingest = soloIn(data, "ingest", "--quiet", policies.toString());
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();

    Result noModel = soloIn(data, "reindex");
    assertThat(noModel.exitCode()).isEqualTo(2);
    assertThat(noModel.err()).contains("reindex needs the model");

    Result r = soloIn(data, "--model", "e5-small-v2-q", "reindex", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode s = r.json();
    assertThat(s.get("reembedded").asBoolean()).isTrue();
    assertThat(s.get("fromModel").asString()).isEqualTo("all-minilm-l6-v2");
    assertThat(s.get("toModel").asString()).isEqualTo("e5-small-v2-q");
    assertThat(s.get("toDimension").asInt()).isEqualTo(384);
    assertThat(s.get("documents").asInt()).isEqualTo(7);
    assertThat(s.get("chunks").asInt()).isGreaterThan(7);
    assertThat(s.get("cachedChunks").asInt()).isZero();
    assertThat(s.get("seconds").asDouble()).isPositive();
    // Not a terminal: plain progress lines on stderr.
    assertThat(r.err())
        .contains("re-embedding " + s.get("chunks").asInt() + " chunks: all-minilm-l6-v2 -> e5-small-v2-q")
        .contains("[" + s.get("chunks").asInt() + "/" + s.get("chunks").asInt() + "] chunks re-embedded")
        .contains("rebuilding the search index (7 documents)");

    Result search = soloIn(data, "search", "--json", "--mode", "semantic", "--limit", "3",
        "How many vacation days do new hires get?");
    assertThat(search.exitCode()).as(search.err()).isZero();
    assertThat(search.json().get("hits").findValuesAsString("source"))
        .anySatisfy(src -> assertThat(src).endsWith("pto-and-leave.md"));
    Result old = soloIn(data, "--model", "all-minilm-l6-v2", "search", "vacation");
    assertThat(old.exitCode()).isEqualTo(1);
    assertThat(old.err()).contains("built with embedding model e5-small-v2-q");

    Result back = soloIn(data, "--model", "all-minilm-l6-v2", "reindex");
    assertThat(back.exitCode()).as(back.err()).isZero();
    assertThat(back.out()).contains("with all-minilm-l6-v2 (was e5-small-v2-q)")
        .contains("From the embedding cache: " + s.get("chunks").asInt() + " chunks");
    Result same = soloIn(data, "--model", "all-minilm-l6-v2", "reindex");
    assertThat(same.out()).contains("already uses all-minilm-l6-v2; nothing to re-embed");
  }

  record Result(int exitCode, String out, String err) {
    JsonNode json() {
      return SoloCliTest.JSON.readTree(out);
    }
  }

  static Result soloIn(Path data, String... args) {
    SoloCliTest.Result r = SoloCliTest.soloIn(data, args);
    return new Result(r.exitCode(), r.out(), r.err());
  }
}
