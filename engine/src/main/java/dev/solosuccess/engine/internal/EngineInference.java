package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.classify.Classifiers;
import dev.solosuccess.engine.internal.security.Caller;
import dev.solosuccess.engine.internal.security.Permission;
import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.engine.internal.model.EmbeddingModel;
import dev.solosuccess.engine.internal.phi.Deidentifier;
import dev.solosuccess.sdk.Redaction;
import dev.solosuccess.sdk.RedactionOptions;
import dev.solosuccess.sdk.Classification;
import dev.solosuccess.sdk.ClassifierReport;
import dev.solosuccess.sdk.ClassifierTraining;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.InferenceService;
import dev.solosuccess.engine.internal.inference.Summarizer;
import dev.solosuccess.engine.internal.inference.ZeroShotClassifier;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.Summary;
import dev.solosuccess.sdk.ZeroShotResult;
import java.util.Map;
import dev.solosuccess.sdk.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link InferenceService} of an in-process engine for one caller: readers, writers and admins
 * (training and deleting classifiers: writers and admins); a summary reads only documents the
 * caller sees. Thread-safe.
 */
public final class EngineInference implements InferenceService {

  /** Most texts per call: enough for any batch job, bounded so one call cannot exhaust memory. */
  static final int MAX_TEXTS = 100_000;

  private final Lifecycle lifecycle;
  private final EmbeddingModel model;
  private final ModelInfo info;
  private final MetadataStore store;
  private final Summarizer summarizer;
  private final ZeroShotClassifier zeroShot;
  private final Classifiers classifiers;
  private final Deidentifier deidentifier;
  private final Auditor auditor;
  private final Caller caller;
  private final dev.solosuccess.engine.internal.answer.Answerer answerer;

  public EngineInference(
      Lifecycle lifecycle,
      EmbeddingModel model,
      MetadataStore store,
      Classifiers classifiers,
      Deidentifier deidentifier,
      Auditor auditor,
      Caller caller,
      dev.solosuccess.engine.internal.answer.Answerer answerer) {
    this.auditor = auditor;
    this.caller = caller;
    this.answerer = answerer;
    this.lifecycle = lifecycle;
    this.deidentifier = deidentifier;
    this.model = model;
    this.store = store;
    this.classifiers = classifiers;
    this.summarizer = new Summarizer(model);
    this.zeroShot = new ZeroShotClassifier(model);
    ModelSpec spec = model.spec();
    this.info = new ModelInfo(spec.id(), spec.dimension(), spec.maxTokens());
  }

  @Override
  public ModelInfo embeddingModel() {
    caller.require(Permission.READ);
    return info;
  }

  @Override
  public List<Embedding> embedAll(List<String> texts, EmbeddingKind kind) {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(kind, "kind");
    return lifecycle.call(
        () ->
            auditor.call(
                "inference.embed",
                List.of(),
                () -> {
                  caller.require(Permission.READ);
                  checkTexts(texts, "embed");
                  if (texts.isEmpty()) {
                    return List.of();
                  }
                  float[][] vectors = model.embed(texts, kind).vectors();
                  List<Embedding> out = new ArrayList<>(vectors.length);
                  for (float[] v : vectors) {
                    out.add(new Embedding(info.id(), v));
                  }
                  return out;
                },
                r ->
                    Auditor.Entry.none()
                        .with("texts", r.size())
                        .with("kind", kind.name().toLowerCase(java.util.Locale.ROOT))));
  }

  /** Most sentences a summary may pick. */
  static final int MAX_SUMMARY_SENTENCES = 50;

  /** Most labels of one zero-shot call. */
  static final int MAX_LABELS = 100;

  @Override
  public Summary summarize(String documentId, int sentences) {
    Objects.requireNonNull(documentId, "documentId");
    return lifecycle.call(
        () ->
            auditor.call(
                "inference.summarize",
                List.of(documentId),
                () -> {
                  caller.require(Permission.READ);
                  if (sentences < 1 || sentences > MAX_SUMMARY_SENTENCES) {
                    throw new InvalidInputException(
                        "sentences must be in 1.." + MAX_SUMMARY_SENTENCES + ", got " + sentences);
                  }
                  // A document the caller cannot see is answered as one that does not exist.
                  String text =
                      store.text(documentId)
                          .filter(t -> caller.sees(store.labels(documentId)))
                          .orElseThrow(() -> new NotFoundException("document", documentId));
                  return summarizer.summarize(documentId, text, sentences);
                },
                r ->
                    Auditor.Entry.of(List.of(documentId))
                        .with("sentences", r.sentences().size())));
  }

