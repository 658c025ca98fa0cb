package dev.solosuccess.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TorchScript backend on real TorchScript files: tiny BERT-shaped encoders with random weights,
 * made by {@code src/test/torchscript/make_tiny_encoders.py} with PyTorch 1.13 and committed, read
 * with the all-MiniLM-L6-v2 tokenizer. They check the backend's contract (pooling, normalization,
 * batching, truncation, prefixes, both input signatures), not the quality of the vectors.
 */
class TorchScriptEmbeddingModelTest {

  /** 32 word pieces, below the fixture's 64 positions, so that truncation is easy to reach. */
  static final ModelSpec TINY =
      new ModelSpec(
          "tiny-ts", "model.pt", "tokenizer.json", 32, 32, ModelSpec.Pooling.MEAN, true,
          "query: ", "");

  @TempDir static Path nativeDir;
  @TempDir static Path folder;
  @TempDir static Path twoInputs;
  static TorchScriptEmbeddingModel model;

  @BeforeAll
  static void load() throws IOException {
    NativeRuntime.prepare(nativeDir);
    modelFolder(folder, "torchscript/tiny-encoder.pt");
    modelFolder(twoInputs, "torchscript/tiny-encoder-2in.pt");
    model = TorchScriptEmbeddingModel.load(folder, TINY);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  /** A model folder: the fixture as {@code model.pt} and the MiniLM tokenizer. */
  static void modelFolder(Path dir, String fixture) throws IOException {
    copyResource(fixture, dir.resolve(TorchScriptEmbeddingModel.MODEL_FILE));
    copyResource(
        "all-minilm-l6-v2-tokenizer.json", dir.resolve(TorchScriptEmbeddingModel.TOKENIZER_FILE));
  }

  static void copyResource(String resource, Path to) throws IOException {
    try (InputStream in =
        TorchScriptEmbeddingModelTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Files.copy(in, to);
    }
  }

  @Test
  void vectorsAreUnitLengthAndDistinct() {
    float[][] v =
        model.embedPassages(
                List.of("Hello world", "The oat milk comes from Northfield.", "Refund policy"))
            .vectors();
    for (float[] x : v) {
      assertThat(x).hasSize(32);
      assertThat(norm(x)).isCloseTo(1.0, within(1e-5));
      assertThat(distinctComponents(x)).isGreaterThan(16);
    }
    assertThat(cosine(v[0], v[1])).isLessThan(0.99);
    assertThat(cosine(v[1], v[2])).isLessThan(0.99);
    assertThat(model.spec()).isSameAs(TINY);
  }

  @Test
  void aTextGetsTheSameVectorAloneAndInsideBatches() {
    List<String> texts = sentences(60, 1, 25, new Random(11));
    float[][] batched = model.embedPassages(texts).vectors();
    double min = 1;
    for (int i = 0; i < texts.size(); i++) {
      float[] alone = model.embedPassages(List.of(texts.get(i))).vectors()[0];
      min = Math.min(min, cosine(alone, batched[i]));
    }
    System.out.printf("TorchScript: min cosine alone vs. batched over %d texts: %.7f%n",
        texts.size(), min);
    assertThat(min).isGreaterThanOrEqualTo(0.99999);
  }

  @Test
  void inputsLongerThanTheLimitAreTruncatedFromTheEndAndCounted() {
    String head = String.join(" ", sentences(1, 40, 40, new Random(3)));
    List<String> texts = List.of(head + " apples and pears", "short one", head + " ships and trains");
    EmbeddingModel.Embedded e = model.embedPassages(texts);
    assertThat(e.truncated()).isEqualTo(2);
    // Both long texts differ only after the first 32 word pieces: the model saw the same input.
    assertThat(cosine(e.vectors()[0], e.vectors()[2])).isGreaterThanOrEqualTo(0.99999);
    assertThat(model.embedPassages(List.of("short one")).truncated()).isZero();
    assertThat(model.tokenization().countTokens("short one")).isEqualTo(2);
  }

  @Test
  void theQueryPrefixIsPrependedBeforeTokenization() {
    String text = "when does the roastery open";
    float[] query = model.embed(List.of(text), EmbeddingKind.QUERY).vectors()[0];
    float[] prefixed = model.embedPassages(List.of("query: " + text)).vectors()[0];
    float[] passage = model.embedPassages(List.of(text)).vectors()[0];
    assertThat(cosine(query, prefixed)).isGreaterThanOrEqualTo(0.99999);
    assertThat(cosine(query, passage)).isLessThan(0.999);
    assertThat(model.embedQuery(text)).containsExactly(query);
    assertThat(model.passageOverheadTokens()).isEqualTo(2); // [CLS] and [SEP], no passage prefix
  }

  @Test
  void clsPoolingAPassagePrefixAndTheTwoInputSignatureWork() {
    ModelSpec cls =
        new ModelSpec(
            "tiny-ts-cls", "model.pt", "tokenizer.json", 32, 32, ModelSpec.Pooling.CLS, true, "",
            "passage: ");
    String text = "The loading dock opens at six.";
    try (TorchScriptEmbeddingModel pooledFirst = TorchScriptEmbeddingModel.load(folder, cls);
        // forward(input_ids, attention_mask) returning (states, pooled): found at load.
        TorchScriptEmbeddingModel noTypes = TorchScriptEmbeddingModel.load(twoInputs, TINY)) {
      float[] mean = model.embedPassages(List.of(text)).vectors()[0];
      float[] first = pooledFirst.embedPassages(List.of(text)).vectors()[0];
      assertThat(norm(first)).isCloseTo(1.0, within(1e-5));
      assertThat(cosine(mean, first)).isLessThan(0.999);
      assertThat(pooledFirst.passageOverheadTokens()).isGreaterThan(2);
      // Single sentences have token type 0 throughout: the same states as the 3-input module.
      assertThat(cosine(noTypes.embedPassages(List.of(text)).vectors()[0], mean))
          .isGreaterThanOrEqualTo(0.99999);
    }
  }

  @Test
  void badFoldersAndShapesAreRefusedWithTheReason(@TempDir Path empty) {
    assertThatThrownBy(() -> TorchScriptEmbeddingModel.load(empty, TINY))
        .isInstanceOf(ModelException.class)
        .hasMessage("model tiny-ts has no model.pt in " + empty);
    ModelSpec wide =
        new ModelSpec(
            "tiny-ts-wide", "model.pt", "tokenizer.json", 64, 32, ModelSpec.Pooling.MEAN, true,
            "", "");
    assertThatThrownBy(() -> TorchScriptEmbeddingModel.load(folder, wide))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("TorchScript model tiny-ts-wide must return token states (1, 3, 64)")
        .hasMessageContaining("got (1, 3, 32)");
  }

  @Test
  void closeIsIdempotentAndLaterCallsFail() {
    TorchScriptEmbeddingModel m = TorchScriptEmbeddingModel.load(folder, TINY);
    m.embedPassages(List.of("x"));
    m.close();
    m.close();
    assertThatThrownBy(() -> m.embedPassages(List.of("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("model tiny-ts is closed");
  }

  /**
   * Parity with the ONNX backend on the real all-MiniLM-L6-v2, where a TorchScript export of it is
   * at hand: {@code -Dsolo.torchscript.minilm=DIR}, DIR made by {@code
   * src/test/torchscript/minilm_from_onnx.py} (about 90 MB, so not committed).
   */
  @Test
  @EnabledIfSystemProperty(named = "solo.torchscript.minilm", matches = ".+")
  void aTorchScriptExportOfMiniLmGivesTheOnnxVectors() {
    Path dir = Path.of(System.getProperty("solo.torchscript.minilm"));
    List<String> texts = sentences(200, 3, 60, new Random(5));
    try (TorchScriptEmbeddingModel ts =
            TorchScriptEmbeddingModel.load(dir, ModelSpec.ALL_MINILM_L6_V2);
        OnnxEmbeddingModel onnx = OnnxEmbeddingModel.load(ModelSpec.ALL_MINILM_L6_V2, 2, 32)) {
      for (int round = 0; round < 2; round++) {
        long t0 = System.nanoTime();
        float[][] a = ts.embedPassages(texts).vectors();
        long t1 = System.nanoTime();
        float[][] b = onnx.embedPassages(texts).vectors();
        long t2 = System.nanoTime();
        double min = 1;
        for (int i = 0; i < texts.size(); i++) {
          min = Math.min(min, cosine(a[i], b[i]));
        }
        System.out.printf(
            "MiniLM TorchScript vs ONNX: min cosine %.6f over %d texts; %.0f vs %.0f texts/s%n",
            min, texts.size(), texts.size() / ((t1 - t0) / 1e9), texts.size() / ((t2 - t1) / 1e9));
        assertThat(min).isGreaterThanOrEqualTo(0.9999);
      }
    }
  }

  static List<String> sentences(int n, int minWords, int maxWords, Random random) {
    String[] words =
        ("the a roast coffee bean order parcel refund invoice espresso milk oat delivery courier"
                + " password account login monday friday morning warehouse label price card bag"
                + " kilo grind filter brew water cup shop opens closes late early new old")
            .split(" ");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int len = minWords + random.nextInt(maxWords - minWords + 1);
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < len; w++) {
        sb.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
      }
      out.add(sb.append('.').toString());
    }
    return out;
  }

  static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    return Math.sqrt(s);
  }

  static long distinctComponents(float[] v) {
    return java.util.stream.IntStream.range(0, v.length).mapToDouble(i -> v[i]).distinct().count();
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
    }
    return dot / (norm(a) * norm(b));
  }
}
