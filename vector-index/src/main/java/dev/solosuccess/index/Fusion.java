package dev.solosuccess.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fuses the rankings of several retrievers (BM25 and vector search) into one, keeping for each
 * fused item its rank, score and normalized score in every input, so that a caller can explain why
 * it ranked where it did ({@code solo search --explain}). Stateless; thread-safe.
 *
 * <ul>
 *   <li>{@link #reciprocalRank}: {@code sum(1 / (k + rank))} (Cormack et al., SIGIR 2009); ranks
 *       only, no calibration between retrievers needed.
 *   <li>{@link #convex}: {@code sum(weight_i * normalized_i(score))}, each input's scores brought
 *       to a common scale by {@link Normalization#MIN_MAX}, {@link Normalization#Z_SCORE} or
 *       {@link Normalization#BEST_SCORE}
 *       (Bruch et al., "An Analysis of Fusion Functions for Hybrid Retrieval", 2023). An item
 *       absent from an input counts as that input's lowest normalized score.
 * </ul>
 *
 * <pre>{@code
 * List<Fusion.Fused> hits = Fusion.convex(
 *     List.of(Fusion.ranked(bm25, ScoredChunk::chunkId, ScoredChunk::score),
 *             Fusion.ranked(knn, ScoredChunk::chunkId, ScoredChunk::score)),
 *     List.of(0.3, 0.7), Fusion.Normalization.MIN_MAX);
 * }</pre>
 *
 * <p>Ties are broken by best rank, then by the earlier input, then by key: outputs are
 * deterministic.
 */
public final class Fusion {

  private Fusion() {}

  /** How {@link #convex} brings each input's scores to one scale. */
  public enum Normalization {
    /** {@code (s - min) / (max - min)}: 0 to 1; all equal scores are 1. */
    MIN_MAX,
    /** {@code (s - mean) / standard deviation}; all equal scores are 0. */
    Z_SCORE,
    /**
     * {@code max(s, 0) / max}: the best score is 1, and an item's normalized score does not depend
     * on how many candidates were fetched (min-max and z-score move with the list's tail). Absent
     * items and negative scores count 0; a list with no score above 0 contributes nothing.
     */
    BEST_SCORE
  }

  /**
   * An item of one input ranking.
   *
   * @param key the item (a chunk or document id)
   * @param score the retriever's score, higher is better
   */
  public record Scored(String key, double score) {
    public Scored {
      Objects.requireNonNull(key, "key");
      if (!Double.isFinite(score)) {
        throw new IllegalArgumentException("score of " + key + " must be finite, got " + score);
      }
    }
  }

  /**
   * Where a fused item stood in one input.
   *
   * @param rank 1-based; 0 where the item is absent from the input
   * @param score the retriever's score; NaN where absent
   * @param normalized what the score contributed before weighting: {@code 1 / (k + rank)} for
   *     reciprocal rank (0 where absent), the normalized score for convex fusion
   */
  public record Contribution(int rank, double score, double normalized) {
    public boolean present() {
      return rank > 0;
    }
  }

  /**
   * An item of the fused ranking.
   *
   * @param key the item
   * @param score the fused score
   * @param inputs its standing in each input, in input order
   */
  public record Fused(String key, double score, List<Contribution> inputs) {

    /** The best (lowest) rank the item reached in any input. */
    public int bestRank() {
      int best = Integer.MAX_VALUE;
      for (Contribution c : inputs) {
        if (c.present() && c.rank() < best) {
          best = c.rank();
        }
      }
      return best;
    }

    /** The first input in which the item reached its best rank. */
    public int bestInput() {
      int best = bestRank();
      for (int i = 0; i < inputs.size(); i++) {
        if (inputs.get(i).rank() == best) {
          return i;
        }
      }
      return -1;
    }
  }

  /** An input ranking made of any hit type. */
  public static <T> List<Scored> ranked(
      List<T> hits,
      java.util.function.Function<T, String> key,
      java.util.function.ToDoubleFunction<T> score) {
    List<Scored> out = new ArrayList<>(hits.size());
    for (T h : hits) {
      out.add(new Scored(key.apply(h), score.applyAsDouble(h)));
    }
    return out;
  }

  /**
   * Reciprocal rank fusion. A key repeated within one input counts at its first rank.
   *
   * @param k the smoothing constant, at least 1 ({@link RankFusion#DEFAULT_K} is the usual one)
   */
  public static List<Fused> reciprocalRank(int k, List<List<Scored>> inputs) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    Map<String, Contribution[]> table = table(inputs);
    List<Fused> out = new ArrayList<>(table.size());
    for (Map.Entry<String, Contribution[]> e : table.entrySet()) {
      Contribution[] c = e.getValue();
      int[] ranks = new int[c.length];
      for (int i = 0; i < c.length; i++) {
        c[i] = c[i] == null ? absent(0) : c[i];
        ranks[i] = c[i].rank();
        if (c[i].present()) {
          c[i] = new Contribution(c[i].rank(), c[i].score(), 1.0 / (k + c[i].rank()));
        }
      }
      // Sum in rank order: equal rank multisets give bit-equal scores.
      Arrays.sort(ranks);
      double score = 0;
      for (int r : ranks) {
        if (r > 0) {
          score += 1.0 / (k + r);
        }
      }
      out.add(new Fused(e.getKey(), score, List.of(c)));
    }
    return sorted(out);
  }

  /**
   * Convex combination of normalized scores.
   *
   * @param weights one per input, each at least 0, summing to 1 (within 1e-6)
   */
  public static List<Fused> convex(
      List<List<Scored>> inputs, List<Double> weights, Normalization normalization) {
    Objects.requireNonNull(normalization, "normalization");
    if (weights.size() != inputs.size()) {
      throw new IllegalArgumentException(
          "weights must be one per input (" + inputs.size() + "), got " + weights.size());
    }
    double sum = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and >= 0, got " + weights);
      }
      sum += w;
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("weights must sum to 1, got " + sum);
    }
    int n = inputs.size();
    double[][] scale = new double[n][]; // {offset, divisor, floor}
    for (int i = 0; i < n; i++) {
      scale[i] = scale(inputs.get(i), normalization);
    }
    Map<String, Contribution[]> table = table(inputs);
    List<Fused> out = new ArrayList<>(table.size());
    for (Map.Entry<String, Contribution[]> e : table.entrySet()) {
      Contribution[] c = e.getValue();
      double score = 0;
      for (int i = 0; i < n; i++) {
        double[] s = scale[i];
        if (c[i] == null) {
          c[i] = absent(s[2]);
        } else {
          double raw = normalization == Normalization.BEST_SCORE
              ? Math.max(0, c[i].score()) : c[i].score();
          c[i] = new Contribution(c[i].rank(), c[i].score(), (raw - s[0]) / s[1]);
        }
        score += weights.get(i) * c[i].normalized();
      }
      out.add(new Fused(e.getKey(), score, List.of(c)));
    }
    return sorted(out);
  }

  /** Two inputs: {@code (1 - secondWeight)} for the first, {@code secondWeight} for the second. */
  public static List<Fused> convex(
      List<Scored> first, List<Scored> second, double secondWeight, Normalization normalization) {
    if (!(secondWeight >= 0 && secondWeight <= 1)) {
      throw new IllegalArgumentException("secondWeight must be in 0..1, got " + secondWeight);
    }
    return convex(List.of(first, second), List.of(1 - secondWeight, secondWeight), normalization);
  }

  /** {offset, divisor, the normalized score of an absent item}. */
  private static double[] scale(List<Scored> input, Normalization normalization) {
    if (input.isEmpty()) {
      return new double[] {0, 1, 0};
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double mean = 0;
    for (Scored s : input) {
      min = Math.min(min, s.score());
      max = Math.max(max, s.score());
      mean += s.score();
    }
    mean /= input.size();
    return switch (normalization) {
      case BEST_SCORE ->
          max > 0 ? new double[] {0, max, 0} : new double[] {0, Double.POSITIVE_INFINITY, 0};
      case MIN_MAX ->
          max > min ? new double[] {min, max - min, 0} : new double[] {min - 1, 1, 0};
      case Z_SCORE -> {
        double variance = 0;
        for (Scored s : input) {
          variance += (s.score() - mean) * (s.score() - mean);
        }
        double sd = Math.sqrt(variance / input.size());
        yield sd > 0 ? new double[] {mean, sd, (min - mean) / sd} : new double[] {mean, 1, 0};
      }
    };
  }

  private static Contribution absent(double normalized) {
    return new Contribution(0, Double.NaN, normalized);
  }

  /** Per key (in first-seen order), its contribution in each input (null where absent). */
  private static Map<String, Contribution[]> table(List<List<Scored>> inputs) {
    int n = inputs.size();
    Map<String, Contribution[]> table = new LinkedHashMap<>();
    for (int input = 0; input < n; input++) {
      List<Scored> ranking = inputs.get(input);
      Map<String, Boolean> seen = new HashMap<>();
      for (int i = 0; i < ranking.size(); i++) {
        Scored s = ranking.get(i);
        if (seen.put(s.key(), Boolean.TRUE) != null) {
          continue;
        }
        table.computeIfAbsent(s.key(), key -> new Contribution[n])[input] =
            new Contribution(i + 1, s.score(), 0);
      }
    }
    return table;
  }

  private static List<Fused> sorted(List<Fused> fused) {
    fused.sort(
        Comparator.comparingDouble(Fused::score)
            .reversed()
            .thenComparingInt(Fused::bestRank)
            .thenComparingInt(Fused::bestInput)
            .thenComparing(Fused::key));
    return Collections.unmodifiableList(fused);
  }
}
