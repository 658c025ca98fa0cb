package dev.solosuccess.engine.internal.search;

import dev.solosuccess.engine.LexicalScope;
import dev.solosuccess.engine.internal.model.EmbeddingModel;
import dev.solosuccess.engine.internal.store.HitRow;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.index.ChunkIndex;
import dev.solosuccess.index.IndexException;
import dev.solosuccess.index.IndexFilter;
import dev.solosuccess.index.ScoredChunk;
import dev.solosuccess.sdk.Grouping;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SearchResults;
import dev.solosuccess.sdk.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * Runs a search: each retriever fetches candidates with the metadata filter applied inside it (see
 * {@link MetadataFields}); for document grouping the vector list keeps a document's best chunk and
 * BM25 scores whole documents (or, with {@link LexicalScope#CHUNK}, their best chunk); hybrid
 * search fuses the two lists ({@link Fusion}); the top hits are filled in from the store with
 * snippets. Thread-safe.
 */
public final class SearchExecutor {

  private static final int MAX_DEPTH = 10_000;

  private final ChunkIndex index;
  private final MetadataStore store;
  private final EmbeddingModel model;
  private final int candidateDepth;
  private final LexicalScope lexicalScope;
  private final Fusion fusion;
  private final ReadWriteLock visibility;

  /**
   * @param visibility read while the index and then the store are read, so that a write (which
   *     takes the write side around its store commit and index update) is seen whole or not at all
   */
  public SearchExecutor(
      ChunkIndex index,
      MetadataStore store,
      EmbeddingModel model,
      int candidateDepth,
      LexicalScope lexicalScope,
      Fusion fusion,
      ReadWriteLock visibility) {
    this.visibility = visibility;
    this.index = index;
    this.store = store;
    this.model = model;
    this.candidateDepth = candidateDepth;
    this.lexicalScope = lexicalScope;
    this.fusion = fusion;
  }

  public SearchResults search(SearchRequest request) {
    return search(request, java.util.Optional.empty());
  }

  /**
   * Runs a search for a caller whose access labels are {@code scope} (empty: sees everything). The
   * scope is one more clause of the index filter, so it restricts the BM25 and the HNSW search
   * themselves, and BM25 computes its statistics within it: no chunk outside it is returned,
   * counted, or shapes a score.
   */
  public SearchResults search(SearchRequest request, java.util.Optional<Set<String>> scope) {
    long start = System.nanoTime();
    boolean byDocument = request.grouping() == Grouping.DOCUMENT;
    // Grouping by document needs more chunks than hits: several may belong to one document.
    int depth =
        Math.min(MAX_DEPTH, Math.max(candidateDepth, request.limit() * (byDocument ? 4 : 1)));
    IndexFilter filter = MetadataFields.filter(request.filter());
    if (scope.isPresent()) {
      filter = filter.and(IndexFilter.labels(scope.get()));
    }
    float[] vector = request.mode() == SearchMode.LEXICAL ? null : embed(request.query());
    List<Fusion.Ranked> top;
    Map<String, HitRow> rows;
    visibility.readLock().lock();
    try {
      List<Fusion.Ranked> ranked;
      try {
        ranked =
            switch (request.mode()) {
              case LEXICAL ->
                  Fusion.single(lexical(request.query(), depth, filter, byDocument), Fusion.LEXICAL);
              case SEMANTIC ->
                  Fusion.single(
                      group(index.searchVector(vector, depth, filter), byDocument), Fusion.SEMANTIC);
              case HYBRID ->
                  fusion.fuse(
                      lexical(request.query(), depth, filter, byDocument),
                      group(index.searchVector(vector, depth, filter), byDocument),
                      byDocument);
            };
      } catch (IndexException e) {
        throw new StorageException("cannot search the index: " + e.getMessage(), e.directory(), e);
      }
      top = ranked.subList(0, Math.min(request.limit(), ranked.size()));
      rows = store.hitRows(top.stream().map(r -> r.chunk().chunkId()).toList());
    } finally {
      visibility.readLock().unlock();
    }
    List<SearchHit> hits = new ArrayList<>(top.size());
    for (Fusion.Ranked r : top) {
      ScoredChunk c = r.chunk();
      HitRow row = rows.get(c.chunkId());
      if (row == null) {
        continue; // deleted since the index was searched
      }
      hits.add(
          new SearchHit(
              hits.size() + 1,
              c.documentId(),
              row.source(),
              c.chunkId(),
              c.score(),
              Snippets.of(row.chunk().text(), request.query()),
              row.chunk().provenance(),
              row.metadata(),
              r.explanation()));
    }
    return new SearchResults(request, hits, Duration.ofNanos(System.nanoTime() - start));
  }

  private float[] embed(String query) {
    return model.embedQuery(query);
  }

  /**
   * The BM25 ranking: of chunks, or of documents by their best chunk, or (with {@link
   * LexicalScope#DOCUMENT}) of whole documents, each shown by its best-scoring chunk among the
   * top chunks, else by its first.
   */
  private List<ScoredChunk> lexical(
      String query, int depth, IndexFilter filter, boolean byDocument) {
    List<ScoredChunk> chunks = group(index.searchText(query, depth, filter), byDocument);
    if (!byDocument || lexicalScope == LexicalScope.CHUNK) {
      return chunks;
    }
    Map<String, String> bestChunk = new HashMap<>();
    for (ScoredChunk c : chunks) {
      bestChunk.put(c.documentId(), c.chunkId());
    }
    List<ScoredChunk> documents = index.searchDocuments(query, depth, filter);
    List<ScoredChunk> out = new ArrayList<>(documents.size());
    for (ScoredChunk d : documents) {
      out.add(
          new ScoredChunk(
              bestChunk.getOrDefault(d.documentId(), d.chunkId()), d.documentId(), d.score()));
    }
    return out;
  }

  /**
   * Keeps each document's first chunk when grouping by document: the lists come best first, so a
   * document is ranked, and scored, by its best chunk (maximum aggregation).
   */
  private static List<ScoredChunk> group(List<ScoredChunk> chunks, boolean byDocument) {
    if (!byDocument) {
      return chunks;
    }
    Set<String> seen = new HashSet<>();
    List<ScoredChunk> best = new ArrayList<>();
    for (ScoredChunk c : chunks) {
      if (seen.add(c.documentId())) {
        best.add(c);
      }
    }
    return best;
  }
}
