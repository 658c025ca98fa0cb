package dev.solosuccess.index.internal.support;

import dev.solosuccess.index.VectorHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best {@code k} of scored ids, ties broken by id so that results are deterministic. Not
 * thread-safe: one per search.
 */
public final class TopHits {

  /** Best first: higher score, then smaller id. */
  public static final Comparator<VectorHit> BEST_FIRST =
      Comparator.comparingDouble(VectorHit::score).reversed().thenComparing(VectorHit::id);

  private final int k;
  private final PriorityQueue<VectorHit> heap; // worst at the head

  public TopHits(int k) {
    this.k = k;
    this.heap = new PriorityQueue<>(k + 1, BEST_FIRST.reversed());
  }

  /** Whether a hit of this score could still enter (the id decides equal scores). */
  public boolean competitive(double score) {
    return heap.size() < k || score >= heap.peek().score();
  }

  public void offer(String id, double score) {
    if (heap.size() < k) {
      heap.add(new VectorHit(id, score));
      return;
    }
    VectorHit worst = heap.peek();
    if (score > worst.score() || (score == worst.score() && id.compareTo(worst.id()) < 0)) {
      heap.poll();
      heap.add(new VectorHit(id, score));
    }
  }

  public int size() {
    return heap.size();
  }

  /** The hits, best first. */
  public List<VectorHit> results() {
    List<VectorHit> out = new ArrayList<>(heap);
    out.sort(BEST_FIRST);
    return out;
  }
}
