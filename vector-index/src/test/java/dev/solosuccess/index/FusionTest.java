package dev.solosuccess.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.solosuccess.index.Fusion.Fused;
import dev.solosuccess.index.Fusion.Normalization;
import dev.solosuccess.index.Fusion.Scored;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class FusionTest {

  static List<Scored> ranking(Object... keyScore) {
    List<Scored> out = new ArrayList<>();
    for (int i = 0; i < keyScore.length; i += 2) {
      out.add(new Scored((String) keyScore[i], ((Number) keyScore[i + 1]).doubleValue()));
    }
    return out;
  }

  static List<String> keys(List<Fused> fused) {
    return fused.stream().map(Fused::key).toList();
  }

  @Test
  void reciprocalRankKeepsRanksAndScoresOfEveryInput() {
    List<Fused> fused =
        Fusion.reciprocalRank(
            60, List.of(ranking("a", 9.0, "b", 5.0), ranking("b", 0.9, "c", 0.8)));

    assertThat(keys(fused)).containsExactly("b", "a", "c");
    Fused b = fused.get(0);
    assertThat(b.score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
    assertThat(b.inputs().get(0).rank()).isEqualTo(2);
    assertThat(b.inputs().get(0).score()).isEqualTo(5.0);
    assertThat(b.inputs().get(1).rank()).isEqualTo(1);
    assertThat(b.inputs().get(1).normalized()).isCloseTo(1.0 / 61, within(1e-12));
    Fused c = fused.get(2);
    assertThat(c.inputs().get(0).present()).isFalse();
    assertThat(c.inputs().get(0).score()).isNaN();
    assertThat(c.bestInput()).isEqualTo(1);
  }

  @Test
  void reciprocalRankAgreesWithRankFusion(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    for (int round = 0; round < 50; round++) {
      List<List<Scored>> inputs = new ArrayList<>();
      List<List<String>> keys = new ArrayList<>();
      for (int input = 0; input < 1 + random.nextInt(3); input++) {
        List<Scored> r = new ArrayList<>();
        for (int i = 0; i < random.nextInt(15); i++) {
          r.add(new Scored("k" + random.nextInt(20), random.nextDouble()));
        }
        inputs.add(r);
        keys.add(r.stream().map(Scored::key).toList());
      }
      int k = 1 + random.nextInt(100);
      List<Fused> fused = Fusion.reciprocalRank(k, inputs);
      List<RankFusion.Fused> reference = RankFusion.reciprocalRank(k, keys);
      assertThat(keys(fused)).as("%s", random).isEqualTo(reference.stream().map(RankFusion.Fused::key).toList());
      for (int i = 0; i < fused.size(); i++) {
        assertThat(fused.get(i).score()).isEqualTo(reference.get(i).score());
      }
    }
  }

  @Test
  void convexMinMaxWeighsNormalizedScores() {
    List<Fused> fused =
        Fusion.convex(
            ranking("a", 10.0, "b", 6.0, "c", 2.0),
            ranking("c", 0.9, "b", 0.5),
            0.75,
            Normalization.MIN_MAX);

    // a: 0.25 * 1 + 0.75 * 0 (absent: the lowest, 0); b: 0.25 * 0.5 + 0.75 * 0; c: 0.75 * 1
    assertThat(keys(fused)).containsExactly("c", "a", "b");
    assertThat(fused.get(0).score()).isCloseTo(0.75, within(1e-12));
    assertThat(fused.get(1).score()).isCloseTo(0.25, within(1e-12));
    assertThat(fused.get(2).score()).isCloseTo(0.125, within(1e-12));
    assertThat(fused.get(2).inputs().get(0).normalized()).isCloseTo(0.5, within(1e-12));
    assertThat(fused.get(1).inputs().get(1).present()).isFalse();
  }

  @Test
  void convexZScoreCentresEachInput() {
    List<Fused> fused =
        Fusion.convex(
            ranking("a", 3.0, "b", 1.0), ranking("b", 0.8, "a", 0.2), 0.5, Normalization.Z_SCORE);

    // Each input: mean 2 / 0.5, sd 1 / 0.3: a = (1 + -1) / 2 = 0, b = (-1 + 1) / 2 = 0: a tie,
    // broken by best rank (both 1), then by the earlier input: a.
    assertThat(keys(fused)).containsExactly("a", "b");
    assertThat(fused.get(0).score()).isCloseTo(0, within(1e-12));
    assertThat(fused.get(0).inputs().get(0).normalized()).isCloseTo(1, within(1e-12));
  }

  @Test
  void weightZeroOrOneReproducesOneInput() {
    List<Scored> first = ranking("a", 3.0, "b", 2.0, "c", 1.0);
    List<Scored> second = ranking("c", 3.0, "b", 2.0, "a", 1.0);
    for (Normalization n : Normalization.values()) {
      assertThat(keys(Fusion.convex(first, second, 0, n))).containsExactly("a", "b", "c");
      assertThat(keys(Fusion.convex(first, second, 1, n))).containsExactly("c", "b", "a");
    }
  }

  @Test
  void equalScoresAndEmptyInputsAreHandled() {
    List<Fused> fused =
        Fusion.convex(ranking("a", 1.0, "b", 1.0), List.of(), 0.5, Normalization.MIN_MAX);
    assertThat(keys(fused)).containsExactly("a", "b");
    assertThat(fused.get(0).score()).isCloseTo(0.5, within(1e-12));
    assertThat(Fusion.convex(List.of(), List.of(), 0.5, Normalization.Z_SCORE)).isEmpty();
  }

  @Test
  void bestScoreNormalizationDividesByTheTopScoreAndIgnoresTheTail() {
    List<Scored> lexical = ranking("x", 2.0, "y", 1.0);
    List<Scored> semantic = ranking("y", 0.8, "z", -0.1);
    List<Fused> fused = Fusion.convex(lexical, semantic, 0.7, Normalization.BEST_SCORE);
    assertThat(keys(fused)).containsExactly("y", "x", "z");
    assertThat(fused.get(0).score()).isCloseTo(0.3 * 0.5 + 0.7 * 1.0, within(1e-12));
    assertThat(fused.get(1).score()).isCloseTo(0.3, within(1e-12));
    assertThat(fused.get(2).score()).as("a negative score counts 0").isEqualTo(0.0);
    assertThat(fused.get(0).inputs().get(1).normalized()).isEqualTo(1.0);
    assertThat(fused.get(1).inputs().get(1).present()).isFalse();

    // More candidates at the tail leave the top items' scores as they were.
    List<Scored> longer = ranking("x", 2.0, "y", 1.0, "t1", 0.2, "t2", 0.1);
    List<Fused> again = Fusion.convex(longer, semantic, 0.7, Normalization.BEST_SCORE);
    assertThat(again.get(0).score()).isEqualTo(fused.get(0).score());
    assertThat(again.get(1).score()).isEqualTo(fused.get(1).score());
    // Min-max moves with the tail.
    assertThat(scoreOf("y", Fusion.convex(longer, semantic, 0.7, Normalization.MIN_MAX)))
        .isNotEqualTo(scoreOf("y", Fusion.convex(lexical, semantic, 0.7, Normalization.MIN_MAX)));

    // A list with nothing above 0 contributes nothing.
    List<Fused> flat =
        Fusion.convex(ranking("a", 0.0, "b", -1.0), ranking("b", 0.5), 0.5, Normalization.BEST_SCORE);
    assertThat(keys(flat)).containsExactly("b", "a");
    assertThat(flat.get(0).score()).isCloseTo(0.5, within(1e-12));
    assertThat(flat.get(1).score()).isEqualTo(0.0);
  }

  private static double scoreOf(String key, List<Fused> fused) {
    return fused.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().score();
  }

  @Test
  void rejectsBadWeightsAndScores() {
    assertThatThrownBy(
            () -> Fusion.convex(List.of(List.of()), List.of(0.5), Normalization.MIN_MAX))
        .hasMessageContaining("weights must sum to 1, got 0.5");
    assertThatThrownBy(
            () -> Fusion.convex(List.of(List.of()), List.of(0.5, 0.5), Normalization.MIN_MAX))
        .hasMessageContaining("weights must be one per input (1), got 2");
    assertThatThrownBy(() -> Fusion.convex(List.of(), List.of(), 1.5, Normalization.MIN_MAX))
        .hasMessageContaining("secondWeight must be in 0..1, got 1.5");
    assertThatThrownBy(() -> new Scored("a", Double.NaN)).hasMessageContaining("must be finite");
    assertThatThrownBy(() -> Fusion.reciprocalRank(0, List.of())).hasMessageContaining("k must be >= 1");
  }
}
