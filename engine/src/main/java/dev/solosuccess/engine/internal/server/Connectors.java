package dev.solosuccess.engine.internal.server;

import dev.solosuccess.engine.ServerConfig;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The one connector of the server: TLS from a PKCS12 key store (TLS 1.3 only unless 1.2 is
 * allowed), or plain HTTP, which {@link ServerConfig} allows on loopback only. Stateless.
 */
final class Connectors {

  /** The protocols of the default floor. */
  static final String[] TLS13 = {"TLSv1.3"};

  private static final String[] TLS12_AND_13 = {"TLSv1.3", "TLSv1.2"};

  private Connectors() {}

  static Connector create(Server server, HttpConfiguration http, ServerConfig config) {
    ServerConnector connector;
    if (config.plainHttp()) {
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
    } else {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(config.keyStore().orElseThrow().toAbsolutePath().toString());
      ssl.setKeyStoreType("PKCS12");
      char[] password = config.keyStorePassword().orElseThrow();
      ssl.setKeyStorePassword(new String(password));
      java.util.Arrays.fill(password, '\0');
      ssl.setIncludeProtocols(config.allowTls12() ? TLS12_AND_13 : TLS13);
      HttpConfiguration https = new HttpConfiguration(http);
      https.addCustomizer(new SecureRequestCustomizer());
      connector =
          new ServerConnector(
              server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    }
    connector.setHost(config.bindAddress().getHostAddress());
    connector.setPort(config.port());
    connector.setIdleTimeout(config.idleTimeout().toMillis());
    return connector;
  }
}
