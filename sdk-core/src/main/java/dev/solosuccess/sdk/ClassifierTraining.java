package dev.solosuccess.sdk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to train a classifier on, and how. Build with {@link #builder(String, List)}.
 *
 * <pre>{@code
 * ClassifierTraining.builder("tickets", examples).testFraction(0.25).epochs(80).build();
 * }</pre>
 *
 * <p>The engine embeds every example with its embedding model and trains a softmax layer on the
 * vectors. Before that, it holds out {@code testFraction} of each label's examples (a stratified
 * split, the same for the same examples and seed), trains on the rest and measures the held-out
 * accuracy and F1; then it trains again, with the same settings, on every example, and keeps that
 * classifier.
 *
 * @param name the classifier's name: 1 to 64 of {@code a-z 0-9 _ -}, starting with a letter or
 *     digit; training under an existing name replaces that classifier
 * @param examples the labelled texts: at least {@value #MIN_LABELS} labels, each with at least
 *     {@value #MIN_EXAMPLES_PER_LABEL} examples, at most {@value #MAX_EXAMPLES} in all
 * @param testFraction the share of each label's examples held out for measuring, more than 0 and at
 *     most 0.5; every label keeps at least one example on each side. Default {@value
 *     #DEFAULT_TEST_FRACTION}
 * @param epochs passes over the training examples, 1 to {@value #MAX_EPOCHS}; default {@value
 *     #DEFAULT_EPOCHS}
 * @param seed decides the held-out split and the order of examples; the same examples, settings and
 *     seed train the same classifier. Default {@value #DEFAULT_SEED}
 */
public record ClassifierTraining(
    String name, List<LabeledText> examples, double testFraction, int epochs, long seed) {

  /** The name {@link InferenceService#classify(String)} uses. */
  public static final String DEFAULT_NAME = "default";

  public static final int MIN_LABELS = 2;
  /** One example to learn from and one to measure with, at the least. */
  public static final int MIN_EXAMPLES_PER_LABEL = 2;

  public static final int MAX_LABELS = 1000;
  /** Bounds one call's embedding work and memory. */
  public static final int MAX_EXAMPLES = 100_000;

  public static final double DEFAULT_TEST_FRACTION = 0.2;
  /**
   * Enough for a softmax layer on sentence embeddings to converge on a few hundred examples (the
   * engine's test set reaches its final held-out accuracy well before), and still well under a
   * second of training for them.
   */
  public static final int DEFAULT_EPOCHS = 60;

  public static final int MAX_EPOCHS = 10_000;
  public static final long DEFAULT_SEED = 42;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public ClassifierTraining {
    checkName(name);
    Objects.requireNonNull(examples, "examples");
    examples = List.copyOf(examples);
    if (!(testFraction > 0 && testFraction <= 0.5)) {
      throw new InvalidInputException(
          "testFraction must be more than 0 and at most 0.5, got " + testFraction);
    }
    if (epochs < 1 || epochs > MAX_EPOCHS) {
      throw new InvalidInputException("epochs must be in 1.." + MAX_EPOCHS + ", got " + epochs);
    }
    if (examples.size() > MAX_EXAMPLES) {
      throw new InvalidInputException(
          "at most " + MAX_EXAMPLES + " examples per classifier, got " + examples.size());
    }
    Map<String, Integer> counts = new HashMap<>();
    for (LabeledText e : examples) {
      counts.merge(e.label(), 1, Integer::sum);
    }
    if (counts.size() < MIN_LABELS || counts.size() > MAX_LABELS) {
      throw new InvalidInputException(
          "a classifier needs " + MIN_LABELS + ".." + MAX_LABELS + " distinct labels, got "
              + counts.size() + (counts.isEmpty() ? "" : " " + counts.keySet()));
    }
    List<String> few =
        counts.entrySet().stream()
            .filter(e -> e.getValue() < MIN_EXAMPLES_PER_LABEL)
            .map(e -> "'" + e.getKey() + "' (" + e.getValue() + ")")
            .sorted()
            .toList();
    if (!few.isEmpty()) {
      throw new InvalidInputException(
          "every label needs at least " + MIN_EXAMPLES_PER_LABEL + " examples, one to train on"
              + " and one to measure with; too few for " + String.join(", ", few));
    }
  }

  /**
   * Checks a classifier name.
   *
   * @throws InvalidInputException if it is not 1 to 64 of {@code a-z 0-9 _ -} starting with a
   *     letter or digit
   */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "a classifier name is 1 to 64 of a-z, 0-9, '_' and '-', starting with a letter or"
              + " digit; got " + (name == null ? "null" : "'" + name + "'"));
    }
    return name;
  }

  /** A training of {@code examples} under {@code name}, with the defaults. */
  public static Builder builder(String name, List<LabeledText> examples) {
    return new Builder(name, examples);
  }

  /** Builds a {@link ClassifierTraining}, validated in {@link #build()}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<LabeledText> examples;
    private double testFraction = DEFAULT_TEST_FRACTION;
    private int epochs = DEFAULT_EPOCHS;
    private long seed = DEFAULT_SEED;

    private Builder(String name, List<LabeledText> examples) {
      this.name = name;
      this.examples = examples;
    }

    public Builder testFraction(double testFraction) {
      this.testFraction = testFraction;
      return this;
    }

    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public ClassifierTraining build() {
      return new ClassifierTraining(name, examples, testFraction, epochs, seed);
    }
  }
}
