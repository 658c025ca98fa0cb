package dev.solosuccess.engine.internal.search;

import dev.solosuccess.engine.FusionMethod;
import dev.solosuccess.index.RankFusion;
import dev.solosuccess.index.ScoredChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses the lexical and the semantic ranking of a hybrid search, by {@link FusionMethod}. Each fused
 * hit is represented by the chunk of the list in which it ranked best (the lexical one on ties, for
 * its keyword snippet). Immutable and thread-safe.
 *
 * @param method how
 * @param rrfK the constant of {@link FusionMethod#RRF}
 * @param semanticWeight the vector ranking's weight in {@link FusionMethod#CONVEX}
 */
public record Fusion(FusionMethod method, int rrfK, double semanticWeight) {

  /**
   * @param byDocument whether the lists hold one chunk per document (fused by document id) or
   *     chunks (fused by chunk id)
   */
  public List<ScoredChunk> fuse(
      List<ScoredChunk> lexical, List<ScoredChunk> semantic, boolean byDocument) {
    List<List<ScoredChunk>> inputs = List.of(lexical, semantic);
    List<List<String>> keys =
        inputs.stream()
            .map(l -> l.stream().map(c -> key(c, byDocument)).toList())
            .toList();
    List<RankFusion.Fused> fused = RankFusion.reciprocalRank(rrfK, keys);
    if (method == FusionMethod.CONVEX) {
      fused = convex(inputs, fused, byDocument);
    }
    List<ScoredChunk> out = new ArrayList<>(fused.size());
    for (RankFusion.Fused f : fused) {
      ScoredChunk representative = inputs.get(f.bestInput()).get(f.bestRank() - 1);
      out.add(new ScoredChunk(representative.chunkId(), representative.documentId(), f.score()));
    }
    return out;
  }

  private static String key(ScoredChunk c, boolean byDocument) {
    return byDocument ? c.documentId() : c.chunkId();
  }

  /**
   * Rescores the items of {@code rrf} (which carries each item's ranks) by the convex combination
   * of their scores, each divided by the best score of its list, and sorts them by it; ties as
   * reciprocal rank fusion breaks them. A score below 0 (a negative cosine) counts as 0, and so
   * does a list that misses the item. Dividing by the best score, rather than also subtracting the
   * worst candidate's, keeps a document's fused score independent of how many candidates were
   * fetched: a search for 10 hits ranks them as a search for 1,000 ranks its first 10.
   */
  private List<RankFusion.Fused> convex(
      List<List<ScoredChunk>> inputs, List<RankFusion.Fused> rrf, boolean byDocument) {
    double[] weights = {1 - semanticWeight, semanticWeight};
    Map<String, Double> score = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      List<ScoredChunk> list = inputs.get(i);
      double max = 0;
      for (ScoredChunk c : list) {
        max = Math.max(max, c.score());
      }
      if (max == 0) {
        continue; // nothing scored above 0: the list adds nothing
      }
      Map<String, Double> seen = new LinkedHashMap<>();
      for (ScoredChunk c : list) {
        seen.putIfAbsent(key(c, byDocument), Math.max(0, c.score()) / max);
      }
      double w = weights[i];
      seen.forEach((k, v) -> score.merge(k, w * v, Double::sum));
    }
    List<RankFusion.Fused> out = new ArrayList<>(rrf.size());
    for (RankFusion.Fused f : rrf) {
      out.add(new RankFusion.Fused(f.key(), score.getOrDefault(f.key(), 0.0), f.ranks()));
    }
    out.sort(
        Comparator.comparingDouble(RankFusion.Fused::score)
            .reversed()
            .thenComparingInt(RankFusion.Fused::bestRank)
            .thenComparingInt(RankFusion.Fused::bestInput)
            .thenComparing(RankFusion.Fused::key));
    return out;
  }
}
