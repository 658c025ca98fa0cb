package dev.solosuccess.sdk;

import java.util.List;

/**
 * Labels ranked for a text by zero-shot classification.
 *
 * @param scores every label, best first
 * @param margin the best score minus the second best: how clearly the best label wins (a small
 *     margin means the text fits two labels about equally)
 */
public record ZeroShotResult(List<LabelScore> scores, double margin) {

  public ZeroShotResult {
    scores = List.copyOf(scores);
  }

  /** The best label. */
  public LabelScore best() {
    return scores.get(0);
  }
}
