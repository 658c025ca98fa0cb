package dev.solosuccess.engine;

import dev.solosuccess.sdk.SoloClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * The {@link SoloClientContract} for the remote client: a real {@link SoloServer} on loopback
 * (plain HTTP; TLS has its own test) in front of the class's engine, and {@link
 * SoloClient#connect} through it.
 */
class RemoteContractTest extends SoloClientContract {

  private SoloServer server;
  private final List<SoloClient> opened = new ArrayList<>();

  @Override
  protected void started() {
    server = SoloServer.start(engine, ServerConfig.builder().port(0).allowPlainHttp().build());
  }

  @Override
  protected SoloClient connect(String apiKey) {
    SoloClient c = SoloClient.connect(server.uri(), apiKey);
    opened.add(c);
    return c;
  }

  @Override
  protected SoloClient closable() {
    return connect(adminKey);
  }

  @AfterAll
  void stopServer() {
    opened.forEach(SoloClient::close);
    if (server != null) {
      server.close();
    }
  }
}
