package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.UpstreamException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI Chat Completions client against a real HTTP server on loopback: whole and streamed
 * replies, retries on 429 (Retry-After in seconds and as a date) and 5xx, a hang past the read
 * timeout, malformed and oversize replies, and that the API key goes in the header and nowhere
 * else.
 */
class ChatModelTest {

  private static final String KEY = "sk-test-CANARY-KEY-0123456789";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ChatServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ChatServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private LlmFallback.Builder config() {
    return LlmFallback.builder(server.baseUrl(), EgressPolicy.allowing("127.0.0.1"))
        .environment(Map.of(LlmFallback.DEFAULT_API_KEY_VARIABLE, KEY)::get)
        .initialBackoff(Duration.ofMillis(50))
        .readTimeout(Duration.ofSeconds(5));
  }

  private static ChatRequest question() {
    return ChatRequest.of(ChatMessage.system("Be brief."), ChatMessage.user("How long?"));
  }

  @Test
  void aWholeReplyWithItsUsage() throws Exception {
    server.then(ChatServer.completion("Thirty days [1].", 42, 7));
    ChatModel model = ChatModel.openAi(config().maxTokens(300).build());
    ChatReply r = model.chat(question());
    assertThat(r.text()).isEqualTo("Thirty days [1].");
    assertThat(r.model()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(r.promptTokens()).isEqualTo(42);
    assertThat(r.completionTokens()).isEqualTo(7);
    assertThat(r.cached()).isFalse();

    ChatServer.Recorded req = server.requests().get(0);
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.path()).isEqualTo("/v1/chat/completions");
    assertThat(req.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(req.header("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(req.body());
    assertThat(body.path("model").asString()).isEqualTo("gpt-4o");
    assertThat(body.path("max_tokens").asInt()).isEqualTo(300);
    assertThat(body.path("stream").isMissingNode()).isTrue();
    assertThat(body.path("messages")).hasSize(2);
    assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
    assertThat(body.path("messages").path(1).path("content").asString()).isEqualTo("How long?");
  }

  @Test
  void noKeyInTheEnvironmentSendsNoAuthorizationHeader() {
    server.then(ChatServer.completion("ok", 1, 1));
    ChatModel model =
        ChatModel.openAi(config().environment(name -> null).build());
    model.chat(question());
    assertThat(server.requests().get(0).header("Authorization")).isNull();
  }

  @Test
  void aStreamedReplyArrivesPieceByPieceAndWhole() throws Exception {
    server.then(ChatServer.stream(30, 4, "Thirty", " days", " [1]."));
    ChatModel model = ChatModel.openAi(config().build());
    List<String> pieces = new ArrayList<>();
    ChatReply r = model.stream(question(), pieces::add);
    assertThat(pieces).containsExactly("Thirty", " days", " [1].");
    assertThat(r.text()).isEqualTo("Thirty days [1].");
    assertThat(r.model()).isEqualTo("gpt-4o-mini");
    assertThat(r.promptTokens()).isEqualTo(30);
    assertThat(r.completionTokens()).isEqualTo(4);
    JsonNode body = JSON.readTree(server.requests().get(0).body());
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(server.requests().get(0).header("Accept")).isEqualTo("text/event-stream");
  }

  @Test
  void aStreamThatEndsWithoutDoneIsMalformed() {
    server.then(
        out -> out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection:"
            + " close\r\n\r\ndata: {\"choices\":[{\"delta\":{\"content\":\"Thir\"}}]}\n\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    ChatModel model = ChatModel.openAi(config().build());
    assertThatThrownBy(() -> model.stream(question(), p -> {}))
        .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessageContaining("[DONE]");
    assertThat(server.requests()).hasSize(1); // half a reply was handed over: not retried
  }

  @Test
  void a429IsRetriedAfterTheSecondsOfItsRetryAfter() {
    server.then(
        ChatServer.json(429, "{\"error\":{\"message\":\"slow down\"}}", "Retry-After: 1"),
        ChatServer.completion("ok", 1, 1));
    ChatReply r = ChatModel.openAi(config().build()).chat(question());
    assertThat(r.text()).isEqualTo("ok");
    List<ChatServer.Recorded> reqs = server.requests();
    assertThat(reqs).hasSize(2);
    long gapMs = (reqs.get(1).nanos() - reqs.get(0).nanos()) / 1_000_000;
    assertThat(gapMs).as("waited as Retry-After said, not the 50 ms backoff").isBetween(950L, 5000L);
    assertThat(reqs.get(1).body()).isEqualTo(reqs.get(0).body());
  }

  @Test
  void a429IsRetriedAtTheDateOfItsRetryAfter() {
    String at =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
    server.then(ChatServer.json(429, "{}", "Retry-After: " + at), ChatServer.completion("ok", 1, 1));
    ChatModel.openAi(config().build()).chat(question());
    List<ChatServer.Recorded> reqs = server.requests();
    long gapMs = (reqs.get(1).nanos() - reqs.get(0).nanos()) / 1_000_000;
    // The date has whole seconds: between 1 and 2 seconds from the first request.
    assertThat(gapMs).isBetween(900L, 3000L);
  }

  @Test
  void aRetryAfterLongerThanTheBackoffCapEndsTheRetries() {
    server.then(ChatServer.json(429, "{}", "Retry-After: 120"), ChatServer.completion("ok", 1, 1));
    ChatModel model = ChatModel.openAi(config().maxBackoff(Duration.ofSeconds(5)).build());
    assertThatThrownBy(() -> model.chat(question()))
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> {
              assertThat(e.retriable()).isTrue();
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.code()).isEqualTo("upstream-unavailable");
            });
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void serverErrorsAreRetriedWithBackoffUntilOneSucceeds() {
    server.then(
        ChatServer.json(500, "{}"), ChatServer.json(503, "{}"), ChatServer.completion("ok", 1, 1));
    ChatReply r = ChatModel.openAi(config().maxRetries(3).build()).chat(question());
    assertThat(r.text()).isEqualTo("ok");
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void serverErrorsPastTheRetriesFailRetriablyWithoutTheKey() {
    server.otherwise(ChatServer.json(502, "{\"error\":\"" + KEY + "\"}"));
    ChatModel model = ChatModel.openAi(config().maxRetries(2).build());
    assertThatThrownBy(() -> model.chat(question()))
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> {
              assertThat(e.retriable()).isTrue();
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.host()).isEqualTo("127.0.0.1");
            })
        .hasMessageContaining("HTTP 502")
        .hasMessageContaining("3 attempts")
        .hasMessageNotContaining(KEY);
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void aHangPastTheReadTimeoutIsRetriedThenFails() {
    server.otherwise(ChatServer.hang(Duration.ofSeconds(3)));
    ChatModel model =
        ChatModel.openAi(config().readTimeout(Duration.ofMillis(300)).maxRetries(1).build());
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> model.chat(question()))
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> {
              assertThat(e.retriable()).isTrue();
              assertThat(e.status()).isEqualTo(UpstreamException.NO_STATUS);
            })
        .hasMessageContaining("read timeout 300 ms");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(server.requests()).hasSize(2);
    assertThat(ms).as("two timeouts and a backoff, not the server's 3 s hang").isLessThan(2500);
  }

  @Test
  void malformedJsonFailsAtOnceAndIsNotQuoted() {
    server.otherwise(ChatServer.json(200, "{\"choices\": [ {\"message\": SECRET-ECHO"));
    ChatModel model = ChatModel.openAi(config().build());
    assertThatThrownBy(() -> model.chat(question()))
        .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessageContaining("not valid JSON")
        .hasMessageNotContaining("SECRET-ECHO");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void jsonWithoutAMessageIsMalformed() {
    server.otherwise(ChatServer.json(200, "{\"choices\":[]}"));
    assertThatThrownBy(() -> ChatModel.openAi(config().build()).chat(question()))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("choices[0].message.content");
  }

  @Test
  void anOversizeBodyIsRefusedWithOrWithoutItsLength() {
    for (boolean declared : new boolean[] {true, false}) {
      server.then(ChatServer.oversize(200_000, declared));
      ChatModel model = ChatModel.openAi(config().maxResponseBytes(64 * 1024).build());
      assertThatThrownBy(() -> model.chat(question()))
          .as("Content-Length declared: %s", declared)
          .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.retriable()).isFalse())
          .hasMessageContaining("maxResponseBytes 65536");
    }
    server.then(ChatServer.stream(1, 1, "x".repeat(70_000)));
    ChatModel model = ChatModel.openAi(config().maxResponseBytes(64 * 1024).build());
    assertThatThrownBy(() -> model.stream(question(), p -> {}))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("maxResponseBytes");
  }

