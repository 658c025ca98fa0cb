package dev.solosuccess.engine;

import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.SoloClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real engine on a temporary data folder with security configured, for the server's tests: an
 * admin, readers of tenant A and of tenant B, a writer of tenant A, an auditor; one document of
 * each tenant. Its {@link ServerMetrics} listens to the engine's model runs. Also makes
 * self-signed PKCS12 key stores with the running JDK's {@code keytool}, and speaks HTTP through
 * OkHttp.
 */
final class ServerFixture implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final MediaType JSON_TYPE = MediaType.get("application/json");
  static final String TENANT_A_DOC = "a-1";
  static final String TENANT_B_DOC = "b-1";

  final SoloEngine engine;
  final ServerMetrics metrics = ServerMetrics.create();
  final String adminKey;
  final String readerAKey;
  final String readerBKey;
  final String writerAKey;
  final String auditorKey;

  ServerFixture(Path dir) {
    engine =
        SoloEngine.open(
            EngineConfig.builder(dir).inferenceListener(metrics.inferenceListener()).build());
    adminKey = engine.users().add("root", Role.ADMIN, Set.of(), PrincipalKind.PERSON).apiKey();
    SoloClient root = engine.authenticate(adminKey);
    readerAKey = root.users().add("reader-a", Role.READER, Set.of("tenant:a"), PrincipalKind.SERVICE).apiKey();
    readerBKey = root.users().add("reader-b", Role.READER, Set.of("tenant:b"), PrincipalKind.SERVICE).apiKey();
    writerAKey = root.users().add("writer-a", Role.WRITER, Set.of("tenant:a"), PrincipalKind.SERVICE).apiKey();
    auditorKey = root.users().add("auditor", Role.AUDITOR, Set.of(), PrincipalKind.PERSON).apiKey();
    root.documents()
        .ingest(
            IngestRequest.builder()
                .source(DocumentSource.ofText("a.txt", "Clinic A refund policy: thirty days.").withId(TENANT_A_DOC))
                .labels(Set.of("tenant:a"))
                .build());
    root.documents()
        .ingest(
            IngestRequest.builder()
                .source(DocumentSource.ofText("b.txt", "Clinic B parking is behind the building.").withId(TENANT_B_DOC))
                .labels(Set.of("tenant:b"))
                .build());
  }

  /** Plain HTTP on loopback, a free port. */
  static ServerConfig.Builder plain() {
    return ServerConfig.builder().port(0).allowPlainHttp();
  }

  SoloServer serve(ServerConfig config) {
    return SoloServer.start(engine, config);
  }

  @Override
  public void close() {
    engine.close();
  }

  /** A self-signed EC key store for CN=localhost, IP 127.0.0.1, made by this JDK's keytool. */
  static Path keyStore(Path dir, String password) throws IOException, InterruptedException {
    Path file = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(), "-genkeypair", "-alias", "solo", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext",
                "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", password, "-keypass", password)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + out);
    }
    return file;
  }

  /** A trust manager that trusts exactly the certificate in {@code keyStore}. */
  static X509TrustManager trusting(Path keyStore, String password) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      ks.load(in, password.toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    return (X509TrustManager) tmf.getTrustManagers()[0];
  }

  static SSLContext sslContext(X509TrustManager trust, String protocol) throws Exception {
    SSLContext ctx = SSLContext.getInstance(protocol);
    ctx.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
    return ctx;
  }

  static OkHttpClient http() {
    return new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();
  }

  /** A response read whole: status, headers, body text. */
  record Reply(int status, okhttp3.Headers headers, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    String contentType() {
      return headers.get("Content-Type");
    }
  }

  static Reply call(OkHttpClient http, Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      return new Reply(r.code(), r.headers(), r.body().string());
    }
  }

  static Request.Builder request(SoloServer server, String path, String key) {
    Request.Builder b = new Request.Builder().url(server.uri().resolve(path).toString());
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return b;
  }

  static RequestBody json(Object body) {
    return RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE);
  }

  static RequestBody json(String raw) {
    return RequestBody.create(raw, JSON_TYPE);
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static List<String> list(String... values) {
    return List.of(values);
  }
}
