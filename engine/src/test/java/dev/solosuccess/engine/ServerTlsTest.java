package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.TlsVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS from a PKCS12 key store made at test time with this JDK's keytool: under the default floor a
 * TLS 1.3 client is served and a TLS 1.2-only client is refused in the handshake; with TLS 1.2
 * allowed the same client is served (so the refusal is the floor's doing); a wrong key store
 * password is a clear error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerTlsTest {

  private static final String PASSWORD = "changeit-" + System.nanoTime();

  @TempDir static Path dir;
  ServerFixture fixture;
  Path keyStore;
  X509TrustManager trust;

  @BeforeAll
  void setUp() throws Exception {
    fixture = new ServerFixture(dir.resolve("data"));
    keyStore = ServerFixture.keyStore(dir, PASSWORD);
    trust = ServerFixture.trusting(keyStore, PASSWORD);
  }

  @AfterAll
  void tearDown() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private ServerConfig.Builder tls() {
    return ServerConfig.builder().port(0).keyStore(keyStore, PASSWORD.toCharArray());
  }

  @Test
  void tls13IsServedAndTls12IsRefusedByDefault() throws Exception {
    try (SoloServer server = fixture.serve(tls().build())) {
      assertThat(server.uri().getScheme()).isEqualTo("https");
      assertThat(handshake(server, "TLSv1.3")).isEqualTo("TLSv1.3");
      assertThatThrownBy(() -> handshake(server, "TLSv1.2")).isInstanceOf(SSLException.class);

      assertThat(get(server, TlsVersion.TLS_1_3, fixture.readerAKey)).isEqualTo(200);
      assertThatThrownBy(() -> get(server, TlsVersion.TLS_1_2, fixture.readerAKey))
          .isInstanceOf(IOException.class);
      // Keys are checked over TLS as over HTTP.
      assertThat(get(server, TlsVersion.TLS_1_3, null)).isEqualTo(401);
    }
  }

  @Test
  void tls12ClientsAreServedWhenAllowed() throws Exception {
    try (SoloServer server = fixture.serve(tls().allowTls12(true).build())) {
      assertThat(handshake(server, "TLSv1.2")).isEqualTo("TLSv1.2");
      assertThat(get(server, TlsVersion.TLS_1_2, fixture.readerAKey)).isEqualTo(200);
    }
  }

  @Test
  void aWrongKeyStorePasswordIsAClearError() {
    ServerConfig config =
        ServerConfig.builder().port(0).keyStore(keyStore, "wrong".toCharArray()).build();
    assertThatThrownBy(() -> fixture.serve(config))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("server.p12")
        .hasMessageNotContaining("wrong");
  }

  /** A raw handshake offering only {@code protocol}; the protocol the session agreed on. */
  private String handshake(SoloServer server, String protocol) throws Exception {
    SSLContext ctx = ServerFixture.sslContext(trust, protocol);
    try (SSLSocket socket =
        (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", server.port())) {
      socket.setEnabledProtocols(new String[] {protocol});
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      socket
          .getOutputStream()
          .write("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(reply).startsWith("HTTP/1.1 200");
      return socket.getSession().getProtocol();
    }
  }

  private int get(SoloServer server, TlsVersion version, String key) throws Exception {
    SSLContext ctx = ServerFixture.sslContext(trust, "TLS");
    OkHttpClient http =
        new OkHttpClient.Builder()
            .sslSocketFactory(ctx.getSocketFactory(), trust)
            .connectionSpecs(
                List.of(new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS).tlsVersions(version).build()))
            .build();
    Request.Builder b = new Request.Builder().url(server.uri().resolve("/v1/models").toString());
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    try (Response r = http.newCall(b.build()).execute()) {
      return r.code();
    }
  }
}
