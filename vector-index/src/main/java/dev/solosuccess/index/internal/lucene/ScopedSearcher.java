package dev.solosuccess.index.internal.lucene;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;

/**
 * An {@link IndexSearcher} whose BM25 statistics are those of the live documents an access scope
 * admits, as if the index held nothing else: document frequency and total term frequency are
 * counted on the term's postings within the scope, document count and summed length come from
 * {@link ScopeStatistics} (per-document token counts, {@code len.FIELD} doc values). A document
 * outside the scope therefore never changes a score (IDF, average length) of one inside it.
 *
 * <p>Made per search, on the reader of that search. Not thread-safe; used by one search.
 */
final class ScopedSearcher extends IndexSearcher {

  static final String LENGTH_PREFIX = "len.";

  private final ScopeStatistics scope;

  ScopedSearcher(IndexReader reader, ScopeStatistics scope, Similarity similarity) {
    super(reader);
    setSimilarity(similarity);
    this.scope = scope;
  }

  @Override
  public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq)
      throws IOException {
    long df = 0;
    long ttf = 0;
    for (LeafReaderContext leaf : scope.leaves()) {
      Terms terms = leaf.reader().terms(term.field());
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term.bytes())) {
        continue;
      }
      PostingsEnum postings = te.postings(null, PostingsEnum.FREQS);
      for (int d = postings.nextDoc();
          d != DocIdSetIterator.NO_MORE_DOCS;
          d = postings.nextDoc()) {
        if (scope.admits(leaf.ord, d)) {
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
    return scope.collection(field);
  }
}
