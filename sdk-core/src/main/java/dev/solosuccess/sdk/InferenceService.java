package dev.solosuccess.sdk;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Local model inference. Thread-safe; calls from many threads share one model session.
 *
 * <p>Vectors are made exactly as the engine makes them for search: {@link EmbeddingKind#PASSAGE}
 * as for stored chunks, {@link EmbeddingKind#QUERY} as for search queries, each with the model's
 * prefix for that kind (if it has one). The one-argument methods embed passages.
 *
 * <pre>{@code
 * float[] q = engine.inference().embed("vacation days for new hires", EmbeddingKind.QUERY).vector();
 * }</pre>
 */
public interface InferenceService {

  /** The embedding model this engine uses for documents and queries. */
  ModelInfo embeddingModel();

  /**
   * Embeds one text as a passage: {@code embed(text, EmbeddingKind.PASSAGE)}.
   *
   * @throws InvalidInputException if the text is blank
   * @throws ModelException if the model fails
   */
  default Embedding embed(String text) {
    return embed(text, EmbeddingKind.PASSAGE);
  }

  /**
   * Embeds one text as a passage or a query. Text longer than the model's input limit (prefix
   * included) is truncated to it.
   *
   * @throws InvalidInputException if the text is blank
   * @throws ModelException if the model fails
   */
  default Embedding embed(String text, EmbeddingKind kind) {
    return embedAll(Collections.singletonList(text), kind).get(0);
  }

  /**
   * Embeds many texts as passages: {@code embedAll(texts, EmbeddingKind.PASSAGE)}.
   *
   * @throws InvalidInputException if any text is blank (nothing is embedded then)
   * @throws ModelException if the model fails
   */
  default List<Embedding> embedAll(List<String> texts) {
    return embedAll(texts, EmbeddingKind.PASSAGE);
  }

  /**
   * Embeds many texts of one kind, in the order given. Batching is the engine's business: the
   * vector of a text does not depend on which other texts share its call (exactly for fp32 models;
   * int8 models scale activations per batch, so their vectors drift slightly).
   *
   * @throws InvalidInputException if any text is blank (nothing is embedded then)
   * @throws ModelException if the model fails
   */
  List<Embedding> embedAll(List<String> texts, EmbeddingKind kind);

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

  /**
   * Trains a classifier on labelled texts and keeps it in the data folder under its name (replacing
   * one of that name). The texts are embedded with this engine's embedding model and a softmax
   * layer is trained on their vectors; see {@link ClassifierTraining} for the held-out split and
   * what the report measures.
   *
   * <pre>{@code
   * ClassifierReport r = engine.inference().trainClassifier("tickets", List.of(
   *     new LabeledText("Where is my parcel?", "shipping"),
   *     new LabeledText("I want my money back", "refund"), ...));
   * System.out.printf("held-out accuracy %.3f, macro-F1 %.3f%n", r.accuracy(), r.macroF1());
   * }</pre>
   *
   * @throws InvalidInputException if the training is not acceptable (see {@link
   *     ClassifierTraining})
   * @throws ModelException if the embedding model or PyTorch fails
   * @throws StorageException if the classifier cannot be saved (an existing one is then kept)
   */
  ClassifierReport trainClassifier(ClassifierTraining training);

  /**
   * Trains a classifier with the default settings: {@code
   * trainClassifier(ClassifierTraining.builder(name, examples).build())}.
   */
  default ClassifierReport trainClassifier(String name, List<LabeledText> examples) {
    return trainClassifier(ClassifierTraining.builder(name, examples).build());
  }

  /**
   * Labels a text with the classifier named {@value ClassifierTraining#DEFAULT_NAME}: {@code
   * classify(ClassifierTraining.DEFAULT_NAME, text)}.
   */
  default Classification classify(String text) {
    return classify(ClassifierTraining.DEFAULT_NAME, text);
  }

  /**
   * Labels a text with a trained classifier: every label with its probability, most probable
   * first.
   *
   * @throws NotFoundException if there is no classifier of that name
   * @throws InvalidInputException if the text is blank, or the classifier was trained under another
   *     embedding model than this engine's
   */
  default Classification classify(String classifier, String text) {
    return classifyAll(classifier, Collections.singletonList(text)).get(0);
  }

  /**
   * Labels many texts with a trained classifier, in the order given.
   *
   * @throws NotFoundException if there is no classifier of that name
   * @throws InvalidInputException if any text is blank (nothing is classified then), or the
   *     classifier was trained under another embedding model than this engine's
   */
  List<Classification> classifyAll(String classifier, List<String> texts);

  /** The trained classifiers of this data folder, by name. */
  List<ClassifierReport> classifiers();

  /**
   * Deletes a trained classifier.
   *
   * @throws NotFoundException if there is no classifier of that name
   */
  void deleteClassifier(String name);

  /**
   * Finds the protected health information in a text and masks it: {@code redact(text,
   * RedactionOptions.defaults())}.
   *
   * <pre>{@code
   * Redaction r = engine.inference().redact("Pt John Smith, DOB 03/04/1950, MRN 00123456");
   * r.text();   // "Pt [NAME], DOB [DATE], MRN [MRN]"
   * }</pre>
   *
   * @throws InvalidInputException if the text is null
   */
  default Redaction redact(String text) {
    return redact(text, RedactionOptions.defaults());
  }

  /**
   * Finds the Safe Harbor identifiers of {@link PhiType} in a text and replaces them as the options
   * say (masks, pseudonyms consistent within the text, or keyed hashes). Detection is by rules:
   * patterns with checksums where identifiers have them (SSN rules, Luhn, VIN check digit, NPI),
   * context words ("MRN", "DOB", "fax"), and names from US Census name lists with capitalization
   * and context rules. It runs in the caller's thread, needs no model, and never logs the text.
   * Recall is high but not perfect: review what must be certain.
   *
   * @throws InvalidInputException if the text is null or longer than 10 million characters
   */
  Redaction redact(String text, RedactionOptions options);

  /**
   * Answers a question from the ingested documents with the default options: {@code
   * answer(question, AnswerOptions.defaults())}.
   */
  default Answer answer(String question) {
    return answer(question, AnswerOptions.defaults());
  }

  /**
   * Answers a question from the ingested documents: hybrid search retrieves chunks (through {@link
   * SearchService}, so whatever limits the caller's search limits this too), the sentences that
   * best support the question make the extractive answer, with a confidence; when the options ask
   * for it and the engine has an LLM fallback configured, the chat model writes the answer from
   * the numbered (redacted) chunks instead, cited by number.
   *
   * <pre>{@code
   * Answer a = engine.inference().answer("How many vacation days do new hires get?");
   * System.out.println(a.text() + " (" + a.citations().get(0).source() + ")");
   * }</pre>
   *
   * @throws InvalidInputException if the question is blank or longer than {@value
   *     SearchRequest#MAX_QUERY_LENGTH} characters
   * @throws UpstreamException if the chat model was asked and failed
   */
  Answer answer(String question, AnswerOptions options);
}
