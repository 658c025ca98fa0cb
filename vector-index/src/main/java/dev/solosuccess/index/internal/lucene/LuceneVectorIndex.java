package dev.solosuccess.index.internal.lucene;

import dev.solosuccess.index.IndexSettings;
import dev.solosuccess.index.IndexedChunk;
import dev.solosuccess.index.ScoredChunk;
import dev.solosuccess.index.VectorEntry;
import dev.solosuccess.index.VectorHit;
import dev.solosuccess.index.VectorIndex;
import dev.solosuccess.index.VectorIndexConfig;
import dev.solosuccess.index.VectorQuery;
import dev.solosuccess.index.internal.support.VectorChecks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link VectorIndex} on the same Lucene index as {@link dev.solosuccess.index.ChunkIndex}: each
 * entry is a document of one chunk (no text), so the vectors the engine searches and the ones this
 * interface's contract test checks go through one code path. Float32 or int8 HNSW as {@link
 * VectorIndexConfig#encoding()} says; Lucene filters inside the graph search and switches to an
 * exact scan by itself when the filter leaves few documents. Thread-safe.
 */
public final class LuceneVectorIndex implements VectorIndex {

  private final LuceneChunkIndex index;
  private final VectorIndexConfig config;
  private final Object writeLock = new Object();
  private volatile long applied;

  private LuceneVectorIndex(LuceneChunkIndex index, VectorIndexConfig config) {
    this.index = index;
    this.config = config;
    this.applied = index.committedSequence();
  }

  public static LuceneVectorIndex open(Path directory, VectorIndexConfig config) {
    return new LuceneVectorIndex(LuceneChunkIndex.open(directory, settings(config)), config);
  }

  static IndexSettings settings(VectorIndexConfig config) {
    return IndexSettings.of(config.dimension(), config.similarity(), config.vectorSpace())
        .withVectorEncoding(config.encoding())
        .withHnsw(config.hnsw());
  }

  @Override
  public VectorIndexConfig config() {
    index.settings(); // throws once closed
    return config;
  }

  @Override
  public void upsert(VectorEntry entry, long sequence) {
    IndexedChunk chunk =
        new IndexedChunk(
            entry.id(), entry.id(), "", entry.vector(), entry.attributes(), entry.numbers());
    synchronized (writeLock) {
      VectorChecks.checkSequence(sequence, appliedSequence());
      index.replaceDocument(entry.id(), List.of(chunk));
      applied = sequence;
    }
  }

  @Override
  public void delete(String id, long sequence) {
    synchronized (writeLock) {
      VectorChecks.checkSequence(sequence, appliedSequence());
      index.deleteDocument(id);
      applied = sequence;
    }
  }

  @Override
  public List<VectorHit> search(VectorQuery query) {
    index.settings();
    VectorChecks.checkK(query.k(), config.maxK());
    List<ScoredChunk> found =
        index.searchVector(
            query.vector(),
            query.k(),
            query.filter(),
            query.candidatesOr(config.hnsw().searchCandidates()));
    List<VectorHit> hits = new ArrayList<>(found.size());
    for (ScoredChunk c : found) {
      hits.add(new VectorHit(c.chunkId(), c.score()));
    }
    return hits;
  }

  @Override
  public int size() {
    return index.chunkCount();
  }

  @Override
  public long appliedSequence() {
    index.settings();
    return applied;
  }

  @Override
  public long committedSequence() {
    return index.committedSequence();
  }

  @Override
  public void commit() {
    synchronized (writeLock) {
      index.commit(appliedSequence());
    }
  }

  /** See {@link LuceneChunkIndex#forceMerge(int)}. */
  public void forceMerge(int maxSegments) {
    index.forceMerge(maxSegments);
  }

  /** See {@link LuceneChunkIndex#committedBytes()}. */
  public long committedBytes() {
    return index.committedBytes();
  }

  @Override
  public void close() {
    index.close();
  }

  @Override
  public String toString() {
    return "LuceneVectorIndex[" + index + "]";
  }

}
