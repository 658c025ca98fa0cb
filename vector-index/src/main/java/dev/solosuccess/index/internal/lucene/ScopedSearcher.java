package dev.solosuccess.index.internal.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * An {@link IndexSearcher} whose BM25 statistics are those of the live documents an access scope
 * admits, as if the index held nothing else: document frequency and total term frequency are
 * counted on the term's postings within the scope, and document count and summed length on the
 * per-document token counts ({@code len.FIELD} doc values) within it. A document outside the scope
 * therefore never changes a score (IDF, average length) of one inside it.
 *
 * <p>Made per search, on the reader of that search; the scope's bit sets cost one pass over the
 * scope's postings. Not thread-safe; used by one search.
 */
final class ScopedSearcher extends IndexSearcher {

  static final String LENGTH_PREFIX = "len.";

  private final List<LeafReaderContext> leaves;
  private final FixedBitSet[] scope;

  ScopedSearcher(IndexReader reader, Query scopeQuery, Similarity similarity) throws IOException {
    super(reader);
    setSimilarity(similarity);
    setQueryCache(null); // the scope differs per caller: nothing to share
    this.leaves = reader.leaves();
    this.scope = new FixedBitSet[leaves.size()];
    IndexSearcher plain = new IndexSearcher(reader);
    plain.setQueryCache(null);
    Weight weight =
        plain.createWeight(plain.rewrite(scopeQuery), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : leaves) {
      FixedBitSet bits = new FixedBitSet(Math.max(1, leaf.reader().maxDoc()));
      ScorerSupplier supplier = weight.scorerSupplier(leaf);
      if (supplier != null) {
        Scorer scorer = supplier.get(Long.MAX_VALUE);
        DocIdSetIterator it = scorer.iterator();
        Bits live = leaf.reader().getLiveDocs();
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
          if (live == null || live.get(d)) {
            bits.set(d);
          }
        }
      }
      scope[leaf.ord] = bits;
    }
  }

  @Override
  public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq)
      throws IOException {
    long df = 0;
    long ttf = 0;
    for (LeafReaderContext leaf : leaves) {
      Terms terms = leaf.reader().terms(term.field());
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term.bytes())) {
        continue;
      }
      FixedBitSet bits = scope[leaf.ord];
      PostingsEnum postings = te.postings(null, PostingsEnum.FREQS);
      for (int d = postings.nextDoc();
          d != DocIdSetIterator.NO_MORE_DOCS;
          d = postings.nextDoc()) {
        if (bits.get(d)) {
          df++;
          ttf += postings.freq();
        }
      }
    }
    if (df == 0) {
      // The term occurs only outside the scope, so it scores no document inside it; Lucene needs
      // positive statistics all the same.
      return new TermStatistics(term.bytes(), 1, 1);
    }
    return new TermStatistics(term.bytes(), df, ttf);
  }

  @Override
  public CollectionStatistics collectionStatistics(String field) throws IOException {
    long docCount = 0;
    long sumLength = 0;
    for (LeafReaderContext leaf : leaves) {
      NumericDocValues lengths = leaf.reader().getNumericDocValues(LENGTH_PREFIX + field);
      if (lengths == null) {
        continue;
      }
      FixedBitSet bits = scope[leaf.ord];
      for (int d = lengths.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = lengths.nextDoc()) {
        if (bits.get(d)) {
          docCount++;
          sumLength += lengths.longValue();
        }
      }
    }
    if (docCount == 0) {
      // No document in the scope has the field: nothing in the scope can score on it.
      return new CollectionStatistics(field, 1, 1, 1, 1);
    }
    // sumDocFreq is not used by BM25; the token count is its upper bound and keeps Lucene's checks.
    return new CollectionStatistics(field, docCount, docCount, sumLength, sumLength);
  }
}
