package dev.solosuccess.sdk;

import java.util.List;

/**
 * Local model inference. Thread-safe; calls from many threads share one model session.
 */
public interface InferenceService {

  /** The embedding model this engine uses for documents and queries. */
  ModelInfo embeddingModel();

  /**
   * Embeds one text. Text longer than the model's input limit is truncated to it.
   *
   * @throws InvalidInputException if the text is blank
   * @throws ModelException if the model fails
   */
  Embedding embed(String text);

  /**
   * Embeds many texts, in the order given. Batching is the engine's business: the vector of a text
   * does not depend on which other texts share its call.
   *
   * @throws InvalidInputException if any text is blank (nothing is embedded then)
   * @throws ModelException if the model fails
   */
  List<Embedding> embedAll(List<String> texts);
}
