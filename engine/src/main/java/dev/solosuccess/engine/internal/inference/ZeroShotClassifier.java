package dev.solosuccess.engine.internal.inference;

import dev.solosuccess.engine.internal.model.EmbeddingModel;
import dev.solosuccess.sdk.LabelScore;
import dev.solosuccess.sdk.ZeroShotResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Zero-shot labels: the text and each label's description are embedded in one model call, and
 * labels are ranked by cosine similarity (the vectors are unit length, so a dot product). Thread-safe.
 */
public final class ZeroShotClassifier {

  private final EmbeddingModel model;

  public ZeroShotClassifier(EmbeddingModel model) {
    this.model = model;
  }

  /**
   * @param labels label to description, in the caller's order (kept for equal scores)
   */
  public ZeroShotResult classify(String text, Map<String, String> labels) {
    List<String> names = new ArrayList<>(labels.keySet());
    List<String> inputs = new ArrayList<>(names.size() + 1);
    inputs.add(text);
    names.forEach(n -> inputs.add(labels.get(n)));
    // Text and descriptions are statements of the same kind: both embedded as passages.
    float[][] v = model.embedPassages(inputs).vectors();
    List<LabelScore> scores = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      scores.add(new LabelScore(names.get(i), Summarizer.dot(v[0], v[i + 1])));
    }
    scores.sort(Comparator.comparingDouble(LabelScore::score).reversed());
    return new ZeroShotResult(scores, scores.get(0).score() - scores.get(1).score());
  }
}
