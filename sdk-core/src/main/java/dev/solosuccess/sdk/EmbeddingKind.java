package dev.solosuccess.sdk;

/**
 * What a text is to the embedding model: some models are trained with a different prefix for the
 * two sides of a search (e5: {@code "query: "} and {@code "passage: "}; bge: an instruction before
 * queries only), and embed a text well only with the right one. The engine adds the prefix; the
 * text is passed as is. For models without prefixes both kinds give the same vector.
 */
public enum EmbeddingKind {
  /** A document or chunk to be found: what the engine stores for every ingested chunk. */
  PASSAGE,
  /** A search query: what the engine embeds for vector and hybrid search. */
  QUERY
}
