package dev.solosuccess.engine.internal.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A stratified, deterministic split of labelled examples into training and held-out sets: each
 * label gives up the same share of its examples (rounded, at least one, never all), picked by a
 * seeded shuffle, so the same labels and seed always split the same way.
 *
 * @param train indexes of the training examples, in a seeded shuffled order (the order training
 *     sees them)
 * @param heldOut indexes of the held-out examples, ascending
 */
record HeldOutSplit(int[] train, int[] heldOut) {

  /**
   * Splits examples by label.
   *
   * @param labels each example's label index, 0 to {@code labelCount - 1}; every label has at least
   *     two examples
   * @param fraction share of each label's examples to hold out, in (0, 0.5]
   */
  static HeldOutSplit stratified(int[] labels, int labelCount, double fraction, long seed) {
    List<List<Integer>> byLabel = new ArrayList<>();
    for (int l = 0; l < labelCount; l++) {
      byLabel.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byLabel.get(labels[i]).add(i);
    }
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> heldOut = new ArrayList<>();
    for (List<Integer> examples : byLabel) {
      Collections.shuffle(examples, random);
      int n = examples.size();
      int held = (int) Math.max(1, Math.min(n - 1, Math.round(n * fraction)));
      heldOut.addAll(examples.subList(0, held));
      train.addAll(examples.subList(held, n));
    }
    Collections.shuffle(train, random);
    Collections.sort(heldOut);
    return new HeldOutSplit(toArray(train), toArray(heldOut));
  }

  /** All {@code n} indexes in a seeded shuffled order: the final training on every example. */
  static int[] shuffledAll(int n, long seed) {
    List<Integer> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    Collections.shuffle(all, new Random(seed));
    return toArray(all);
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