  @Test
  void aRefusedKeyIsNotRetriedAndNotRepeated() {
    server.otherwise(ChatServer.json(401, "{\"error\":\"bad key " + KEY + "\"}"));
    assertThatThrownBy(() -> ChatModel.openAi(config().build()).chat(question()))
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> {
              assertThat(e.retriable()).isFalse();
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.code()).isEqualTo("upstream-failed");
            })
        .hasMessageContaining("OPENAI_API_KEY")
        .hasMessageNotContaining(KEY);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void theKeyIsInNoStringForm() {
    LlmFallback c = config().build();
    assertThat(c.apiKey()).isEqualTo(KEY);
    assertThat(c.toString()).doesNotContain(KEY).contains("OPENAI_API_KEY");
    assertThat(ChatModel.openAi(c).toString()).doesNotContain(KEY);
    EngineConfig ec = EngineConfig.builder(java.nio.file.Path.of("/tmp/x")).llmFallback(c).build();
    assertThat(ec.toString()).doesNotContain(KEY).contains("llmFallback=LlmFallback[");
  }

  @Test
  void theEgressPolicyMustAllowTheHost() {
    assertThatThrownBy(
            () ->
                LlmFallback.builder(
                        URI.create("https://api.openai.com/v1"),
                        EgressPolicy.allowing("llm.internal.example"))
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not allow host 'api.openai.com'")
        .hasMessageContaining("llm.internal.example");
    assertThatThrownBy(() -> LlmFallback.builder(URI.create("https://api.openai.com/v1"), null).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("egress policy");
    assertThatThrownBy(
            () ->
                LlmFallback.builder(
                        URI.create("http://api.openai.com/v1"),
                        EgressPolicy.allowing("api.openai.com"))
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("https");
    assertThatThrownBy(() -> EgressPolicy.allowing())
        .isInstanceOf(InvalidInputException.class);
    LlmFallback ok =
        LlmFallback.builder(URI.create("https://API.OpenAI.com/v1"), EgressPolicy.allowing("api.openai.com"))
            .build();
    assertThat(ok.model()).isEqualTo("gpt-4o");
    assertThat(ok.egress().redactPhi()).isTrue();
  }

  @Test
  void redirectsAreNotFollowed() {
    server.otherwise(
        ChatServer.json(307, "{}", "Location: http://127.0.0.2:9/v1/chat/completions"));
    assertThatThrownBy(() -> ChatModel.openAi(config().build()).chat(question()))
        .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.status()).isEqualTo(307));
    assertThat(server.requests()).hasSize(1);
  }
}
