package dev.solosuccess.sdk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A trained classifier: what it was trained on and how well it did on the examples held out from
 * training. The metrics measure a classifier trained on the other examples; the kept classifier
 * was then trained again on every example, so they estimate its quality (slightly pessimistically).
 *
 * @param name the classifier's name
 * @param embeddingModel the id of the embedding model whose vectors it reads; it works only under
 *     that model
 * @param labels its labels, sorted
 * @param examples how many examples it was trained on
 * @param trainExamples how many of them trained the measured classifier
 * @param heldOutExamples how many were held out to measure it
 * @param accuracy the share of held-out examples given their own label, 0 to 1
 * @param macroF1 the mean of the labels' F1 scores, each label counting the same, 0 to 1
 * @param perLabel precision, recall and F1 of each label, in the order of {@code labels}
 * @param epochs passes over the examples in training
 * @param createdAt when training finished
 */
public record ClassifierReport(
    String name,
    String embeddingModel,
    List<String> labels,
    int examples,
    int trainExamples,
    int heldOutExamples,
    double accuracy,
    double macroF1,
    List<LabelMetrics> perLabel,
    int epochs,
    Instant createdAt) {

  public ClassifierReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(embeddingModel, "embeddingModel");
    labels = List.copyOf(labels);
    perLabel = List.copyOf(perLabel);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
