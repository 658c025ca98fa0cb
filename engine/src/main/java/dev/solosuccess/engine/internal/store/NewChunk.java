package dev.solosuccess.engine.internal.store;

import dev.solosuccess.sdk.Provenance;

/**
 * A chunk of a {@link NewDocument}.
 *
 * @param text the chunk's text, a slice of the document text
 * @param tokens word pieces, without special tokens
 * @param vector its embedding
 */
public record NewChunk(String text, int tokens, Provenance provenance, float[] vector) {}
