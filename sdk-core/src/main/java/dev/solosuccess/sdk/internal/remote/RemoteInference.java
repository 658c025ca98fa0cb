package dev.solosuccess.sdk.internal.remote;

import dev.solosuccess.sdk.Answer;
import dev.solosuccess.sdk.AnswerOptions;
import dev.solosuccess.sdk.Classification;
import dev.solosuccess.sdk.ClassifierReport;
import dev.solosuccess.sdk.ClassifierTraining;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.InferenceService;
import dev.solosuccess.sdk.ModelInfo;
import dev.solosuccess.sdk.Redaction;
import dev.solosuccess.sdk.RedactionOptions;
import dev.solosuccess.sdk.Summary;
import dev.solosuccess.sdk.ZeroShotResult;
import dev.solosuccess.sdk.internal.wire.WireMessages;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;

/**
 * {@link InferenceService} over {@code /api/v1}: the models run on the server; vectors come back
 * bit for bit as the server's engine made them. Thread-safe.
 */
final class RemoteInference implements InferenceService {

  private static final TypeReference<List<Embedding>> EMBEDDINGS = new TypeReference<>() {};
  private static final TypeReference<List<Classification>> CLASSIFICATIONS =
      new TypeReference<>() {};
  private static final TypeReference<List<ClassifierReport>> REPORTS = new TypeReference<>() {};

  private final RemoteHttp http;

  RemoteInference(RemoteHttp http) {
    this.http = http;
  }

  @Override
  public ModelInfo embeddingModel() {
    return http.get(http.url("embedding-model").build(), ModelInfo.class);
  }

  @Override
  public List<Embedding> embedAll(List<String> texts, EmbeddingKind kind) {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(kind, "kind");
    return http.post(http.url("embed").build(), new WireMessages.Embed(texts, kind), EMBEDDINGS);
  }

  @Override
  public Summary summarize(String documentId, int sentences) {
    Objects.requireNonNull(documentId, "documentId");
    return http.post(http.url("summarize").build(),
        new WireMessages.Summarize(documentId, sentences), Summary.class);
  }

  @Override
  public ZeroShotResult classifyZeroShot(String text, Map<String, String> labels) {
    return http.post(http.url("classify", "zero-shot").build(),
        new WireMessages.ZeroShot(text, labels), ZeroShotResult.class);
  }

  @Override
  public ClassifierReport trainClassifier(ClassifierTraining training) {
    Objects.requireNonNull(training, "training");
    return http.post(http.url("classifiers").build(), training, ClassifierReport.class);
  }

  @Override
  public List<Classification> classifyAll(String classifier, List<String> texts) {
    Objects.requireNonNull(texts, "texts");
    return http.post(http.url("classify").build(),
        new WireMessages.Classify(classifier, texts), CLASSIFICATIONS);
  }

  @Override
  public List<ClassifierReport> classifiers() {
    return http.get(http.url("classifiers").build(), REPORTS);
  }

  @Override
  public void deleteClassifier(String name) {
    Objects.requireNonNull(name, "name");
    http.delete(http.url("classifiers", name).build());
  }

  @Override
  public Redaction redact(String text, RedactionOptions options) {
    Objects.requireNonNull(options, "options");
    return http.post(http.url("redact").build(), new WireMessages.Redact(text, options),
        Redaction.class);
  }

  @Override
  public Answer answer(String question, AnswerOptions options) {
    Objects.requireNonNull(options, "options");
    return http.post(http.url("answer").build(), new WireMessages.Ask(question, options),
        Answer.class);
  }
}
