package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.solosuccess.sdk.Embedding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our ONNX Runtime pipeline (DJL tokenizer, padded batches, mean pooling, L2 normalization) against
 * LangChain4j's in-process all-MiniLM-L6-v2, computed live on the same weights.
 */
class EmbeddingParityTest {

  static final List<String> SENTENCES =
      List.of(
          "Hello world",
          "New hires get twelve vacation days in their first year.",
          "The roaster's chaff collector must be emptied every four batches.",
          "Unopened bags of coffee may be returned within thirty days for a full refund.",
          "Zoë's crème brûlée is sold on weekends only.",
          "A",
          "Can I pause my coffee subscription for a few weeks while I travel in the summer?");

  @TempDir static Path dataDir;
  static SoloEngine engine;
  static AllMiniLmL6V2EmbeddingModel reference;

  @BeforeAll
  static void open() {
    engine = TestSupport.open(dataDir); // sets DJL offline before LangChain4j loads DJL
    reference = new AllMiniLmL6V2EmbeddingModel();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void vectorsMatchLangChain4j() {
    List<Embedding> ours = engine.inference().embedAll(SENTENCES);
    for (int i = 0; i < SENTENCES.size(); i++) {
      float[] theirs = reference.embed(SENTENCES.get(i)).content().vector();
      double cosine = ours.get(i).cosine(new Embedding("langchain4j", theirs));
      System.out.printf("parity cosine %.7f for '%s'%n", cosine, SENTENCES.get(i));
      assertThat(cosine).as("cosine for '%s'", SENTENCES.get(i)).isGreaterThanOrEqualTo(0.999);
    }
  }

  @Test
  void helloWorldMatchesTheReferenceVector() {
    float[] v = engine.inference().embed("Hello world").vector();
    assertThat(v).hasSize(384);
    float[] expected = {-0.03447731f, 0.031023193f, 0.0067349216f, 0.026108941f, -0.039362047f};
    for (int i = 0; i < expected.length; i++) {
      assertThat(v[i]).as("component %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5f));
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void aTextsVectorDoesNotDependOnItsBatch() {
    List<Embedding> alone = new ArrayList<>();
    for (String s : SENTENCES) {
      alone.add(engine.inference().embed(s));
    }
    List<String> mixed = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      mixed.addAll(SENTENCES);
      mixed.add("filler sentence number " + i + " that pads the batch with other lengths");
    }
    List<Embedding> batched = engine.inference().embedAll(mixed);
    for (int i = 0; i < mixed.size(); i++) {
      int k = SENTENCES.indexOf(mixed.get(i));
      if (k >= 0) {
        assertThat(batched.get(i).cosine(alone.get(k))).isGreaterThanOrEqualTo(0.99999);
      }
    }
  }

  @Test
  void longInputIsTruncatedToTheModelLimitNotTheTokenizerDefault() {
    // tokenizer.json truncates at 128 word pieces; the model reads 256. Text beyond 128 pieces
    // must still change the vector, and text beyond 256 must not.
    String words = "coffee tea water milk sugar ".repeat(30); // 150 words, 150 pieces
    String at150 = words.strip();
    String changedAt140 = at150 + " extra words about roasting beans";
    Embedding a = engine.inference().embed(at150);
    Embedding b = engine.inference().embed(changedAt140);
    assertThat(a.cosine(b)).isLessThan(0.99999);

    String long300 = "coffee tea water milk sugar ".repeat(60).strip(); // 300 pieces
    Embedding c = engine.inference().embed(long300);
    Embedding d = engine.inference().embed(long300 + " and entirely different trailing words");
    assertThat(c.cosine(d)).isGreaterThanOrEqualTo(0.99999);
  }
}
