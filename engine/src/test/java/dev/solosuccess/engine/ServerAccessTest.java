package dev.solosuccess.engine;

import static dev.solosuccess.engine.ServerFixture.call;
import static dev.solosuccess.engine.ServerFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.engine.ServerFixture.Reply;
import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.LimitExceededException;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SoloClient;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roles and labels on the wire, through the real {@code /api/v1} routes: a reader deleting is a 403;
 * another tenant's document is a 404, exactly as a missing one (never a 403, which would tell it
 * exists); the remote client gets the engine's exceptions back; a search over the server's top-k
 * limit is refused before the engine runs; and the search's latency shows in the metrics, by route
 * template.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerAccessTest {

  @TempDir static Path dir;
  ServerFixture fixture;
  SoloServer server;
  final OkHttpClient http = ServerFixture.http();

  @BeforeAll
  void start() {
    fixture = new ServerFixture(dir.resolve("data"));
    server = fixture.serve(ServerFixture.plain().maxTopK(50).metrics(fixture.metrics).build());
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
  void aReaderDeletingIs403AndNothingIsDeleted() throws Exception {
    Reply r =
        call(http, request(server, "/api/v1/documents/" + ServerFixture.TENANT_A_DOC, fixture.readerAKey).delete().build());
    ServerHttpTest.assertProblem(r, 403, "access-denied");
    assertThat(r.json().get("detail").asString()).contains("reader");
    Reply still = call(http, request(server, "/api/v1/documents/" + ServerFixture.TENANT_A_DOC, fixture.readerAKey).build());
    assertThat(still.status()).isEqualTo(200);
    assertThat(still.json().get("id").asString()).isEqualTo(ServerFixture.TENANT_A_DOC);
  }

  @Test
  void anotherTenantsDocumentIs404LikeAMissingOne() throws Exception {
    Reply other = call(http, request(server, "/api/v1/documents/" + ServerFixture.TENANT_A_DOC, fixture.readerBKey).build());
    ServerHttpTest.assertProblem(other, 404, "not-found");
    assertThat(other.json().get("kind").asString()).isEqualTo("document");
    assertThat(other.json().get("id").asString()).isEqualTo(ServerFixture.TENANT_A_DOC);
    Reply missing = call(http, request(server, "/api/v1/documents/no-such-doc", fixture.readerBKey).build());
    ServerHttpTest.assertProblem(missing, 404, "not-found");
    assertThat(other.json().get("detail").asString())
        .isEqualTo(missing.json().get("detail").asString().replace("no-such-doc", ServerFixture.TENANT_A_DOC));
    // Its text and a writer of tenant A deleting it from tenant B's side: the same 404.
    ServerHttpTest.assertProblem(
        call(http, request(server, "/api/v1/documents/" + ServerFixture.TENANT_B_DOC + "/text", fixture.readerAKey).build()),
        404, "not-found");
    ServerHttpTest.assertProblem(
        call(http, request(server, "/api/v1/documents/" + ServerFixture.TENANT_B_DOC, fixture.writerAKey).delete().build()),
        404, "not-found");
  }

  @Test
  void theRemoteClientGetsTheEnginesExceptions() {
    try (SoloClient readerA = SoloClient.connect(server.uri(), fixture.readerAKey);
        SoloClient readerB = SoloClient.connect(server.uri(), fixture.readerBKey)) {
      assertThatThrownBy(() -> readerA.documents().delete(ServerFixture.TENANT_A_DOC))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(readerB.documents().get(ServerFixture.TENANT_A_DOC)).isEmpty();
      assertThatThrownBy(() -> readerB.documents().text(ServerFixture.TENANT_A_DOC))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(
              () -> readerA.search().search(SearchRequest.builder("refund").limit(51).build()))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("50");
    }
    assertThatThrownBy(() -> SoloClient.connect(server.uri(), "solo_wrong"))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aSearchsLatencyShowsInTheMetricsByRouteTemplate() throws Exception {
    try (SoloClient readerA = SoloClient.connect(server.uri(), fixture.readerAKey)) {
      var hits =
          readerA.search().search(SearchRequest.builder("refund policy").mode(SearchMode.HYBRID).limit(5).build()).hits();
      assertThat(hits).isNotEmpty();
      assertThat(hits).allMatch(h -> h.documentId().equals(ServerFixture.TENANT_A_DOC));
      readerA.documents().get(ServerFixture.TENANT_A_DOC);
    }
    String text = call(http, request(server, "/metrics", fixture.auditorKey).build()).body();
    String search = "solo_http_server_requests_seconds_sum{method=\"POST\",route=\"/api/v1/search\",status=\"200\"} ";
    assertThat(text).contains("solo_http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/search\",status=\"200\"} ");
    double seconds = ServerOpsTest.value(text.lines().filter(l -> l.startsWith(search)).findFirst().orElseThrow(), 
        "solo_http_server_requests_seconds_sum");
    assertThat(seconds).isGreaterThan(0.0).isLessThan(60.0);
    assertThat(text).contains("route=\"/api/v1/documents/{id}\"");
    assertThat(text).doesNotContain("route=\"/api/v1/documents/" + ServerFixture.TENANT_A_DOC + "\"");
  }
}
