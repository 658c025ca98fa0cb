package dev.solosuccess.examples;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.SearchHit;
import java.nio.file.Path;

/**
 * The README's quick start: open an engine on a data folder, ingest a folder of documents, search.
 *
 * <p>Run from the repository root: {@code java ... dev.solosuccess.examples.QuickStart [dataDir]
 * [documents]}; defaults {@code solo-data} and {@code examples/data}.
 */
public final class QuickStart {

  private QuickStart() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(args.length > 0 ? args[0] : "solo-data");
    Path documents = Path.of(args.length > 1 ? args[1] : "examples/data");
    // README:begin
    try (SoloEngine solo = SoloEngine.open(EngineConfig.builder(dataDir).build())) {
      IngestSummary summary = solo.documents().ingest(IngestRequest.of(documents));
      System.out.printf("Ingested %d documents (%d chunks)%n",
          summary.ingested().size(), summary.chunks());

      for (SearchHit hit : solo.search().search("How many vacation days do new hires get?").hits()) {
        System.out.printf("%d. %.4f %s%n   %s%n",
            hit.rank(), hit.score(), hit.source(), hit.snippet());
      }
    }
    // README:end
  }
}
