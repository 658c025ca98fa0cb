package dev.solosuccess.index.internal.lucene;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * An access scope on one reader: the live documents it admits, one bit set per segment, and each
 * text field's collection statistics over them (computed once per field, on first use). Depends
 * only on the reader and the scope, so it is cached for as long as the reader serves searches.
 * Thread-safe (immutable bit sets, a concurrent map of statistics).
 */
final class ScopeStatistics {

  private final List<LeafReaderContext> leaves;
  private final FixedBitSet[] bits;
  private final Map<String, CollectionStatistics> collection = new ConcurrentHashMap<>();

  private ScopeStatistics(List<LeafReaderContext> leaves, FixedBitSet[] bits) {
    this.leaves = leaves;
    this.bits = bits;
  }

  static ScopeStatistics compute(IndexReader reader, Query scopeQuery) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    FixedBitSet[] bits = new FixedBitSet[leaves.size()];
    IndexSearcher plain = new IndexSearcher(reader);
    plain.setQueryCache(null);
    Weight weight =
        plain.createWeight(plain.rewrite(scopeQuery), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : leaves) {
      FixedBitSet set = new FixedBitSet(Math.max(1, leaf.reader().maxDoc()));
      ScorerSupplier supplier = weight.scorerSupplier(leaf);
      if (supplier != null) {
        Scorer scorer = supplier.get(Long.MAX_VALUE);
        DocIdSetIterator it = scorer.iterator();
        Bits live = leaf.reader().getLiveDocs();
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
          if (live == null || live.get(d)) {
            set.set(d);
          }
        }
      }
      bits[leaf.ord] = set;
    }
    return new ScopeStatistics(leaves, bits);
  }

  List<LeafReaderContext> leaves() {
    return leaves;
  }

  /** Whether document {@code doc} of segment {@code leafOrd} is in the scope. */
  boolean admits(int leafOrd, int doc) {
    return bits[leafOrd].get(doc);
  }

  /**
   * Document count and summed length of {@code field} over the scope, from the per-document token
   * counts ({@code len.FIELD}); minimal positive values when no document in the scope has it
   * (nothing in the scope can then score on it, and Lucene needs positive statistics).
   */
  CollectionStatistics collection(String field) throws IOException {
    CollectionStatistics cached = collection.get(field);
    if (cached != null) {
      return cached;
    }
    long docCount = 0;
    long sumLength = 0;
    for (LeafReaderContext leaf : leaves) {
      NumericDocValues lengths =
          leaf.reader().getNumericDocValues(ScopedSearcher.LENGTH_PREFIX + field);
      if (lengths == null) {
        continue;
      }
      FixedBitSet set = bits[leaf.ord];
      for (int d = lengths.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = lengths.nextDoc()) {
        if (set.get(d)) {
          docCount++;
          sumLength += lengths.longValue();
        }
      }
    }
    // sumDocFreq is not used by BM25; the token count bounds it and keeps Lucene's checks.
    CollectionStatistics stats =
        docCount == 0
            ? new CollectionStatistics(field, 1, 1, 1, 1)
            : new CollectionStatistics(field, docCount, docCount, sumLength, sumLength);
    collection.put(field, stats);
    return stats;
  }
}
