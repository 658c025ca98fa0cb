package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.SoloClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAI-compatible endpoints driven by the official client ({@code com.openai:openai-java})
 * pointed at the loopback server: the vectors equal the SDK's {@code inference().embed} output
 * exactly, in float and base64 encodings; {@code /v1/models} lists the engine's model; a wrong key
 * and an unknown model surface as the client's own 401 and 404 errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiCompatTest {

  private static final List<String> TEXTS =
      List.of(
          "The refund window is thirty days.",
          "Parking is behind the building, level two.",
          "Ünïcödé text, emoji 🙂 and numbers 3.14159 too.");

  @TempDir static Path dir;
  ServerFixture fixture;
  SoloServer server;
  SoloClient reader;
  String model;

  @BeforeAll
  void start() {
    fixture = new ServerFixture(dir.resolve("data"));
    server = fixture.serve(ServerFixture.plain().build());
    reader = fixture.engine.authenticate(fixture.readerAKey);
    model = reader.inference().embeddingModel().id();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  private OpenAIClient client(String key) {
    return OpenAIOkHttpClient.builder()
        .apiKey(key)
        .baseUrl(server.uri().resolve("/v1").toString())
        .maxRetries(0)
        .timeout(Duration.ofSeconds(60))
        .build();
  }

  @Test
  void vectorsEqualTheSdksInBothEncodings() {
    OpenAIClient openai = client(fixture.readerAKey);
    for (EmbeddingCreateParams.EncodingFormat format :
        List.of(EmbeddingCreateParams.EncodingFormat.FLOAT, EmbeddingCreateParams.EncodingFormat.BASE64)) {
      CreateEmbeddingResponse r =
          openai
              .embeddings()
              .create(
                  EmbeddingCreateParams.builder()
                      .model(model)
                      .inputOfArrayOfStrings(TEXTS)
                      .encodingFormat(format)
                      .build());
      assertThat(r.model()).isEqualTo(model);
      assertThat(r.data()).hasSize(TEXTS.size());
      for (int i = 0; i < TEXTS.size(); i++) {
        assertThat(r.data().get(i).index()).isEqualTo(i);
        assertThat(floats(r.data().get(i).embedding()))
            .as("%s vector of text %d", format, i)
            .containsExactly(reader.inference().embed(TEXTS.get(i)).vector());
      }
      assertThat(r.usage().promptTokens()).isGreaterThan(TEXTS.size() * 3L);
      assertThat(r.usage().totalTokens()).isEqualTo(r.usage().promptTokens());
    }
  }

  @Test
  void oneStringInputAndTheClientsDefaultEncoding() {
    CreateEmbeddingResponse r =
        client(fixture.readerAKey)
            .embeddings()
            .create(EmbeddingCreateParams.builder().model(model).input(TEXTS.get(0)).build());
    Embedding sdk = reader.inference().embed(TEXTS.get(0));
    assertThat(r.data()).hasSize(1);
    assertThat(floats(r.data().get(0).embedding())).containsExactly(sdk.vector());
    assertThat(r.data().get(0).embedding()).hasSize(sdk.dimension());
  }

  @Test
  void modelsListTheEnginesModel() {
    List<Model> models = client(fixture.readerAKey).models().list().data();
    assertThat(models).extracting(Model::id).containsExactly(model);
    assertThat(client(fixture.readerAKey).models().retrieve(model).id()).isEqualTo(model);
  }

  @Test
  void errorsReachTheClientAsItsOwn() {
    assertThatThrownBy(() -> client("sk-wrong").models().list())
        .isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(
            () ->
                client(fixture.readerAKey)
                    .embeddings()
                    .create(EmbeddingCreateParams.builder().model("text-embedding-3-small").input("x").build()))
        .isInstanceOf(NotFoundException.class);
  }

  private static float[] floats(List<Float> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
