package dev.solosuccess.index;

/**
 * A chunk found by one retriever.
 *
 * @param chunkId the chunk
 * @param documentId its document
 * @param score BM25 score for text search, similarity for vector search; higher is better
 */
public record ScoredChunk(String chunkId, String documentId, double score) {}
