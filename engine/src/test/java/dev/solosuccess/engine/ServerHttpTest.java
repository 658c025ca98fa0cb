package dev.solosuccess.engine;

import static dev.solosuccess.engine.ServerFixture.call;
import static dev.solosuccess.engine.ServerFixture.json;
import static dev.solosuccess.engine.ServerFixture.map;
import static dev.solosuccess.engine.ServerFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.engine.ServerFixture.Reply;
import dev.solosuccess.sdk.InvalidInputException;
import java.net.InetAddress;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code solo serve} over plain HTTP on loopback, with a real engine: health and readiness without
 * a key, 401 without or with a wrong key, problems (RFC 9457) for unknown routes, wrong methods,
 * malformed JSON and oversize bodies, never a stack trace; and the configurations that are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerHttpTest {

  @TempDir static Path dir;
  ServerFixture fixture;
  SoloServer server;
  final OkHttpClient http = ServerFixture.http();

  @BeforeAll
  void start() {
    fixture = new ServerFixture(dir.resolve("data"));
    server = fixture.serve(ServerFixture.plain().maxRequestBytes(64 * 1024).build());
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

  @Test
  void healthAndReadinessNeedNoKey() throws Exception {
    assertThat(server.uri().toString()).startsWith("http://127.0.0.1:");
    Reply health = call(http, request(server, "/healthz", null).build());
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("ok");
    Reply ready = call(http, request(server, "/readyz", null).build());
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asString()).isEqualTo("ready");
    assertThat(health.headers().get("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void noKeyOrAWrongKeyIs401WithBearerChallenge() throws Exception {
    for (String key : new String[] {null, "solo_AAAAAAAAAAAA_" + "x".repeat(43), "not-a-key"}) {
      Reply r = call(http, request(server, "/v1/models", key).build());
      assertThat(r.status()).as("key %s", key).isEqualTo(401);
      assertThat(r.headers().get("WWW-Authenticate")).startsWith("Bearer");
      assertProblem(r, 401, "unauthenticated");
    }
    Reply basic =
        call(http, request(server, "/v1/models", null).header("Authorization", "Basic dXNlcjpwdw==").build());
    assertProblem(basic, 401, "unauthenticated");
    Reply ok = call(http, request(server, "/v1/models", fixture.readerAKey).build());
    assertThat(ok.status()).isEqualTo(200);
  }

  @Test
  void unknownRoutesAndMethodsAreProblems() throws Exception {
    Reply unknown = call(http, request(server, "/api/v1/no-such-route", fixture.adminKey).build());
    assertProblem(unknown, 404, "not-found");
    assertThat(unknown.json().get("kind").asString()).isEqualTo("route");
    Reply method =
        call(http, request(server, "/healthz", null).delete().build());
    assertProblem(method, 405, "method-not-allowed");
  }

  @Test
  void malformedJsonIsAnInvalidInputProblemWithoutTheBody() throws Exception {
    String secret = "{\"input\": \"Patient Jane Roe MRN 123456\", \"model\": ";
    Reply r = call(http, request(server, "/v1/embeddings", fixture.readerAKey).post(json(secret)).build());
    assertProblem(r, 400, "invalid-input");
    assertThat(r.body()).doesNotContain("Jane").doesNotContain("123456");
    assertThat(r.json().get("detail").asString()).startsWith("the request body is not valid JSON");
  }

  @Test
  void anOversizeBodyIs413() throws Exception {
    byte[] big = new byte[100 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    Reply r =
        call(
            http,
            request(server, "/v1/embeddings", fixture.readerAKey)
                .post(RequestBody.create(big, ServerFixture.JSON_TYPE))
                .build());
    assertProblem(r, 413, "limit-exceeded");
    assertThat(r.json().get("limit").asString()).isEqualTo("maxRequestBytes");
    assertThat(r.json().get("limitValue").asLong()).isEqualTo(64 * 1024);
  }

  @Test
  void engineErrorsKeepTheirCodeAndDetail() throws Exception {
    Reply r =
        call(
            http,
            request(server, "/v1/embeddings", fixture.readerAKey)
                .post(json(map("model", "no-such-model", "input", "hello")))
                .build());
    assertProblem(r, 404, "not-found");
    assertThat(r.json().get("kind").asString()).isEqualTo("model");
    assertThat(r.json().get("id").asString()).isEqualTo("no-such-model");
    // OpenAI clients read error.message: /v1 problems carry it too.
    assertThat(r.json().get("error").get("message").asString()).isEqualTo(r.json().get("detail").asString());
  }

  @Test
  void requestsJettyRefusesAreProblemsToo() throws Exception {
    // A malformed URI and oversized headers never reach a route: Jetty's error handler answers.
    String badUri = raw("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(badUri).startsWith("HTTP/1.1 400").contains("application/problem+json")
        .contains("\"code\":\"invalid-input\"").doesNotContain("<html");
    String hugeHeader =
        raw("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(64 * 1024)
            + "\r\nConnection: close\r\n\r\n");
    assertThat(hugeHeader).startsWith("HTTP/1.1 431").contains("application/problem+json")
        .contains("\"code\":\"limit-exceeded\"");
  }

  private String raw(String request) throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void refusedConfigurations() {
    assertThatThrownBy(() -> ServerConfig.builder().port(0).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--no-tls");
    assertThatThrownBy(
            () ->
                ServerConfig.builder()
                    .allowPlainHttp()
                    .bindAddress(InetAddress.getByName("0.0.0.0"))
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("0.0.0.0");
    assertThatThrownBy(() -> ServerConfig.builder().port(70_000).allowPlainHttp().build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("70000");
    assertThatThrownBy(
            () -> ServerConfig.builder().keyStore(dir.resolve("missing.p12"), "pw".toCharArray()).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("missing.p12");
  }

  @Test
  void aFolderWithoutPrincipalsIsNotServed() {
    try (SoloEngine open = SoloEngine.open(EngineConfig.builder(dir.resolve("open")).build())) {
      assertThatThrownBy(() -> SoloServer.start(open, ServerFixture.plain().build()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("no principals");
    }
  }

  /** An RFC 9457 problem with the contract's members, and nothing of a stack trace. */
  static void assertProblem(Reply r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.get("type").asString()).isEqualTo("https://solosuccess.dev/problems/" + code);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("code").asString()).isEqualTo(code);
    assertThat(p.get("title").asString()).isNotBlank();
    assertThat(p.get("detail").asString()).isNotBlank();
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
  }
}
