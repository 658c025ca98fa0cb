package dev.solosuccess.examples;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.ServerConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.engine.SoloServer;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SoloClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The README's remote client: the same code as the quick start, against a {@code solo serve}
 * instead of an engine in the process. To be self-contained it starts the server itself, on
 * loopback with plain HTTP (allowed there only, and only when asked), on a fresh data folder whose
 * first principal it adds; a real deployment runs {@code solo serve} with TLS and hands the client
 * a URL and a key.
 *
 * <p>Run from the repository root: {@code java ... dev.solosuccess.examples.RemoteClient
 * [emptyDataDir] [documents]}; defaults a new temporary folder and {@code examples/data}.
 */
public final class RemoteClient {

  private RemoteClient() {}

  public static void main(String[] args) throws IOException {
    Path dataDir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("solo-remote");
    Path documents = Path.of(args.length > 1 ? args[1] : "examples/data");
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(dataDir).build())) {
      String apiKey =
          engine.users().add("app", Role.ADMIN, Set.of(),
              PrincipalKind.SERVICE).apiKey();
      try (SoloServer server =
          SoloServer.start(engine, ServerConfig.builder().port(0).allowPlainHttp().build())) {
        URI url = server.uri();
        System.out.println("Serving on " + url);
        // README:begin
        try (SoloClient solo = SoloClient.connect(url, apiKey)) {
          IngestSummary summary = solo.documents().ingest(IngestRequest.of(documents));
          System.out.printf("Ingested %d documents (%d chunks) as %s%n",
              summary.ingested().size(), summary.chunks(), solo.principal().name());

          for (SearchHit hit : solo.search().search("How many vacation days do new hires get?").hits()) {
            System.out.printf("%d. %.4f %s%n   %s%n",
                hit.rank(), hit.score(), hit.source(), hit.snippet());
          }
        }
        // README:end
      }
    }
  }
}
