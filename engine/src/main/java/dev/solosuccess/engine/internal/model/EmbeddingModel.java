package dev.solosuccess.engine.internal.model;

import dev.solosuccess.sdk.EmbeddingKind;
import java.util.List;

/**
 * A loaded sentence-embedding model, whatever runs it (ONNX Runtime, or PyTorch through DJL).
 * Ingest, search and the inference tasks see only this.
 *
 * <p>Implementations are thread-safe, return unit-length vectors when {@link ModelSpec#normalize()}
 * says so, prepend the model's prefix for the {@link EmbeddingKind} before tokenization, and
 * truncate inputs longer than {@link ModelSpec#maxTokens()} (counting them).
 */
public interface EmbeddingModel extends AutoCloseable {

  /** What this model is: id, dimension, pooling, prefixes, limits. */
  ModelSpec spec();

  /** The tokenizer's counts and boundaries, for chunking to the model's limit. */
  Tokenization tokenization();

  /**
   * Word pieces every passage costs beyond its own text: the special tokens and the model's passage
   * prefix. A chunk of at most {@code maxTokens - passageOverheadTokens()} pieces reaches the model
   * whole.
   */
  int passageOverheadTokens();

  /**
   * Vectors of many texts of one kind, in input order.
   *
   * @param texts texts, each embedded independently of the others
   * @param kind passages (what is stored) or queries (what is searched with)
   */
  Embedded embed(List<String> texts, EmbeddingKind kind);

  /** Vectors of passages (chunks, documents): {@code embed(texts, EmbeddingKind.PASSAGE)}. */
  default Embedded embedPassages(List<String> texts) {
    return embed(texts, EmbeddingKind.PASSAGE);
  }

  /** The vector of a search query, with the model's query prefix. */
  default float[] embedQuery(String query) {
    return embed(List.of(query), EmbeddingKind.QUERY).vectors()[0];
  }

  /** Releases the model's native resources. */
  @Override
  void close();

  /**
   * The result of {@link #embed(List, EmbeddingKind)}.
   *
   * @param vectors one vector per input, in input order
   * @param truncated inputs longer than the model's limit, embedded from their beginning
   * @param cached inputs whose vectors came from the embedding cache (or from an equal input of the
   *     same call) instead of a model run
   */
  record Embedded(float[][] vectors, int truncated, int cached) {

    /** A result computed entirely by the model. */
    public Embedded(float[][] vectors, int truncated) {
      this(vectors, truncated, 0);
    }
  }
}
