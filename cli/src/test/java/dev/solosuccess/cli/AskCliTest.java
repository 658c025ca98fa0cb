package dev.solosuccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.cli.SoloCliTest.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code solo ask}: one question, a file of questions, JSON lines, and the fallback's options. */
class AskCliTest {

  @TempDir static Path dataDir;

  static Result solo(String... args) {
    return SoloCliTest.soloIn(dataDir, args);
  }

  @BeforeAll
  static void ingestThePolicies() {
    Result r = solo("ingest", SoloCliTest.exampleData().resolve("policies").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  @Test
  void oneQuestionInPlainText() {
    Result r = solo("ask", "How", "many", "vacation", "days", "do", "new", "hires", "get?");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("12-day").contains("[1] ").contains("pto-and-leave.md")
        .contains("extractive");
  }

  @Test
  void oneQuestionAsJson() {
    Result r = solo("ask", "How many vacation days do new hires get?", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode a = r.json();
    assertThat(a.path("question").asString()).isEqualTo("How many vacation days do new hires get?");
    assertThat(a.path("text").asString()).contains("12-day");
    assertThat(a.path("confidence").asDouble()).isBetween(0.5, 1.0);
    assertThat(a.path("generated").asBoolean()).isFalse();
    assertThat(a.path("model").isNull()).isTrue();
    JsonNode c = a.path("citations").path(0);
    assertThat(c.path("marker").asInt()).isEqualTo(1);
    assertThat(c.path("source").asString()).endsWith("pto-and-leave.md");
    assertThat(c.path("documentId").asString()).isNotBlank();
    assertThat(c.path("chunkId").asString()).startsWith(c.path("documentId").asString());
    assertThat(c.path("endOffset").asInt()).isGreaterThan(c.path("startOffset").asInt());
    assertThat(c.path("text").asString()).isNotBlank();
  }

  @Test
  void aFileOfQuestionsGivesOneJsonLineEach(@TempDir Path tmp) throws IOException {
    Path questions = tmp.resolve("questions.txt");
    Files.writeString(
        questions,
        "# policies\nHow many vacation days do new hires get?\n\n"
            + "How long do customers have to return an unopened bag of coffee?\n"
            + "What is the capital of Mongolia?\n");
    Result r = solo("ask", "--input", questions.toString(), "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    JsonNode first = SoloCliTest.JSON.readTree(lines.get(0));
    JsonNode second = SoloCliTest.JSON.readTree(lines.get(1));
    JsonNode third = SoloCliTest.JSON.readTree(lines.get(2));
    assertThat(first.path("text").asString()).contains("12-day");
    assertThat(second.path("text").asString()).contains("30 days");
    assertThat(third.path("confidence").asDouble()).isLessThan(0.5);
  }

  @Test
  void aBadQuestionInAFileIsReportedAndTheRestAnswered(@TempDir Path tmp) throws IOException {
    Path questions = tmp.resolve("questions.txt");
    Files.writeString(questions, "x".repeat(5000) + "\nHow many vacation days do new hires get?\n");
    Result r = solo("ask", "--input", questions.toString(), "--json");
    assertThat(r.exitCode()).isEqualTo(3);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(SoloCliTest.JSON.readTree(lines.get(0)).path("error").asString()).isEqualTo("invalid-input");
    assertThat(SoloCliTest.JSON.readTree(lines.get(1)).path("text").asString()).contains("12-day");
  }

  @Test
  void usageErrors() {
    assertThat(solo("ask").exitCode()).isEqualTo(2);
    Result noPolicy = solo("ask", "hi", "--llm-url", "https://api.openai.com/v1");
    assertThat(noPolicy.exitCode()).isEqualTo(2);
    assertThat(noPolicy.err()).contains("--llm-allow-host api.openai.com");
  }

  @Test
  void aHostTheEgressPolicyDoesNotAllowIsRefused() {
    Result r =
        solo("ask", "hi", "--llm-url", "https://api.openai.com/v1", "--llm-allow-host",
            "llm.internal.example");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("does not allow host 'api.openai.com'");
  }

  @Test
  void theFallbackWritesTheAnswerWhenAskedTo() throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread t = Thread.ofVirtual().start(() -> serveOne(server, bodies));
      Result r =
          solo("ask", "How many vacation days do new hires get?", "--json", "--generation",
              "always", "--llm-url", "http://127.0.0.1:" + server.getLocalPort() + "/v1",
              "--llm-allow-host", "127.0.0.1", "--llm-model", "llama3.1");
      t.join(10_000);
      assertThat(r.exitCode()).as(r.err()).isZero();
      JsonNode a = r.json();
      assertThat(a.path("generated").asBoolean()).isTrue();
      assertThat(a.path("model").asString()).isEqualTo("llama3.1");
      assertThat(a.path("text").asString()).isEqualTo("Twelve days a year [1].");
      assertThat(a.path("citations")).hasSize(1);
      assertThat(bodies).hasSize(1);
      assertThat(bodies.get(0)).contains("\"model\":\"llama3.1\"");
    }
  }

  private static void serveOne(ServerSocket server, List<String> bodies) {
    try (Socket s = server.accept()) {
      InputStream in = s.getInputStream();
      int length = 0;
      for (String h = line(in); !h.isEmpty(); h = line(in)) {
        if (h.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(h.substring(15).strip());
        }
      }
      bodies.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
      byte[] body =
          ("{\"model\":\"llama3.1\",\"choices\":[{\"message\":{\"role\":\"assistant\","
                  + "\"content\":\"Twelve days a year [1].\"}}],"
                  + "\"usage\":{\"prompt_tokens\":90,\"completion_tokens\":8}}")
              .getBytes(StandardCharsets.UTF_8);
      OutputStream out = s.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }
}
