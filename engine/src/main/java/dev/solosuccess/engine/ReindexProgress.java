package dev.solosuccess.engine;

import java.time.Duration;

/**
 * How far a re-embedding is.
 *
 * @param chunksDone chunks re-embedded so far
 * @param chunks chunks in all
 * @param cachedChunks of those done, chunks whose vectors came from the embedding cache
 * @param elapsed time since the re-embedding began
 */
public record ReindexProgress(long chunksDone, long chunks, long cachedChunks, Duration elapsed) {}
