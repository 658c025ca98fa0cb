package dev.solosuccess.engine.internal.store;

import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Metadata;

/** What a search hit shows of its chunk and document. */
public record HitRow(Chunk chunk, String source, Metadata metadata) {}
