package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The metrics against cases computed by hand with {@code trec_eval -c}'s rules (see {@link
 * RetrievalMetrics}); expected values are written out as the arithmetic they come from.
 */
class RetrievalMetricsTest {

  private static final Offset<Double> EXACT = Offset.offset(1e-12);

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }

  private static RankedDocument d(String id, double score) {
    return new RankedDocument(id, score);
  }

  @Test
  void ndcgUsesTheGradeAsGainAndTheIdealOrderOfTheJudgedGrades() {
    Map<String, Integer> judged = Map.of("d1", 2, "d2", 1, "d3", 0);
    List<RankedDocument> results = List.of(d("d3", 3), d("d1", 2), d("d2", 1), d("d4", 0.5));

    double dcg = 2 / log2(3) + 1 / log2(4); // d1 at rank 2, d2 at rank 3; d3 (0), d4 (unjudged)
    double idcg = 2 / log2(2) + 1 / log2(3);
    assertThat(RetrievalMetrics.ndcg(judged, results, 10)).isCloseTo(dcg / idcg, EXACT);
    assertThat(RetrievalMetrics.ndcg(judged, results, 10)).isCloseTo(0.66967181649423, EXACT);
    // At cutoff 2 only d1 counts, and the ideal is cut at 2 as well.
    assertThat(RetrievalMetrics.ndcg(judged, results, 2)).isCloseTo((2 / log2(3)) / idcg, EXACT);
    assertThat(RetrievalMetrics.ndcg(judged, results, 1)).isZero();
  }

  @Test
  void gradedIdealRanksTheHighestGradesFirst() {
    Map<String, Integer> judged = Map.of("a", 1, "b", 3, "c", 2);
    List<RankedDocument> results = List.of(d("a", 0.9), d("b", 0.8), d("c", 0.7));

    double dcg = 1 / log2(2) + 3 / log2(3) + 2 / log2(4);
    double idcg = 3 / log2(2) + 2 / log2(3) + 1 / log2(4);
    assertThat(RetrievalMetrics.ndcg(judged, results, 10)).isCloseTo(dcg / idcg, EXACT);
    assertThat(RetrievalMetrics.ndcg(judged, results, 10)).isCloseTo(0.8174935137996165, EXACT);
    // The ideal order itself scores 1.
    assertThat(RetrievalMetrics.ndcg(judged, List.of(d("b", 3), d("c", 2), d("a", 1)), 10))
        .isCloseTo(1.0, EXACT);
  }

  @Test
  void theIdealIsCutAtKWhenMoreDocumentsAreRelevant() {
    Map<String, Integer> judged = new LinkedHashMap<>();
    List<RankedDocument> results = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      judged.put("r" + i, 1);
      results.add(d("r" + i, 100 - i));
    }
    assertThat(RetrievalMetrics.ndcg(judged, results, 10)).isCloseTo(1.0, EXACT);
    assertThat(RetrievalMetrics.recall(judged, results, 10)).isCloseTo(10 / 12.0, EXACT);
  }

  @Test
  void tiesAreBrokenByDocumentIdDescendingAsTrecEvalDoes() {
    Map<String, Integer> judged = Map.of("a", 1);
    // Given in the order a, b, c with equal scores: trec_eval ranks c, b, a.
    List<RankedDocument> results = List.of(d("a", 1), d("b", 1), d("c", 1));

    assertThat(RetrievalMetrics.trecOrder(results))
        .extracting(RankedDocument::documentId)
        .containsExactly("c", "b", "a");
    assertThat(RetrievalMetrics.reciprocalRank(judged, results, 10)).isCloseTo(1 / 3.0, EXACT);
    assertThat(RetrievalMetrics.ndcg(judged, results, 10)).isCloseTo(1 / log2(4), EXACT);
    assertThat(RetrievalMetrics.recall(judged, results, 2)).isZero();
    assertThat(RetrievalMetrics.recall(judged, results, 3)).isCloseTo(1.0, EXACT);
  }

  @Test
  void idsCompareAsStringsNotNumbers() {
    // strcmp: "9" > "10" > "1", so descending order is 9, 10, 1.
    List<RankedDocument> results = List.of(d("1", 0.5), d("10", 0.5), d("9", 0.5));
    assertThat(RetrievalMetrics.trecOrder(results))
        .extracting(RankedDocument::documentId)
        .containsExactly("9", "10", "1");
  }

  @Test
  void scoresEqualAsThirtyTwoBitFloatsTie() {
    // Distinct doubles, one float: trec_eval reads scores into a float, so these tie.
    List<RankedDocument> results = List.of(d("a", 1.0 + 1e-12), d("b", 1.0));
    assertThat((float) results.get(0).score()).isEqualTo((float) results.get(1).score());

    assertThat(RetrievalMetrics.trecOrder(results))
        .extracting(RankedDocument::documentId)
        .containsExactly("b", "a");
    // Scores that differ as floats keep their order whatever the ids.
    assertThat(RetrievalMetrics.trecOrder(List.of(d("a", 1.0001), d("b", 1.0))))
        .extracting(RankedDocument::documentId)
        .containsExactly("a", "b");
  }

  @Test
  void theOrderGivenDoesNotMatterOnlyTheScores() {
    Map<String, Integer> judged = Map.of("x", 1);
    List<RankedDocument> ascending = List.of(d("y", 0.1), d("x", 0.2));
    assertThat(RetrievalMetrics.reciprocalRank(judged, ascending, 10)).isCloseTo(1.0, EXACT);
  }

  @Test
  void reciprocalRankLooksOnlyAtTheFirstKResults() {
    Map<String, Integer> judged = Map.of("r", 2);
    List<RankedDocument> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      results.add(d("n" + i, 100 - i));
    }
    results.add(d("r", 1)); // rank 11
    assertThat(RetrievalMetrics.reciprocalRank(judged, results, 10)).isZero();
    assertThat(RetrievalMetrics.reciprocalRank(judged, results, 11)).isCloseTo(1 / 11.0, EXACT);
  }

  @Test
  void recallCountsGradesOfOneOrMoreAndCutsAtK() {
    Map<String, Integer> judged = Map.of("a", 1, "b", 2, "c", 1, "d", 1, "z", 0);
    List<RankedDocument> results = new ArrayList<>();
    results.add(d("a", 5000)); // rank 1
    results.add(d("z", 4999)); // rank 2, judged not relevant
    for (int i = 3; i <= 1200; i++) {
      String id = i == 100 ? "b" : i == 1000 ? "c" : i == 1001 ? "d" : "n" + i;
      results.add(d(id, 5001 - i));
    }
    assertThat(RetrievalMetrics.recall(judged, results, 100)).isCloseTo(2 / 4.0, EXACT);
    assertThat(RetrievalMetrics.recall(judged, results, 1000)).isCloseTo(3 / 4.0, EXACT);
    assertThat(RetrievalMetrics.recall(judged, results, 2000)).isCloseTo(1.0, EXACT);
  }

  @Test
  void everyJudgedQueryCountsAndOneWithoutResultsScoresZero() {
    RelevanceJudgments qrels =
        RelevanceJudgments.of(
            Map.of("q1", Map.of("d1", 1), "q2", Map.of("d2", 1)));
    Map<String, List<RankedDocument>> run =
        Map.of(
            "q1", List.of(d("d1", 1)),
            "q9", List.of(d("d2", 1))); // not judged: ignored

    RetrievalMetrics.Scores s = RetrievalMetrics.evaluate(qrels, run);

    assertThat(s.queries()).isEqualTo(2);
    assertThat(s.ndcgAt10()).isCloseTo(0.5, EXACT);
    assertThat(s.recallAt100()).isCloseTo(0.5, EXACT);
    assertThat(s.recallAt1000()).isCloseTo(0.5, EXACT);
    assertThat(s.mrrAt10()).isCloseTo(0.5, EXACT);
    // An empty result list is the same as none.
    assertThat(RetrievalMetrics.evaluate(qrels, Map.of("q1", List.of(d("d1", 1)), "q2", List.of())))
        .isEqualTo(s);
  }

  @Test
  void aQueryJudgedOnlyWithZeroGradesCountsAndScoresZero() {
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    judgments.put("q1", Map.of("d1", 1));
    judgments.put("q2", Map.of("d5", 0));
    RelevanceJudgments qrels = RelevanceJudgments.of(judgments);
    Map<String, List<RankedDocument>> run =
        Map.of("q1", List.of(d("d1", 1)), "q2", List.of(d("d5", 1)));

    RetrievalMetrics.Scores s = RetrievalMetrics.evaluate(qrels, run);

    assertThat(qrels.relevantCount("q2")).isZero();
    assertThat(s.queries()).isEqualTo(2);
    assertThat(s.ndcgAt10()).isCloseTo(0.5, EXACT);
    assertThat(s.recallAt100()).isCloseTo(0.5, EXACT);
    assertThat(s.mrrAt10()).isCloseTo(0.5, EXACT);
  }

  @Test
  void aDocumentListedTwiceIsRefusedAsTrecEvalRefusesIt() {
    RelevanceJudgments qrels = RelevanceJudgments.of(Map.of("q1", Map.of("d1", 1)));
    Map<String, List<RankedDocument>> run = Map.of("q1", List.of(d("d1", 2), d("d1", 1)));
    assertThatThrownBy(() -> RetrievalMetrics.evaluate(qrels, run))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("query q1: document d1 is listed twice for one query");
  }

  @Test
  void aCutoffBelowOneIsRefused() {
    assertThatThrownBy(() -> RetrievalMetrics.ndcg(Map.of("a", 1), List.of(), 0))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("cutoff k must be >= 1, got 0");
  }

  @Test
  void noResultsScoreZeroEverywhere() {
    Map<String, Integer> judged = Map.of("a", 1);
    assertThat(RetrievalMetrics.ndcg(judged, List.of(), 10)).isZero();
    assertThat(RetrievalMetrics.recall(judged, List.of(), 100)).isZero();
    assertThat(RetrievalMetrics.reciprocalRank(judged, List.of(), 10)).isZero();
  }
}
