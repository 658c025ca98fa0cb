package dev.solosuccess.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each item scores
 * {@code sum(1 / (k + rank))} over the rankings that contain it. It needs no score calibration
 * between retrievers, which is why hybrid search uses it by default.
 */
public final class RankFusion {

  /** The constant of the original paper, also the usual default of search engines. */
  public static final int DEFAULT_K = 60;

  private RankFusion() {}

  /**
   * An item of a fused ranking.
   *
   * @param key the item
   * @param score the fused score
   * @param ranks the item's 1-based rank in each input ranking, in input order; 0 where absent
   */
  public record Fused(String key, double score, List<Integer> ranks) {

    /** The best (lowest) rank the item reached in any input. */
    public int bestRank() {
      int best = Integer.MAX_VALUE;
      for (int r : ranks) {
        if (r > 0 && r < best) {
          best = r;
        }
      }
      return best;
    }

    /** The index of the first input in which the item reached its best rank. */
    public int bestInput() {
      int best = bestRank();
      return ranks.indexOf(best);
    }
  }

  /**
   * Fuses rankings of distinct keys (a key repeated within one ranking counts at its first rank).
   * Ties are broken by best rank, then by the earlier input, then by key, so the output is
   * deterministic.
   *
   * @param k the smoothing constant, at least 1
   */
  public static List<Fused> reciprocalRank(int k, List<List<String>> rankings) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    int n = rankings.size();
    Map<String, int[]> ranks = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (int input = 0; input < n; input++) {
      List<String> ranking = rankings.get(input);
      for (int i = 0; i < ranking.size(); i++) {
        String key = ranking.get(i);
        int[] r = ranks.get(key);
        if (r == null) {
          r = new int[n];
          ranks.put(key, r);
          order.add(key);
        }
        if (r[input] == 0) {
          r[input] = i + 1;
        }
      }
    }
    List<Fused> fused = new ArrayList<>(order.size());
    for (String key : order) {
      int[] r = ranks.get(key);
      List<Integer> list = new ArrayList<>(n);
      for (int rank : r) {
        list.add(rank);
      }
      // Sum in rank order, not input order: equal rank multisets then give bit-equal scores,
      // and ties are broken by the documented rules rather than by rounding.
      int[] sorted = r.clone();
      java.util.Arrays.sort(sorted);
      double score = 0;
      for (int rank : sorted) {
        if (rank > 0) {
          score += 1.0 / (k + rank);
        }
      }
      fused.add(new Fused(key, score, Collections.unmodifiableList(list)));
    }
    fused.sort(
        Comparator.comparingDouble(Fused::score)
            .reversed()
            .thenComparingInt(Fused::bestRank)
            .thenComparingInt(Fused::bestInput)
            .thenComparing(Fused::key));
    return fused;
  }
}
