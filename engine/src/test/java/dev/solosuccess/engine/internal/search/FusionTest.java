package dev.solosuccess.engine.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.FusionMethod;
import dev.solosuccess.index.ScoredChunk;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FusionTest {

  private static final Offset<Double> EXACT = Offset.offset(1e-12);

  private static ScoredChunk c(String doc, int n, double score) {
    return new ScoredChunk(doc + "#" + n, doc, score);
  }

  // BM25 scores: a 10, b 6, c 2. Cosines: c 0.9, a 0.5, d 0.4.
  static final List<ScoredChunk> LEXICAL = List.of(c("a", 0, 10), c("b", 1, 6), c("c", 0, 2));
  static final List<ScoredChunk> SEMANTIC = List.of(c("c", 2, 0.9), c("a", 0, 0.5), c("d", 0, 0.4));

  @Test
  void reciprocalRankSumsOneOverKPlusRank() {
    List<ScoredChunk> fused = new Fusion(FusionMethod.RRF, 60, 0.5).fuse(LEXICAL, SEMANTIC, true).stream().map(Fusion.Ranked::chunk).toList();

    assertThat(fused).extracting(ScoredChunk::documentId).containsExactly("a", "c", "b", "d");
    assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 62, EXACT);
    assertThat(fused.get(1).score()).isCloseTo(1.0 / 61 + 1.0 / 63, EXACT);
    // c ranked best in the semantic list: its chunk from there represents it.
    assertThat(fused.get(1).chunkId()).isEqualTo("c#2");
  }

  @Test
  void convexCombinesScoresDividedByEachListsBest() {
    List<ScoredChunk> fused = new Fusion(FusionMethod.CONVEX, 60, 0.6).fuse(LEXICAL, SEMANTIC, true).stream().map(Fusion.Ranked::chunk).toList();

    // Lexical / 10: a 1, b 0.6, c 0.2. Semantic / 0.9: c 1, a 0.5/0.9, d 0.4/0.9.
    double a = 0.4 * 1 + 0.6 * (0.5 / 0.9);
    double c = 0.4 * 0.2 + 0.6 * 1;
    double b = 0.4 * 0.6;
    double d = 0.6 * (0.4 / 0.9);
    assertThat(fused).extracting(ScoredChunk::documentId).containsExactly("a", "c", "d", "b");
    assertThat(fused.get(0).score()).isCloseTo(a, EXACT);
    assertThat(fused.get(1).score()).isCloseTo(c, EXACT);
    assertThat(fused.get(2).score()).isCloseTo(d, EXACT);
    assertThat(fused.get(3).score()).isCloseTo(b, EXACT);
  }

  @Test
  void convexScoresDoNotDependOnHowManyCandidatesWereFetched() {
    Fusion f = new Fusion(FusionMethod.CONVEX, 60, 0.5);
    List<ScoredChunk> all = f.fuse(LEXICAL, SEMANTIC, true).stream().map(Fusion.Ranked::chunk).toList();
    // Fewer vector candidates: d is not fetched; everything else scores as before.
    List<ScoredChunk> fewer = f.fuse(LEXICAL, SEMANTIC.subList(0, 2), true).stream().map(Fusion.Ranked::chunk).toList();

    assertThat(fewer).hasSize(3);
    assertThat(fewer).containsExactlyElementsOf(
        all.stream().filter(x -> !x.documentId().equals("d")).toList());
  }

  @Test
  void convexWeightsAtTheEndsFollowOneRetriever() {
    assertThat(new Fusion(FusionMethod.CONVEX, 60, 0).fuse(LEXICAL, SEMANTIC, true).stream().map(Fusion.Ranked::chunk).toList())
        .extracting(ScoredChunk::documentId)
        .startsWith("a", "b", "c");
    assertThat(new Fusion(FusionMethod.CONVEX, 60, 1).fuse(LEXICAL, SEMANTIC, true).stream().map(Fusion.Ranked::chunk).toList())
        .extracting(ScoredChunk::documentId)
        .startsWith("c", "a", "d");
  }

  @Test
  void negativeCosinesAndEmptyListsAddNothing() {
    List<ScoredChunk> fused =
        new Fusion(FusionMethod.CONVEX, 60, 0.5)
            .fuse(List.of(c("a", 0, 3)), List.of(c("b", 0, 0.5), c("a", 1, -0.2)), true).stream().map(Fusion.Ranked::chunk).toList();
    assertThat(fused).extracting(ScoredChunk::documentId).containsExactly("a", "b");
    assertThat(fused.get(0).score()).isCloseTo(0.5, EXACT);
    assertThat(fused.get(1).score()).isCloseTo(0.5, EXACT);
    // a and b tie at 0.5: a reached rank 1 in the earlier (lexical) list.
  }

  @Test
  void emptyListsFuseToTheOther() {
    assertThat(new Fusion(FusionMethod.CONVEX, 60, 0.5).fuse(List.of(), SEMANTIC, true).stream().map(Fusion.Ranked::chunk).toList())
        .extracting(ScoredChunk::documentId)
        .containsExactly("c", "a", "d");
    assertThat(new Fusion(FusionMethod.RRF, 60, 0.5).fuse(List.of(), List.of(), true).stream().map(Fusion.Ranked::chunk).toList()).isEmpty();
  }

  @Test
  void eachFusedHitExplainsItsRanksScoresAndContributions() {
    List<Fusion.Ranked> rrf = new Fusion(FusionMethod.RRF, 60, 0.5).fuse(LEXICAL, SEMANTIC, true);
    dev.solosuccess.sdk.Explanation e = rrf.get(0).explanation();
    assertThat(e.method()).isEqualTo("rrf");
    assertThat(e.parameter()).isEqualTo(60.0);
    assertThat(e.retrievers()).extracting(r -> r.name()).containsExactly("lexical", "semantic");
    double sum = 0;
    for (var r : e.retrievers()) {
      if (r.found()) {
        assertThat(r.contribution()).isCloseTo(1.0 / (60 + r.rank()), EXACT);
      } else {
        assertThat(r.contribution()).isZero();
      }
      sum += r.contribution();
    }
    assertThat(rrf.get(0).chunk().score()).isCloseTo(sum, EXACT);

    List<Fusion.Ranked> convex =
        new Fusion(FusionMethod.CONVEX, 60, 0.6).fuse(LEXICAL, SEMANTIC, true);
    for (Fusion.Ranked r : convex) {
      var lex = r.explanation().retrievers().get(0);
      var sem = r.explanation().retrievers().get(1);
      assertThat(r.chunk().score())
          .as(r.chunk().documentId())
          .isCloseTo(0.4 * lex.contribution() + 0.6 * sem.contribution(), EXACT);
      assertThat(lex.contribution()).isBetween(0.0, 1.0);
      assertThat(sem.contribution()).isBetween(0.0, 1.0);
    }
    assertThat(convex.get(0).explanation().method()).isEqualTo("convex");
  }
}
