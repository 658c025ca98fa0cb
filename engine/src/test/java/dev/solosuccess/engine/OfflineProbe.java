package dev.solosuccess.engine;

import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.Embedding;
import java.nio.file.Path;

/**
 * Child JVM of {@link OfflineTest}: with every socket guarded, opens an engine, ingests, searches
 * and embeds, then reports the connection attempts.
 */
public final class OfflineProbe {

  private OfflineProbe() {}

  public static void main(String[] args) throws Exception {
    NetworkGuard.install();
    try (SoloEngine engine = SoloEngine.open(Path.of(args[0]))) {
      engine.documents()
          .ingest(DocumentSource.ofText("note.txt", "The oat milk comes from Northfield."));
      int hits = engine.search().search("oat milk supplier").hits().size();
      Embedding e = engine.inference().embed("Hello world");
      System.out.println("OK dimension=" + e.dimension() + " hits=" + hits);
    }
    NetworkGuard.report();
  }
}
