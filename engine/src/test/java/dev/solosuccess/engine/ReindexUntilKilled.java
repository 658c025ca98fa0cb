package dev.solosuccess.engine;

import java.nio.file.Path;

/**
 * Child JVM of {@link ReindexTest}: re-embeds a data folder with another model, printing {@code
 * PROGRESS <done> <total>} after each staged group, {@code INDEXING} once the store has switched,
 * and {@code DONE} at the end, so that the parent can kill it at a chosen moment.
 */
public final class ReindexUntilKilled {

  private ReindexUntilKilled() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    String model = args[1];
    ReindexSummary summary =
        SoloEngine.reindex(
            EngineConfig.builder(dataDir).embeddingModel(model).inferenceThreads(1).build(),
            new ReindexListener() {
              @Override
              public void progress(ReindexProgress p) {
                System.out.println("PROGRESS " + p.chunksDone() + " " + p.chunks());
                System.out.flush();
              }

              @Override
              public void indexing(long documents) {
                System.out.println("INDEXING " + documents);
                System.out.flush();
              }
            });
    System.out.println("DONE " + summary.reembedded());
    System.out.flush();
  }
}
