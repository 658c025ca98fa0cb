package dev.solosuccess.engine.internal.classify;

import dev.solosuccess.sdk.LabelMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy, macro-F1 and each label's precision, recall and F1 of predictions against the truth.
 *
 * @param accuracy share of examples predicted right
 * @param macroF1 unweighted mean of the labels' F1
 * @param perLabel one entry per label, in label-index order
 */
record ClassifierMetrics(double accuracy, double macroF1, List<LabelMetrics> perLabel) {

  /**
   * Measures predictions.
   *
   * @param labels label names by index
   * @param truth each example's true label index
   * @param predicted each example's predicted label index
   */
  static ClassifierMetrics measure(List<String> labels, int[] truth, int[] predicted) {
    int k = labels.size();
    int[] truePositives = new int[k];
    int[] predictedCount = new int[k];
    int[] support = new int[k];
    int right = 0;
    for (int i = 0; i < truth.length; i++) {
      support[truth[i]]++;
      predictedCount[predicted[i]]++;
      if (truth[i] == predicted[i]) {
        truePositives[truth[i]]++;
        right++;
      }
    }
    List<LabelMetrics> perLabel = new ArrayList<>(k);
    double f1Sum = 0;
    for (int l = 0; l < k; l++) {
      double precision = ratio(truePositives[l], predictedCount[l]);
      double recall = ratio(truePositives[l], support[l]);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      perLabel.add(new LabelMetrics(labels.get(l), precision, recall, f1, support[l]));
      f1Sum += f1;
    }
    return new ClassifierMetrics(ratio(right, truth.length), f1Sum / k, perLabel);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
