package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.ClosedException;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LimitExceededException;
import dev.solosuccess.sdk.RemoteOptions;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.UpstreamException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the remote client adds to the contract: TLS with a trust store for a self-signed server
 * (and the handshake refused without it), an unreachable server, a bad URI or key, the server's
 * own limits coming back as the engine's exceptions, break-glass views closing on their own, and
 * many threads sharing one client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteClientTest {

  private static final String PASSWORD = "changeit-" + System.nanoTime();

  @TempDir static Path dir;
  ServerFixture fixture;
  Path keyStore;
  SoloServer tls;
  SoloServer plain;

  @BeforeAll
  void setUp() throws Exception {
    fixture = new ServerFixture(dir.resolve("data"));
    keyStore = ServerFixture.keyStore(dir, PASSWORD);
    tls = fixture.serve(ServerConfig.builder().port(0).keyStore(keyStore, PASSWORD.toCharArray()).build());
    // a rate limit far above what 8 threads ask: this class tests the client, not the limiter
    plain = fixture.serve(ServerFixture.plain().maxTopK(50).rateLimit(100_000, Duration.ofSeconds(1)).build());
  }

  @AfterAll
  void tearDown() {
    for (AutoCloseable c : new AutoCloseable[] {tls, plain, fixture}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void tlsWithTheServersCertificateInATrustStore() throws Exception {
    URI uri = URI.create("https://localhost:" + tls.port());
    RemoteOptions trusting = RemoteOptions.builder()
        .trustStore(keyStore, PASSWORD.toCharArray()).readTimeout(Duration.ofSeconds(30)).build();
    try (SoloClient solo = SoloClient.connect(uri, fixture.readerAKey, trusting)) {
      assertThat(solo.principal().name()).isEqualTo("reader-a");
      assertThat(solo.documents().text(ServerFixture.TENANT_A_DOC)).contains("refund");
    }
    // the certificate alone, as PEM, is enough
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (var in = java.nio.file.Files.newInputStream(keyStore)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    Path pem = dir.resolve("server.pem");
    java.nio.file.Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
        + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
            ks.getCertificate(ks.aliases().nextElement()).getEncoded())
        + "\n-----END CERTIFICATE-----\n");
    try (SoloClient solo = SoloClient.connect(uri, fixture.readerAKey,
        RemoteOptions.builder().trustCertificates(pem).build())) {
      assertThat(solo.documents().text(ServerFixture.TENANT_A_DOC)).contains("refund");
    }
    assertThatThrownBy(() -> RemoteOptions.builder().trustCertificates(dir.resolve("data")))
        .isInstanceOf(InvalidInputException.class);
    // the JDK's roots do not know a self-signed certificate: the handshake fails, clearly
    assertThatThrownBy(() -> SoloClient.connect(uri, fixture.readerAKey))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("cannot reach the server");
    assertThatThrownBy(() -> RemoteOptions.builder().trustStore(dir.resolve("none.p12"), new char[0]))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("none.p12");
  }

  @Test
  void badUrisKeysAndUnreachableServers() throws Exception {
    assertThatThrownBy(() -> SoloClient.connect(URI.create("ftp://localhost/"), fixture.adminKey))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("ftp://localhost/");
    assertThatThrownBy(() -> SoloClient.connect(plain.uri(), " "))
        .isInstanceOf(InvalidInputException.class).hasMessage("the API key must not be blank");
    assertThatThrownBy(() -> SoloClient.connect(plain.uri(), "solo_wrong"))
        .isInstanceOf(AccessDeniedException.class);
    int free;
    try (ServerSocket s = new ServerSocket(0)) {
      free = s.getLocalPort();
    }
    assertThatThrownBy(() -> SoloClient.connect(URI.create("http://127.0.0.1:" + free), fixture.adminKey,
        RemoteOptions.builder().connectTimeout(Duration.ofSeconds(2)).build()))
        .isInstanceOf(UpstreamException.class)
        .satisfies(e -> assertThat(((UpstreamException) e).retriable()).isTrue());
    assertThatThrownBy(() -> RemoteOptions.builder().readTimeout(Duration.ZERO).build())
        .isInstanceOf(InvalidInputException.class).hasMessage("readTimeout must be positive, got PT0S");
  }

  @Test
  void theServersLimitsComeBackAsTheEnginesExceptions() {
    try (SoloClient solo = SoloClient.connect(plain.uri(), fixture.readerAKey)) {
      assertThatThrownBy(() -> solo.search().search(SearchRequest.builder("refund").limit(51).build()))
          .isInstanceOf(LimitExceededException.class)
          .hasMessage("limit must be at most 50 on this server, got 51")
          .satisfies(e -> assertThat(((LimitExceededException) e).limitName()).isEqualTo("maxTopK"));
      assertThat(solo.search().search(SearchRequest.builder("refund").limit(50).build()).hits()).isNotEmpty();
    }
  }

  @Test
  void aBatchOverTheServersRequestLimitGoesFileByFileAndAnOversizeFileIsSkipped() throws Exception {
    Path folder = dir.resolve("limited");
    java.nio.file.Files.createDirectories(folder);
    for (int i = 0; i < 3; i++) {
      java.nio.file.Files.writeString(folder.resolve("small-" + i + ".txt"),
          ("Ward round note " + i + " about fluids and mobility. ").repeat(500)); // ~25 KiB
    }
    // 2.4 MB against a 64 KiB limit: refused before it is sent, not a broken pipe halfway
    java.nio.file.Files.writeString(folder.resolve("zz-large.txt"), "Large discharge letter. ".repeat(100_000));
    try (SoloServer limited = fixture.serve(ServerFixture.plain().maxRequestBytes(64 << 10).build());
        SoloClient solo = SoloClient.connect(limited.uri(), fixture.writerAKey)) {
      List<String> skippedEvents = new ArrayList<>();
      dev.solosuccess.sdk.IngestSummary s = solo.documents().ingest(
          dev.solosuccess.sdk.IngestRequest.builder().path(folder)
              .listener(new dev.solosuccess.sdk.IngestListener() {
                @Override
                public void skipped(dev.solosuccess.sdk.SkippedFile f, dev.solosuccess.sdk.IngestProgress p) {
                  skippedEvents.add(Path.of(f.source()).getFileName() + " " + f.code() + " " + p.done() + "/" + p.total());
                }
              }).build());
      assertThat(s.ingested()).hasSize(3);
      assertThat(s.skipped()).singleElement().satisfies(f -> {
        assertThat(f.source()).endsWith("zz-large.txt");
        assertThat(f.code()).isEqualTo("limit-exceeded");
      });
      assertThat(skippedEvents).containsExactly("zz-large.txt limit-exceeded 4/4");
    }
  }

  @Test
  void breakGlassViewsCloseOnTheirOwnAndWithTheirParent() throws Exception {
    SoloClient reader = SoloClient.connect(plain.uri(), fixture.readerBKey);
    SoloClient glass = reader.breakGlass("unconscious patient", Duration.ofMinutes(1));
    assertThat(glass.documents().text(ServerFixture.TENANT_A_DOC)).contains("refund");
    glass.close();
    assertThatThrownBy(() -> glass.documents().count()).isInstanceOf(ClosedException.class);
    assertThat(reader.documents().count()).isEqualTo(1); // the parent stays open
    SoloClient again = reader.breakGlass("still unconscious", Duration.ofMinutes(1));
    reader.close();
    assertThatThrownBy(() -> again.documents().count()).isInstanceOf(ClosedException.class);
    // a session's token is bound to the principal that started it
    okhttp3.OkHttpClient http = ServerFixture.http();
    ServerFixture.Reply started = ServerFixture.call(http, ServerFixture.request(plain,
        "/api/v1/break-glass", fixture.readerBKey).post(ServerFixture.json(
            ServerFixture.map("reason", "unconscious patient", "ttl", "PT1M"))).build());
    assertThat(started.status()).isEqualTo(201);
    String token = started.json().get("token").asString();
    String path = "/api/v1/documents/" + ServerFixture.TENANT_A_DOC + "/text";
    ServerFixture.Reply stolen = ServerFixture.call(http, ServerFixture.request(plain, path,
        fixture.writerAKey)
        .header("X-Solo-Break-Glass", token).build());
    assertThat(stolen.status()).isEqualTo(403);
    assertThat(stolen.body()).doesNotContain("refund");
    ServerFixture.Reply own = ServerFixture.call(http, ServerFixture.request(plain, path,
        fixture.readerBKey).header("X-Solo-Break-Glass", token).build());
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body()).contains("refund");
  }

  @Test
  void oneClientServesManyThreads() throws Exception {
    try (SoloClient solo = SoloClient.connect(plain.uri(), fixture.writerAKey)) {
      SoloClient local = fixture.engine.authenticate(fixture.writerAKey);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int thread = t;
          done.add(pool.submit(() -> {
            for (int i = 0; i < 5; i++) {
              String text = "thread " + thread + " call " + i + " about refunds";
              Embedding remote = solo.inference().embed(text);
              assertThat(remote).isEqualTo(local.inference().embed(text));
              String id = "t" + thread + "-" + i;
              solo.documents().ingest(DocumentSource.ofText(id + ".txt", text).withId(id));
              assertThat(solo.documents().get(id)).isPresent();
              solo.documents().delete(id);
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
