package dev.solosuccess.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of {@link SoloEngine#reindex}: the data folder's chunks re-embedded from their stored
 * text with another model, and its search index rebuilt.
 *
 * @param fromModel the model the data folder was built with
 * @param fromDimension its vector length
 * @param toModel the model the data folder now records
 * @param toDimension its vector length
 * @param reembedded false when the data folder already had this model (nothing was done)
 * @param documents documents of the data folder
 * @param chunks chunks re-embedded
 * @param cachedChunks of those, chunks whose vectors came from the embedding cache
 * @param truncatedChunks chunks longer than the new model's input, embedded from their beginning
 *     (chunks were cut for the old model's tokenizer and limit; re-ingesting re-cuts them)
 * @param elapsed wall time
 */
public record ReindexSummary(
    String fromModel,
    int fromDimension,
    String toModel,
    int toDimension,
    boolean reembedded,
    long documents,
    long chunks,
    long cachedChunks,
    long truncatedChunks,
    Duration elapsed) {

  public ReindexSummary {
    Objects.requireNonNull(fromModel, "fromModel");
    Objects.requireNonNull(toModel, "toModel");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
