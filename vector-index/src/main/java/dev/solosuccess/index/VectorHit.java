package dev.solosuccess.index;

/**
 * A vector found by a search.
 *
 * @param id the entry's id
 * @param score the similarity (dot product or cosine) of the entry and the query; higher is closer
 */
public record VectorHit(String id, double score) {}