  @Override
  public ZeroShotResult classifyZeroShot(String text, Map<String, String> labels) {
    Objects.requireNonNull(labels, "labels");
    return lifecycle.call(
        () ->
            auditor.call(
                "inference.classify-zero-shot",
                List.of(),
                () -> {
                  caller.require(Permission.READ);
                  if (text == null || text.isBlank()) {
                    throw new InvalidInputException("the text to classify must not be blank");
                  }
                  if (labels.size() < 2 || labels.size() > MAX_LABELS) {
                    throw new InvalidInputException(
                        "zero-shot classification needs 2.." + MAX_LABELS + " labels, got "
                            + labels.size());
                  }
                  for (Map.Entry<String, String> e : labels.entrySet()) {
                    if (e.getKey() == null || e.getKey().isBlank()) {
                      throw new InvalidInputException("label names must not be blank");
                    }
                    if (e.getValue() == null || e.getValue().isBlank()) {
                      throw new InvalidInputException(
                          "the description of label '" + e.getKey() + "' must not be blank");
                    }
                  }
                  return zeroShot.classify(text, labels);
                },
                r -> Auditor.Entry.none().with("labels", labels.size())));
  }

  @Override
  public ClassifierReport trainClassifier(ClassifierTraining training) {
    Objects.requireNonNull(training, "training");
    return lifecycle.call(
        () ->
            auditor.call(
                "classifier.train",
                List.of(),
                () -> {
                  caller.require(Permission.WRITE);
                  return classifiers.train(training);
                },
                r ->
                    Auditor.Entry.none()
                        .with("classifier", r.name())
                        .with("examples", r.examples())));
  }

  @Override
  public List<Classification> classifyAll(String classifier, List<String> texts) {
    Objects.requireNonNull(texts, "texts");
    return lifecycle.call(
        () ->
            auditor.call(
                "inference.classify",
                List.of(),
                () -> {
                  caller.require(Permission.READ);
                  ClassifierTraining.checkName(classifier);
                  checkTexts(texts, "classify");
                  return classifiers.classify(classifier, texts);
                },
                r ->
                    Auditor.Entry.none().with("classifier", classifier).with("texts", r.size())));
  }

  @Override
  public List<ClassifierReport> classifiers() {
    return lifecycle.call(
        () ->
            auditor.call(
                "classifier.list",
                List.of(),
                () -> {
                  caller.require(Permission.READ);
                  return classifiers.list();
                },
                r -> Auditor.Entry.none().with("classifiers", r.size())));
  }

  @Override
  public void deleteClassifier(String name) {
    lifecycle.run(
        () ->
            auditor.run(
                "classifier.delete",
                List.of(),
                () -> {
                  caller.require(Permission.WRITE);
                  ClassifierTraining.checkName(name);
                  classifiers.delete(name);
                }));
  }

  @Override
  public Redaction redact(String text, RedactionOptions options) {
    Objects.requireNonNull(options, "options");
    return lifecycle.call(
        () ->
            auditor.call(
                "inference.redact",
                List.of(),
                () -> {
                  caller.require(Permission.READ);
                  return deidentifier.redact(text, options);
                },
                r ->
                    Auditor.Entry.none()
                        .with("characters", text.length())
                        .with("spans", r.spans().size())
                        .with("mode", options.mode().name().toLowerCase(java.util.Locale.ROOT))));
  }

  @Override
  public dev.solosuccess.sdk.Answer answer(
      String question, dev.solosuccess.sdk.AnswerOptions options) {
    Objects.requireNonNull(options, "options");
    // Neither the question nor the answer is recorded: the documents it drew on are.
    return lifecycle.call(
        () ->
            auditor
                .call(
                    "inference.answer",
                    List.of(),
                    () -> {
                      caller.require(Permission.READ);
                      return answerer.answer(question, options);
                    },
                    dev.solosuccess.engine.internal.answer.Answerer::describe)
                .answer());
  }

  /** At most {@link #MAX_TEXTS} texts, none of them blank. */
  private static void checkTexts(List<String> texts, String verb) {
    if (texts.size() > MAX_TEXTS) {
      throw new InvalidInputException(
          "at most " + MAX_TEXTS + " texts per call, got " + texts.size());
    }
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      if (t == null || t.isBlank()) {
        throw new InvalidInputException(
            "text " + i + " is " + (t == null ? "null" : "blank") + "; there is nothing to "
                + verb);
      }
    }
  }
}
