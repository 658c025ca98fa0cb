package dev.solosuccess.engine;

import dev.solosuccess.sdk.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranking metrics computed exactly as {@code trec_eval} 9 computes them with {@code -c} (average
 * over every query of the judgments, one without results scoring 0):
 *
 * <ul>
 *   <li>A query's results are ordered as {@code trec_eval} orders them, ignoring the order they
 *       came in: by score descending, the score read as a 32-bit float, then by document id
 *       descending, compared byte by byte in UTF-8 ({@code strcmp}). {@link #trecOrder} gives that
 *       order. A document listed twice for a query is an error, as there.
 *   <li>A document is relevant when its grade is at least {@value #RELEVANCE_LEVEL} ({@code -l
 *       1}); unjudged documents are not relevant.
 *   <li>{@link #ndcg nDCG@k} ({@code -m ndcg_cut.k}): gain is the grade itself (linear), discount
 *       {@code log2(rank + 1)}; the ideal ranking orders the judged grades above 0, best first;
 *       0 when there is no such grade.
 *   <li>{@link #recall recall@k} ({@code -m recall.k}): relevant documents in the first {@code k}
 *       over all relevant documents of the query; 0 when it has none.
 *   <li>{@link #reciprocalRank MRR@k} ({@code -M k -m recip_rank}): 1 / the rank of the first
 *       relevant document among the first {@code k}; 0 when there is none.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * RetrievalMetrics.Scores s = RetrievalMetrics.evaluate(qrels, run);
 * System.out.printf("nDCG@10 %.4f%n", s.ndcgAt10());
 * }</pre>
 */
public final class RetrievalMetrics {

  /** The lowest grade that counts as relevant, {@code trec_eval}'s default. */
  public static final int RELEVANCE_LEVEL = 1;

  private RetrievalMetrics() {}

  /**
   * The four standard scores, each a mean over {@link #queries()} queries.
   *
   * @param queries the judged queries, all counted (as {@code trec_eval -c})
   * @param ndcgAt10 {@code ndcg_cut.10}
   * @param recallAt100 {@code recall.100}
   * @param recallAt1000 {@code recall.1000}
   * @param mrrAt10 {@code recip_rank} over the first 10 results ({@code -M 10})
   */
  public record Scores(
      int queries, double ndcgAt10, double recallAt100, double recallAt1000, double mrrAt10) {}

  /**
   * Scores a run against the judgments: every judged query counts, one missing from the run
   * scores 0; queries of the run that are not judged are ignored.
   *
   * @param run each query's retrieved documents (any order; see the class comment)
   * @throws InvalidInputException if a query lists a document twice
   */
  public static Scores evaluate(
      RelevanceJudgments judgments, Map<String, List<RankedDocument>> run) {
    double ndcg = 0;
    double r100 = 0;
    double r1000 = 0;
    double mrr = 0;
    for (String query : judgments.queryIds()) {
      Map<String, Integer> judged = judgments.judgments(query);
      int[] grades = grades(judged, run.getOrDefault(query, List.of()), query);
      ndcg += ndcg(grades, judged, 10);
      r100 += recall(grades, judged, 100);
      r1000 += recall(grades, judged, 1000);
      mrr += reciprocalRank(grades, 10);
    }
    int n = judgments.queryCount();
    return new Scores(n, ndcg / n, r100 / n, r1000 / n, mrr / n);
  }

  /**
   * nDCG at {@code k} of one query's results ({@code trec_eval -m ndcg_cut.k}).
   *
   * @param judged the query's judged documents and grades
   */
  public static double ndcg(Map<String, Integer> judged, List<RankedDocument> results, int k) {
    return ndcg(grades(judged, results, null), judged, checkCutoff(k));
  }

  /** Recall at {@code k} of one query's results ({@code trec_eval -m recall.k}). */
  public static double recall(Map<String, Integer> judged, List<RankedDocument> results, int k) {
    return recall(grades(judged, results, null), judged, checkCutoff(k));
  }

  /**
   * Reciprocal rank of the first relevant document among the first {@code k} results ({@code
   * trec_eval -M k -m recip_rank}).
   */
  public static double reciprocalRank(
      Map<String, Integer> judged, List<RankedDocument> results, int k) {
    return reciprocalRank(grades(judged, results, null), checkCutoff(k));
  }

  /**
   * The results in {@code trec_eval}'s order: score descending as a 32-bit float, then document id
   * descending ({@code strcmp} on UTF-8 bytes). A new list; the input is not changed.
   *
   * @throws InvalidInputException if a document is listed twice
   */
  public static List<RankedDocument> trecOrder(List<RankedDocument> results) {
    List<Keyed> keyed = new ArrayList<>(results.size());
    Set<String> seen = new HashSet<>();
    for (RankedDocument r : results) {
      if (!seen.add(r.documentId())) {
        throw new InvalidInputException(
            "document " + r.documentId() + " is listed twice for one query");
      }
      keyed.add(new Keyed(r, (float) r.score(), r.documentId().getBytes(StandardCharsets.UTF_8)));
    }
    keyed.sort(TREC_ORDER);
    List<RankedDocument> out = new ArrayList<>(keyed.size());
    for (Keyed k : keyed) {
      out.add(k.result());
    }
    return out;
  }

  private record Keyed(RankedDocument result, float score, byte[] id) {}

  private static final Comparator<Keyed> TREC_ORDER =
      (a, b) -> {
        // Plain comparisons, as trec_eval's comp_sim_docno: no NaN (scores are finite), and
        // -0.0f equals 0.0f.
        if (a.score() > b.score()) {
          return -1;
        }
        if (a.score() < b.score()) {
          return 1;
        }
        return Arrays.compareUnsigned(b.id(), a.id());
      };

  /** The grade at each rank in trec_eval's order: the judged grade, or -1 for unjudged. */
  private static int[] grades(Map<String, Integer> judged, List<RankedDocument> results, String q) {
    List<RankedDocument> ordered;
    try {
      ordered = trecOrder(results);
    } catch (InvalidInputException e) {
      throw q == null ? e : new InvalidInputException("query " + q + ": " + e.getMessage());
    }
    int[] grades = new int[ordered.size()];
    for (int i = 0; i < grades.length; i++) {
      grades[i] = judged.getOrDefault(ordered.get(i).documentId(), -1);
    }
    return grades;
  }

  private static double ndcg(int[] grades, Map<String, Integer> judged, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, grades.length); i++) {
      if (grades[i] > 0) {
        dcg += grades[i] / log2(i + 2);
      }
    }
    int[] ideal = judged.values().stream().mapToInt(Integer::intValue).filter(g -> g > 0).toArray();
    Arrays.sort(ideal);
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.length); i++) {
      idcg += ideal[ideal.length - 1 - i] / log2(i + 2);
    }
    return idcg > 0 ? dcg / idcg : dcg;
  }

  private static double recall(int[] grades, Map<String, Integer> judged, int k) {
    long relevant = judged.values().stream().filter(g -> g >= RELEVANCE_LEVEL).count();
    if (relevant == 0) {
      return 0;
    }
    int found = 0;
    for (int i = 0; i < Math.min(k, grades.length); i++) {
      if (grades[i] >= RELEVANCE_LEVEL) {
        found++;
      }
    }
    return (double) found / relevant;
  }

  private static double reciprocalRank(int[] grades, int k) {
    for (int i = 0; i < Math.min(k, grades.length); i++) {
      if (grades[i] >= RELEVANCE_LEVEL) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }

  private static int checkCutoff(int k) {
    if (k < 1) {
      throw new InvalidInputException("cutoff k must be >= 1, got " + k);
    }
    return k;
  }
}
