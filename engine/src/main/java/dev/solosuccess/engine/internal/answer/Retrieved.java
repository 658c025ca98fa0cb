package dev.solosuccess.engine.internal.answer;

import dev.solosuccess.sdk.Chunk;

/**
 * A chunk that search returned for a question, with its document's source.
 *
 * @param number its number in a prompt's context, 1-based, in rank order
 */
record Retrieved(int number, Chunk chunk, String source) {}
