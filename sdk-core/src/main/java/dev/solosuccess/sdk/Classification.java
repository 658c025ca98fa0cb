package dev.solosuccess.sdk;

import java.util.List;

/**
 * The labels of a trained classifier for one text, with their probabilities.
 *
 * @param classifier the classifier's name
 * @param scores every label of the classifier with its probability, most probable first; the
 *     probabilities sum to 1
 */
public record Classification(String classifier, List<LabelScore> scores) {

  public Classification {
    scores = List.copyOf(scores);
  }

  /** The most probable label. */
  public LabelScore best() {
    return scores.get(0);
  }
}
