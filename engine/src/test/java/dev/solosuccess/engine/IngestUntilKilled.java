package dev.solosuccess.engine;

import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import java.nio.file.Path;

/**
 * Child JVM of {@link DurabilityTest}: ingests small documents forever, printing {@code ACK <id>
 * <sha256> <marker>} after each call returns, until it is killed.
 */
public final class IngestUntilKilled {

  private IngestUntilKilled() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    int round = Integer.parseInt(args[1]);
    SoloEngine engine = SoloEngine.open(dataDir); // never closed: the parent kills us
    for (int i = 0; ; i++) {
      String marker = "zq" + round + "x" + i + "k";
      Document d =
          engine.documents()
              .ingest(
                  DocumentSource.ofText(
                      "round-" + round + "/doc-" + i + ".txt",
                      "Delivery note " + i + " of round " + round + ". Reference " + marker
                          + ". The courier left the crates at the loading dock."));
      System.out.println("ACK " + d.id() + " " + d.sha256() + " " + marker);
      System.out.flush();
    }
  }
}
