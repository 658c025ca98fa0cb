package dev.solosuccess.sdk;

import java.util.List;
import java.util.Map;

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

  /**
   * An extractive summary of a stored document: its most central sentences (those closest to the
   * centroid of all its sentences' embeddings, near-duplicates left out), in document order, each
   * with its offsets into the document's extracted text.
   *
   * @param sentences how many sentences to pick, 1 to 50; fewer if the document has fewer
   * @throws NotFoundException if there is no such document
   * @throws InvalidInputException if {@code sentences} is out of range
   */
  Summary summarize(String documentId, int sentences);

  /**
   * Zero-shot classification: ranks labels by the cosine similarity between the text's embedding
   * and each label's description, with no training. Descriptions work best as short sentences of
   * what a text of that label is about ("a complaint about a late or missing delivery").
   *
   * @param labels label name to description, 2 to 100 labels
   * @throws InvalidInputException if the text or a description is blank, or the label count is out
   *     of range
   */
  ZeroShotResult classifyZeroShot(String text, Map<String, String> labels);
}
