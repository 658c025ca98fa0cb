package dev.solosuccess.engine.internal.store;

import dev.solosuccess.sdk.Chunk;

/** A chunk read back with its vector, for (re)building the index. */
public record StoredChunk(Chunk chunk, float[] vector) {}
