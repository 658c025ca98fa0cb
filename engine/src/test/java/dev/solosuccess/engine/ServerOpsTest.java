package dev.solosuccess.engine;

import static dev.solosuccess.engine.ServerFixture.call;
import static dev.solosuccess.engine.ServerFixture.json;
import static dev.solosuccess.engine.ServerFixture.map;
import static dev.solosuccess.engine.ServerFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.ServerFixture.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What operators read: the OpenAPI document lists every registered route (and nothing else) with
 * its schemas; {@code /metrics} is Prometheus text for admins and auditors only, with request
 * latency per route template, model batch sizes and latency, and the stored counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerOpsTest {

  @TempDir static Path dir;
  ServerFixture fixture;
  SoloServer server;
  final OkHttpClient http = ServerFixture.http();

  @BeforeAll
  void start() {
    fixture = new ServerFixture(dir.resolve("data"));
    server =
        fixture.serve(ServerFixture.plain().metrics(fixture.metrics).build());
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
  void theOpenApiDocumentCoversEveryRegisteredRoute() throws Exception {
    Reply r = call(http, request(server, "/openapi.json", null).build());
    assertThat(r.status()).isEqualTo(200);
    JsonNode doc = r.json();
    assertThat(doc.get("openapi").asString()).isEqualTo("3.1.0");
    JsonNode paths = doc.get("paths");
    Set<String> documented = new HashSet<>();
    for (var path : paths.properties()) {
      for (var op : path.getValue().properties()) {
        documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
        JsonNode operation = op.getValue();
        assertThat(operation.get("summary").asString()).as(path.getKey()).isNotBlank();
        assertThat(operation.get("responses").has("default")).isTrue();
        Matcher params = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
        List<String> names = new ArrayList<>();
        while (params.find()) {
          names.add(params.group(1));
        }
        List<String> declared = new ArrayList<>();
        if (operation.has("parameters")) {
          operation.get("parameters").forEach(p -> {
            if (p.get("in").asString().equals("path")) {
              declared.add(p.get("name").asString());
            }
          });
        }
        assertThat(declared).as("path parameters of " + path.getKey()).isEqualTo(names);
      }
    }
    List<String> registered = server.routes();
    assertThat(registered).contains("GET /healthz", "GET /readyz", "GET /openapi.json",
        "GET /metrics", "POST /v1/embeddings", "GET /v1/models");
    assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
    // Public routes carry no security requirement; the others the bearer scheme.
    assertThat(paths.get("/healthz").get("get").get("security")).isEmpty();
    assertThat(paths.get("/v1/embeddings").get("post").get("security").get(0).has("bearer")).isTrue();
  }

  @Test
  void metricsAreForOperatorsAndCountRoutesModelsAndDocuments() throws Exception {
    double batchedBefore =
        value(call(http, request(server, "/metrics", fixture.adminKey).build()).body(), "solo_model_batch_size_sum");
    Reply embedded =
        call(
            http,
            request(server, "/v1/embeddings", fixture.readerAKey)
                .post(json(map("model", model(), "input", List.of("first text", "second text", "third"))))
                .build());
    assertThat(embedded.status()).isEqualTo(200);

    assertThat(call(http, request(server, "/metrics", null).build()).status()).isEqualTo(401);
    Reply denied = call(http, request(server, "/metrics", fixture.readerAKey).build());
    ServerHttpTest.assertProblem(denied, 403, "access-denied");

    Reply metrics = call(http, request(server, "/metrics", fixture.auditorKey).build());
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    String text = metrics.body();
    assertThat(text)
        .contains(
            "solo_http_server_requests_seconds_count{method=\"POST\",route=\"/v1/embeddings\",status=\"200\"} 1");
    assertThat(text).contains("solo_documents 2.0");
    assertThat(Pattern.compile("solo_index_chunks [1-9]").matcher(text).find()).isTrue();
    // The three texts reached the model (in one run or three, as the model batches).
    assertThat(value(text, "solo_model_batch_size_sum") - batchedBefore).isEqualTo(3.0);
    assertThat(text).contains("solo_model_batch_size_count{model=\"" + model() + "\"}");
    assertThat(text).contains("solo_model_latency_seconds_sum{model=\"" + model() + "\"}");
    assertThat(text).contains("solo_http_in_flight").contains("solo_ingest_in_flight");
    // The admin can read them too; a raw path never becomes a label.
    assertThat(call(http, request(server, "/metrics", fixture.adminKey).build()).status()).isEqualTo(200);
    call(http, request(server, "/api/v1/documents/" + ServerFixture.TENANT_A_DOC + "x", fixture.adminKey).build());
    String after = call(http, request(server, "/metrics", fixture.adminKey).build()).body();
    assertThat(after).doesNotContain(ServerFixture.TENANT_A_DOC + "x");
  }

  private String model() {
    return fixture.engine.authenticate(fixture.adminKey).inference().embeddingModel().id();
  }

  /** The value of the one sample of {@code metric} (a name without labels' braces content). */
  static double value(String exposition, String metric) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*})? (\\S+)$").matcher(exposition);
    double sum = 0;
    boolean found = false;
    while (m.find()) {
      sum += Double.parseDouble(m.group(2));
      found = true;
    }
    return found ? sum : 0;
  }
}
