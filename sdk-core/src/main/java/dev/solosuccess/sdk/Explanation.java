package dev.solosuccess.sdk;

import java.util.List;
import java.util.Objects;

/**
 * Why a search hit ranked where it did: how each retriever ranked and scored it, and how the
 * scores were combined into {@link SearchHit#score()}.
 *
 * @param method how the hit's score was made: {@code bm25}, {@code vector}, {@code rrf} (reciprocal
 *     rank fusion, {@code sum 1/(k + rank)}) or {@code convex} (weighted sum of each list's scores
 *     divided by its best score)
 * @param parameter the method's parameter: RRF's k, the convex fusion's semantic weight; 0 for a
 *     single retriever
 * @param retrievers one per retriever that ran, lexical first
 */
public record Explanation(String method, double parameter, List<Retriever> retrievers) {

  public Explanation {
    Objects.requireNonNull(method, "method");
    retrievers = List.copyOf(retrievers);
  }

  /**
   * How one retriever saw the hit.
   *
   * @param name {@code lexical} (BM25) or {@code semantic} (vectors)
   * @param rank 1-based rank in that retriever's candidates; 0 if it did not return the hit
   * @param score the retriever's own score (BM25, or cosine similarity); 0 if absent
   * @param contribution what it added to the hit's score, before the convex weight or as RRF's
   *     {@code 1/(k + rank)}; its own score for a single retriever
   */
  public record Retriever(String name, int rank, double score, double contribution) {
    public boolean found() {
      return rank > 0;
    }
  }
}
