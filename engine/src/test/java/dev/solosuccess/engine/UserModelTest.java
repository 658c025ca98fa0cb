package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.engine.internal.model.Sha256;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.engine.internal.store.ModelRecord;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.ModelException;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * User models: a folder with model.onnx, tokenizer.json and a pinned solo-model.json (here a copy
 * of a built-in model's resources) runs like a built-in model; a changed file is refused naming the
 * file and both hashes; descriptor mistakes are named; a data folder built with the model refuses
 * it once its files changed, until it is re-embedded.
 */
class UserModelTest {

  @TempDir Path tmp;

  static final String PTO =
      "Paid time off. Full-time employees receive twelve vacation days a year, usable after the"
          + " 60-day introductory period for new hires. Unused days carry over up to five.";
  static final String COFFEE =
      "Roasting. We roast espresso beans to a medium-dark level and rest them for five days"
          + " before brewing. Cold brew steeps for eighteen hours.";

  @Test
  void aPinnedModelFolderIngestsSearchesAndIsFoundAgainWithoutNamingIt() throws IOException {
    Path folder = ModelFolders.copy(tmp.resolve("my-minilm"), "all-minilm-l6-v2",
        ModelFolders.miniLmDescriptor("my-minilm"));
    ModelCard pinned = Models.pin(folder);
    assertThat(pinned.sha256())
        .containsEntry("model.onnx", Sha256.hexOfFile(folder.resolve("model.onnx")))
        .containsEntry("tokenizer.json", Sha256.hexOfFile(folder.resolve("tokenizer.json")));
    String descriptor = Files.readString(folder.resolve("solo-model.json"));
    assertThat(descriptor).contains("\"sha256\"").contains("\"description\"");

    Path dataDir = tmp.resolve("data");
    EngineConfig config = EngineConfig.builder(dataDir).embeddingModel(folder).build();
    assertThat(config.embeddingModelFolder()).contains(folder.toAbsolutePath());
    try (SoloEngine engine = SoloEngine.open(config)) {
      assertThat(engine.inference().embeddingModel().id()).isEqualTo("my-minilm");
      engine.documents().ingest(DocumentSource.ofText("pto.txt", PTO));
      engine.documents().ingest(DocumentSource.ofText("coffee.txt", COFFEE));
      List<SearchHit> hits =
          engine.search().search(SearchRequest.builder("How many vacation days do new hires get?")
              .mode(SearchMode.SEMANTIC).limit(1).build()).hits();
      assertThat(hits.get(0).source()).isEqualTo("pto.txt");
      // The same files and settings as the built-in model: the reference vector of NOTES.md.
      float[] v = engine.inference().embed("Hello world").vector();
      assertThat(v[0]).isCloseTo(-0.03447731f, Offset.offset(1e-5f));
      assertThat(v[1]).isCloseTo(0.031023193f, Offset.offset(1e-5f));
      assertThat(v[2]).isCloseTo(0.0067349216f, Offset.offset(1e-5f));
    }
    try (MetadataStore store = MetadataStore.open(dataDir)) {
      ModelRecord r = store.storedModelRecord().orElseThrow();
      assertThat(r.id()).isEqualTo("my-minilm");
      assertThat(r.folder()).isEqualTo(folder.toAbsolutePath().toString());
      assertThat(r.sha256()).isEqualTo(pinned.sha256());
      assertThat(r.key()).hasSize(64);
    }
    assertThat(Models.recorded(dataDir)).hasValueSatisfying(m -> {
      assertThat(m.id()).isEqualTo("my-minilm");
      assertThat(m.folder()).contains(folder.toAbsolutePath());
    });
    // Without a model named, the data folder's is found in its folder again.
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(dataDir).build())) {
      assertThat(engine.inference().embeddingModel().id()).isEqualTo("my-minilm");
      assertThat(engine.search().search(SearchRequest.of("espresso roast")).hits().get(0).source())
          .isEqualTo("coffee.txt");
    }
    // Moved elsewhere, the same model is still the data folder's; the folder records where it is.
    Path moved = Files.move(folder, tmp.resolve("moved-minilm"));
    try (SoloEngine engine =
        SoloEngine.open(EngineConfig.builder(dataDir).embeddingModel(moved).build())) {
      assertThat(engine.inference().embeddingModel().id()).isEqualTo("my-minilm");
    }
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(dataDir).build())) {
      assertThat(engine.inference().embeddingModel().id()).isEqualTo("my-minilm");
    }
    assertThat(Models.recorded(dataDir).orElseThrow().folder()).contains(moved.toAbsolutePath());
    // The built-in model with the same files is another model to the data folder.
    EngineConfig builtIn = EngineConfig.builder(dataDir).embeddingModel("all-minilm-l6-v2").build();
    assertThatThrownBy(() -> SoloEngine.open(builtIn).close())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("built with embedding model my-minilm")
        .hasMessageContaining("solo reindex");
  }

  @Test
  void aModelFileChangedByOneByteIsRefusedNamingTheFileAndBothHashes() throws IOException {
    Path folder = ModelFolders.pinnedMiniLm(tmp.resolve("m"), "my-minilm");
    String pinned = Sha256.hexOfFile(folder.resolve("model.onnx"));
    flipLastByte(folder.resolve("model.onnx"));
    String changed = Sha256.hexOfFile(folder.resolve("model.onnx"));
    EngineConfig config = EngineConfig.builder(tmp.resolve("data")).embeddingModel(folder).build();
    assertThatThrownBy(() -> SoloEngine.open(config).close())
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("model.onnx in " + folder.toAbsolutePath())
        .hasMessageContaining("has changed since it was pinned")
        .hasMessageContaining("pins sha256 " + pinned)
        .hasMessageContaining("the file has sha256 " + changed);
    // Nothing was recorded: the data folder can still be built with another model.
    SoloEngine.open(EngineConfig.builder(tmp.resolve("data")).build()).close();

    Path other = ModelFolders.pinnedMiniLm(tmp.resolve("t"), "my-minilm");
    flipLastByte(other.resolve("tokenizer.json"));
    EngineConfig tokenizer =
        EngineConfig.builder(tmp.resolve("data2")).embeddingModel(other).build();
    assertThatThrownBy(() -> SoloEngine.open(tokenizer).close())
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("tokenizer.json in " + other.toAbsolutePath())
        .hasMessageContaining("has changed since it was pinned");
  }

  @Test
  void aRepinnedModelIsRefusedByADataFolderBuiltWithTheOldFilesUntilReindexed() throws IOException {
    Path folder = ModelFolders.pinnedMiniLm(tmp.resolve("m"), "house-model");
    String oldHash = Sha256.hexOfFile(folder.resolve("model.onnx"));
    Path dataDir = tmp.resolve("data");
    EngineConfig config = EngineConfig.builder(dataDir).embeddingModel(folder).build();
    try (SoloEngine engine = SoloEngine.open(config)) {
      engine.documents().ingest(DocumentSource.ofText("pto.txt", PTO));
      engine.documents().ingest(DocumentSource.ofText("coffee.txt", COFFEE));
    }
    // The model's owner swaps in the int8 graph and pins it: same id, same path, other vectors.
    ModelFolders.copyResource("all-minilm-l6-v2-q.onnx", folder.resolve("model.onnx"));
    Models.pin(folder);
    String newHash = Sha256.hexOfFile(folder.resolve("model.onnx"));
    for (EngineConfig c :
        List.of(
            EngineConfig.builder(dataDir).embeddingModel(folder).build(),
            EngineConfig.builder(dataDir).build())) {
      assertThatThrownBy(() -> SoloEngine.open(c).close())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("model.onnx sha256 " + oldHash)
          .hasMessageContaining("model.onnx sha256 " + newHash)
          .hasMessageContaining("its files are not the same")
          .hasMessageContaining("solo reindex --model " + folder.toAbsolutePath());
    }
    ModelFolders.Counting counting = new ModelFolders.Counting();
    ReindexSummary summary =
        SoloEngine.reindex(
            EngineConfig.builder(dataDir).embeddingModel(folder).inferenceListener(counting)
                .build());
    assertThat(summary.reembedded()).isTrue();
    assertThat(summary.fromModel()).isEqualTo("house-model");
    assertThat(summary.toModel()).isEqualTo("house-model");
    // The cache is keyed by the model's files: nothing of the old graph's vectors is reused.
    assertThat(summary.cachedChunks()).isZero();
    assertThat(counting.embedded()).isEqualTo(summary.chunks()).isEqualTo(2);
    try (SoloEngine engine = SoloEngine.open(config)) {
      assertThat(engine.search().search(SearchRequest.builder("vacation days for new hires")
          .mode(SearchMode.SEMANTIC).limit(1).build()).hits().get(0).source()).isEqualTo("pto.txt");
    }
  }

  @Test
  void aModelFolderInTheDataFoldersModelsFolderIsNamedByItsFolderName() {
    Path dataDir = tmp.resolve("data");
    Path folder = ModelFolders.pinnedMiniLm(dataDir.resolve("models/mini"), "mini-model");
    EngineConfig config = EngineConfig.builder(dataDir).embeddingModel("mini").build();
    assertThat(config.embeddingModelFolder()).contains(folder.toAbsolutePath());
    try (SoloEngine engine = SoloEngine.open(config)) {
      assertThat(engine.inference().embeddingModel().id()).isEqualTo("mini-model");
    }
    assertThat(Models.inDataFolder(dataDir)).extracting(ModelCard::id).containsExactly("mini-model");
    assertThatThrownBy(() -> EngineConfig.builder(dataDir).embeddingModel("maxi").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("or the name of a model folder in " + dataDir.resolve("models"))
        .hasMessageContaining("got 'maxi'");
  }

  @Test
  void aDimensionThatDoesNotMatchTheGraphIsRefusedWithTheGraphsOutputs() {
    Path folder =
        ModelFolders.copy(tmp.resolve("m"), "all-minilm-l6-v2",
            ModelFolders.miniLmDescriptor("wide").replace("384", "768"));
    Models.pin(folder);
    EngineConfig config = EngineConfig.builder(tmp.resolve("data")).embeddingModel(folder).build();
    assertThatThrownBy(() -> SoloEngine.open(config).close())
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("has no output of shape [batch, tokens, 768]")
        .hasMessageContaining("last_hidden_state [-1, -1, 384]");
  }

  @Test
  void aTorchScriptFolderRunsOnPyTorchAndATamperedOrBrokenOneIsRefused() throws IOException {
    // tiny-encoder.pt: a one-layer BERT-shaped TorchScript module with 32 dimensions and 64
    // positions (engine/src/test/torchscript/make_tiny_encoders.py), with MiniLM's tokenizer.
    Path folder = tmp.resolve("ts");
    ModelFolders.copy(folder, "all-minilm-l6-v2",
        ModelFolders.miniLmDescriptor("ts-model")
            .replace("\"onnx\"", "\"torchscript\"")
            .replace("\"dimension\": 384", "\"dimension\": 32")
            .replace("\"maxTokens\": 256", "\"maxTokens\": 64"));
    Files.delete(folder.resolve("model.onnx"));
    ModelFolders.copyResource("torchscript/tiny-encoder.pt", folder.resolve("model.pt"));
    Models.pin(folder);
    assertThat(Models.describe(folder).sha256()).containsKeys("model.pt", "tokenizer.json");
    EngineConfig config =
        EngineConfig.builder(tmp.resolve("data"))
            .embeddingModel(folder)
            .chunkMaxTokens(48)
            .chunkOverlapTokens(4)
            .build();
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Espresso is brewed under pressure in thirty seconds.");
    Files.writeString(docs.resolve("b.txt"), "The warehouse ships orders every weekday at noon.");
    try (SoloEngine engine = SoloEngine.open(config)) {
      assertThat(engine.inference().embeddingModel().dimension()).isEqualTo(32);
      assertThat(engine.documents().ingest(IngestRequest.of(docs)).ingested()).hasSize(2);
      float[] v = engine.inference().embed("espresso").vector();
      assertThat(v).hasSize(32);
      double norm = 0;
      for (float x : v) {
        norm += (double) x * x;
      }
      assertThat(norm).isCloseTo(1.0, Offset.offset(1e-4));
      assertThat(
              engine
                  .search()
                  .search(SearchRequest.builder("espresso brewed").mode(SearchMode.SEMANTIC).build())
                  .hits())
          .hasSize(2);
    }

    byte[] pt = Files.readAllBytes(folder.resolve("model.pt"));
    pt[pt.length / 2] ^= 1;
    Files.write(folder.resolve("model.pt"), pt);
    assertThatThrownBy(() -> SoloEngine.open(config).close())
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("model.pt")
        .hasMessageContaining("has changed since it was pinned");

    Files.writeString(folder.resolve("model.pt"), "not really TorchScript");
    Models.pin(folder);
    EngineConfig fresh =
        EngineConfig.builder(tmp.resolve("data2"))
            .embeddingModel(folder)
            .chunkMaxTokens(48)
            .chunkOverlapTokens(4)
            .build();
    assertThatThrownBy(() -> SoloEngine.open(fresh).close())
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("cannot load TorchScript model ts-model");
  }

  static Stream<Arguments> badDescriptors() {
    String good = ModelFolders.miniLmDescriptor("ok");
    return Stream.of(
        Arguments.of(good.replace("\"id\": \"ok\",", ""), "the required field 'id' is missing"),
        Arguments.of(good.replace("\"mean\"", "\"max\""), "pooling must be 'mean' or 'cls', got 'max'"),
        Arguments.of(good.replace("\"dimension\": 384", "\"dimension\": \"384\""),
            "dimension must be a whole number in 1..4096, got \"384\""),
        Arguments.of(good.replace("\"maxTokens\": 256,", ""), "the required field 'maxTokens' is missing"),
        Arguments.of(good.replace("\"pooling\"", "\"poolling\""), "unknown field 'poolling'"),
        Arguments.of(good.replace("\"onnx\"", "\"tensorflow\""),
            "format must be one of [onnx, torchscript], got 'tensorflow'"),
        Arguments.of(good.replace("\"normalize\": true", "\"normalize\": false"),
            "normalize must be true"),
        Arguments.of(good.replace("\"id\": \"ok\"", "\"id\": \"e5-small-v2-q\""),
            "is the name of a built-in model"),
        Arguments.of(good.replace("\"id\": \"ok\"", "\"id\": \"../evil\""), "id must be 1 to 64"),
        Arguments.of(good.replace("\"format\"", "\"modelFile\": \"../model.onnx\", \"format\""),
            "modelFile must be a file name"),
        Arguments.of("{\"id\": \"ok\",", "is not valid JSON"),
        Arguments.of("[1, 2]", "must hold one JSON object"));
  }

  @ParameterizedTest
  @MethodSource("badDescriptors")
  void descriptorMistakesAreNamedWhenTheConfigurationIsBuilt(String descriptor, String message)
      throws IOException {
    Path folder = tmp.resolve("bad");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("solo-model.json"), descriptor);
    assertThatThrownBy(() -> EngineConfig.builder(tmp.resolve("data")).embeddingModel(folder).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(folder.toAbsolutePath().resolve("solo-model.json").toString())
        .hasMessageContaining(message);
  }

  @Test
  void anUnpinnedOrMissingDescriptorIsNamed() throws IOException {
    Path folder = ModelFolders.copy(tmp.resolve("m"), "all-minilm-l6-v2",
        ModelFolders.miniLmDescriptor("unpinned"));
    assertThatThrownBy(() -> EngineConfig.builder(tmp.resolve("data")).embeddingModel(folder).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has 2 problems")
        .hasMessageContaining("sha256 has no hash for model.onnx")
        .hasMessageContaining("sha256 has no hash for tokenizer.json")
        .hasMessageContaining("solo models pin " + folder.toAbsolutePath());
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> EngineConfig.builder(tmp.resolve("data")).embeddingModel(empty).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not a model folder: it has no solo-model.json");
    Files.delete(folder.resolve("tokenizer.json"));
    assertThatThrownBy(() -> Models.pin(folder))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tokenizer.json is missing");
  }

  private static void flipLastByte(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(file, bytes);
  }
}
