package dev.solosuccess.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.index.RankFusion.Fused;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RankFusionTest {

  private static final Offset<Double> EXACT = Offset.offset(1e-15);

  @Test
  void scoresAreSumsOfReciprocalRanks() {
    List<Fused> fused =
        RankFusion.reciprocalRank(60, List.of(List.of("a", "b", "c"), List.of("c", "a")));

    assertThat(fused).extracting(Fused::key).containsExactly("a", "c", "b");
    assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 62, EXACT);
    assertThat(fused.get(1).score()).as("ranks 3 and 1").isCloseTo(1.0 / 63 + 1.0 / 61, EXACT);
    assertThat(fused.get(2).score()).isCloseTo(1.0 / 62, EXACT);
    assertThat(fused.get(0).ranks()).containsExactly(1, 2);
    assertThat(fused.get(1).ranks()).containsExactly(3, 1);
    assertThat(fused.get(2).ranks()).as("0 where absent").containsExactly(2, 0);
  }

  @Test
  void theConstantKDampensTopRanks() {
    List<Fused> k1 = RankFusion.reciprocalRank(1, List.of(List.of("a", "b")));

    assertThat(k1.get(0).score()).isCloseTo(0.5, EXACT);
    assertThat(k1.get(1).score()).isCloseTo(1.0 / 3, EXACT);
    assertThat(RankFusion.DEFAULT_K).isEqualTo(60);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void kBelowOneIsRefusedNamingTheValue(int k) {
    assertThatThrownBy(() -> RankFusion.reciprocalRank(k, List.of(List.of("a"))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be >= 1, got " + k);
  }

  @Test
  void aKeyRepeatedInOneRankingCountsOnceAtItsFirstRank() {
    List<Fused> fused =
        RankFusion.reciprocalRank(60, List.of(List.of("a", "b", "a", "a"), List.of("b")));

    Fused a = fused.stream().filter(f -> f.key().equals("a")).findFirst().orElseThrow();
    Fused b = fused.stream().filter(f -> f.key().equals("b")).findFirst().orElseThrow();
    assertThat(fused).hasSize(2);
    assertThat(a.score()).isCloseTo(1.0 / 61, EXACT);
    assertThat(a.ranks()).containsExactly(1, 0);
    assertThat(b.ranks()).containsExactly(2, 1);
    assertThat(b.score()).isCloseTo(1.0 / 62 + 1.0 / 61, EXACT);
  }

  @Test
  void equalScoresGoToTheBetterBestRankThenTheEarlierInput() {
    // k = 1: p, r and x score 1/2 (rank 1), y scores 1/4 + 1/4 (rank 3 twice), q and s 1/3.
    List<Fused> fused =
        RankFusion.reciprocalRank(
            1, List.of(List.of("p", "q", "y"), List.of("r", "s", "y"), List.of("x")));

    assertThat(fused).extracting(Fused::key).containsExactly("p", "r", "x", "y", "q", "s");
    assertThat(fused.subList(0, 4)).extracting(Fused::score).containsOnly(0.5);
    assertThat(fused).extracting(Fused::bestRank).containsExactly(1, 1, 1, 3, 2, 2);
    assertThat(fused).extracting(Fused::bestInput).containsExactly(0, 1, 2, 0, 0, 1);
  }

  @Test
  void equalScoresAndBestRanksGoToTheEarlierInputFirst() {
    List<Fused> fused =
        RankFusion.reciprocalRank(60, List.of(List.of("y", "x"), List.of("x", "y")));

    assertThat(fused).extracting(Fused::key).containsExactly("y", "x");
    assertThat(fused.get(0).bestInput()).isZero();
    assertThat(fused.get(1).bestInput()).isEqualTo(1);

    List<Fused> swapped =
        RankFusion.reciprocalRank(60, List.of(List.of("x", "y"), List.of("y", "x")));
    assertThat(swapped).extracting(Fused::key).containsExactly("x", "y");
  }

  @Test
  void equalRankMultisetsTieExactlyWhateverTheInputOrder() {
    // x has ranks [1, 7, 2] and y [7, 2, 1]: the same sum, which floating-point addition in input
    // order would make differ in the last bit. The documented tie-break then decides: both reach
    // rank 1, x in input 0, y in input 2, so x first.
    List<Fused> fused =
        RankFusion.reciprocalRank(
            60,
            List.of(
                List.of("x", "a1", "a2", "a3", "a4", "a5", "y"),
                List.of("b1", "y", "b2", "b3", "b4", "b5", "x"),
                List.of("y", "x")));
    Fused x = fused.stream().filter(f -> f.key().equals("x")).findFirst().orElseThrow();
    Fused y = fused.stream().filter(f -> f.key().equals("y")).findFirst().orElseThrow();
    assertThat(x.score()).isEqualTo(y.score());
    assertThat(fused.indexOf(x)).isLessThan(fused.indexOf(y));
  }

  @Test
  void singleRankingKeepsItsOrder() {
    List<String> ranking = List.of("e", "d", "c", "b", "a");

    assertThat(RankFusion.reciprocalRank(60, List.of(ranking)))
        .extracting(Fused::key)
        .containsExactlyElementsOf(ranking);
  }

  @Test
  void noRankingsOrEmptyRankingsFuseToNothing() {
    assertThat(RankFusion.reciprocalRank(60, List.of())).isEmpty();
    assertThat(RankFusion.reciprocalRank(60, List.of(List.of(), List.of()))).isEmpty();
    assertThat(RankFusion.reciprocalRank(60, List.of(List.of(), List.of("a"))).get(0).ranks())
        .containsExactly(0, 1);
  }

  @Test
  void ranksAreUnmodifiable() {
    Fused f = RankFusion.reciprocalRank(60, List.of(List.of("a"))).get(0);

    assertThatThrownBy(() -> f.ranks().set(0, 5)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void bestRankAndBestInputIgnoreAbsentInputs() {
    Fused f = new Fused("a", 0.1, List.of(0, 4, 2, 2));

    assertThat(f.bestRank()).isEqualTo(2);
    assertThat(f.bestInput()).isEqualTo(2);
  }

  @Test
  void randomRankingsFuseLikeTheFormulaSays(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    for (int round = 0; round < 200; round++) {
      int k = 1 + random.nextInt(100);
      int inputs = 1 + random.nextInt(4);
      List<List<String>> rankings = new ArrayList<>();
      for (int i = 0; i < inputs; i++) {
        List<String> keys = new ArrayList<>();
        for (int j = random.nextInt(15); j > 0; j--) {
          keys.add("k" + random.nextInt(20)); // repeats on purpose
        }
        rankings.add(keys);
      }

      List<Fused> fused = RankFusion.reciprocalRank(k, rankings);

      Map<String, int[]> expectedRanks = new HashMap<>();
      Set<String> keys = new LinkedHashSet<>();
      for (int i = 0; i < inputs; i++) {
        List<String> r = rankings.get(i);
        for (int pos = 0; pos < r.size(); pos++) {
          keys.add(r.get(pos));
          int[] ranks = expectedRanks.computeIfAbsent(r.get(pos), x -> new int[inputs]);
          if (ranks[i] == 0) {
            ranks[i] = pos + 1;
          }
        }
      }
      String context = "k=" + k + " rankings=" + rankings + " (" + random + ")";
      assertThat(fused)
          .extracting(Fused::key)
          .as(context)
          .containsExactlyInAnyOrderElementsOf(keys);
      for (Fused f : fused) {
        int[] ranks = expectedRanks.get(f.key());
        double score = 0;
        for (int r : ranks) {
          score += r == 0 ? 0 : 1.0 / (k + r);
        }
        assertThat(f.ranks()).as("ranks of %s, %s", f.key(), context).containsExactly(box(ranks));
        assertThat(f.score())
            .as("score of %s, %s", f.key(), context)
            .isCloseTo(score, Offset.offset(1e-12));
      }
      for (int i = 1; i < fused.size(); i++) {
        Fused a = fused.get(i - 1);
        Fused b = fused.get(i);
        assertThat(a.score())
            .as("%s before %s, %s", a, b, context)
            .isGreaterThanOrEqualTo(b.score());
      }
      List<List<String>> copy = new ArrayList<>(rankings);
      assertThat(RankFusion.reciprocalRank(k, copy))
          .as("deterministic, %s", context)
          .isEqualTo(fused);
    }
  }

  private static Integer[] box(int[] a) {
    Integer[] b = new Integer[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i];
    }
    return b;
  }

  @Test
  void inputRankingsAreNotChanged() {
    List<String> first = new ArrayList<>(List.of("b", "a"));
    List<String> second = new ArrayList<>(List.of("a", "c"));

    RankFusion.reciprocalRank(60, List.of(first, second));

    assertThat(first).containsExactly("b", "a");
    assertThat(second).containsExactly("a", "c");
    assertThat(Collections.unmodifiableList(first)).hasSize(2);
  }
}
