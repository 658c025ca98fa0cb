package dev.solosuccess.engine;

/**
 * Hears how a {@link SoloEngine#reindex re-embedding} goes: for progress displays and logs. Called
 * on the thread that runs the re-embedding; keep it quick. An exception thrown here ends the
 * re-embedding, which leaves the data folder with its old model.
 */
public interface ReindexListener {

  /** A listener that ignores every event. */
  ReindexListener NONE = new ReindexListener() {};

  /**
   * Re-embedding begins.
   *
   * @param fromModel the model the data folder was built with
   * @param toModel the model its chunks are re-embedded with
   * @param chunks chunks to re-embed
   */
  default void started(String fromModel, String toModel, long chunks) {}

  /** A group of chunks was re-embedded (and staged; the data folder still has its old model). */
  default void progress(ReindexProgress progress) {}

  /**
   * Every chunk has its new vector and the data folder now records the new model; the search index
   * is being rebuilt from the store.
   *
   * @param documents documents to index
   */
  default void indexing(long documents) {}
}
