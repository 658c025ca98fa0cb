package dev.solosuccess.engine.internal.search;

import dev.solosuccess.engine.FusionMethod;
import dev.solosuccess.index.ScoredChunk;
import dev.solosuccess.sdk.Explanation;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuses the lexical and the semantic ranking of a hybrid search, by {@link FusionMethod}, through
 * {@link dev.solosuccess.index.Fusion} (reciprocal rank, or convex with each list's scores divided
 * by its best one). Each fused hit is represented by the chunk of the list in which it ranked best
 * (the lexical one on ties, for its keyword snippet) and keeps how each list ranked and scored it.
 * Immutable and thread-safe.
 *
 * @param method how
 * @param rrfK the constant of {@link FusionMethod#RRF}
 * @param semanticWeight the vector ranking's weight in {@link FusionMethod#CONVEX}
 */
public record Fusion(FusionMethod method, int rrfK, double semanticWeight) {

  static final String LEXICAL = "lexical";
  static final String SEMANTIC = "semantic";

  /** A hit of a ranking, with why it stands there. */
  public record Ranked(ScoredChunk chunk, Explanation explanation) {}

  /**
   * @param byDocument whether the lists hold one chunk per document (fused by document id) or
   *     chunks (fused by chunk id)
   */
  public List<Ranked> fuse(
      List<ScoredChunk> lexical, List<ScoredChunk> semantic, boolean byDocument) {
    List<List<ScoredChunk>> inputs = List.of(lexical, semantic);
    List<List<dev.solosuccess.index.Fusion.Scored>> scored =
        inputs.stream()
            .map(l -> dev.solosuccess.index.Fusion.ranked(
                l, c -> byDocument ? c.documentId() : c.chunkId(), ScoredChunk::score))
            .toList();
    List<dev.solosuccess.index.Fusion.Fused> fused =
        method == FusionMethod.RRF
            ? dev.solosuccess.index.Fusion.reciprocalRank(rrfK, scored)
            : dev.solosuccess.index.Fusion.convex(
                scored,
                List.of(1 - semanticWeight, semanticWeight),
                dev.solosuccess.index.Fusion.Normalization.BEST_SCORE);
    String name = method == FusionMethod.RRF ? "rrf" : "convex";
    double parameter = method == FusionMethod.RRF ? rrfK : semanticWeight;
    List<Ranked> out = new ArrayList<>(fused.size());
    for (dev.solosuccess.index.Fusion.Fused f : fused) {
      ScoredChunk representative = inputs.get(f.bestInput()).get(f.bestRank() - 1);
      List<Explanation.Retriever> retrievers = new ArrayList<>(2);
      for (int i = 0; i < 2; i++) {
        dev.solosuccess.index.Fusion.Contribution c = f.inputs().get(i);
        retrievers.add(
            new Explanation.Retriever(
                i == 0 ? LEXICAL : SEMANTIC,
                c.rank(),
                c.present() ? c.score() : 0,
                c.normalized()));
      }
      out.add(
          new Ranked(
              new ScoredChunk(representative.chunkId(), representative.documentId(), f.score()),
              new Explanation(name, parameter, retrievers)));
    }
    return out;
  }

  /** A single retriever's ranking, explained. */
  static List<Ranked> single(List<ScoredChunk> ranking, String retriever) {
    String method = retriever.equals(LEXICAL) ? "bm25" : "vector";
    List<Ranked> out = new ArrayList<>(ranking.size());
    for (int i = 0; i < ranking.size(); i++) {
      ScoredChunk c = ranking.get(i);
      out.add(
          new Ranked(
              c,
              new Explanation(
                  method, 0, List.of(new Explanation.Retriever(retriever, i + 1, c.score(), c.score())))));
    }
    return out;
  }
}
