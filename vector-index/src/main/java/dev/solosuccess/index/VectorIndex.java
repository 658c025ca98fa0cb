package dev.solosuccess.index;

import dev.solosuccess.index.internal.flat.ExactVectorIndex;
import dev.solosuccess.index.internal.hnswlib.HnswlibVectorIndex;
import dev.solosuccess.index.internal.lucene.LuceneVectorIndex;
import java.nio.file.Path;
import java.util.List;

/**
 * Nearest-neighbour search over vectors keyed by id, with metadata filters applied during the
 * search. Backends: {@link VectorBackend#EXACT} (the ground truth), {@link
 * VectorBackend#LUCENE_HNSW} (float32 or int8) and {@link VectorBackend#HNSWLIB}; every one passes
 * the same contract test.
 *
 * <p>The index is derived data. Each write carries the sequence number of the change it applies
 * (never lower than the last one); {@link #commit()} makes the writes durable together with the
 * last applied sequence, which {@link #committedSequence()} reads back after a reopen, so the owner
 * knows which newer changes to replay.
 *
 * <p>Thread-safe: searches run concurrently with each other and with writes, and see every write
 * that returned before they started. {@link #close()} commits nothing; calls after it throw {@link
 * IndexClosedException}.
 *
 * <pre>{@code
 * try (VectorIndex index = VectorIndex.open(dir, config)) {
 *   index.upsert(VectorEntry.of("chunk-1", vector, Map.of("team", "support")), 42);
 *   index.commit();
 *   List<VectorHit> hits = index.search(query, 10, IndexFilter.none());
 * }
 * }</pre>
 */
public interface VectorIndex extends AutoCloseable {

  /**
   * Opens the index of {@code config.backend()} in {@code directory}, creating it if there is none.
   *
   * @throws IncompatibleIndexException if the index there was created with another backend,
   *     dimension, similarity, vector space or encoding
   * @throws IndexCorruptedException if its files are damaged
   * @throws IndexException if the folder cannot be used
   */
  static VectorIndex open(Path directory, VectorIndexConfig config) {
    return switch (config.backend()) {
      case EXACT -> ExactVectorIndex.open(directory, config);
      case LUCENE_HNSW -> LuceneVectorIndex.open(directory, config);
      case HNSWLIB -> HnswlibVectorIndex.open(directory, config);
    };
  }

  VectorIndexConfig config();

  /**
   * Adds the entry, or replaces the entry of the same id (vector and attributes).
   *
   * @param sequence the change this write applies; at least {@link #appliedSequence()}
   * @throws IllegalArgumentException if the vector has the wrong dimension, a non-finite component,
   *     zero length, or (for {@link VectorSimilarity#DOT_PRODUCT}) not unit length; or the sequence
   *     is lower than the applied one
   */
  void upsert(VectorEntry entry, long sequence);

  /**
   * Removes the entry of {@code id}; a no-op (that still advances the sequence) if there is none.
   *
   * @param sequence the change this write applies; at least {@link #appliedSequence()}
   */
  void delete(String id, long sequence);

  /**
   * The nearest entries to the query among those the filter accepts; {@code k} of them whenever at
   * least {@code k} match.
   *
   * @return at most {@code k} hits, most similar first; empty for an empty index
   * @throws IllegalArgumentException if k is not in 1..{@link VectorIndexConfig#maxK()}, or the
   *     vector has the wrong dimension, a non-finite component or zero length
   */
  List<VectorHit> search(VectorQuery query);

  /** {@code search(VectorQuery.of(vector, k).withFilter(filter))}. */
  default List<VectorHit> search(float[] vector, int k, IndexFilter filter) {
    return search(VectorQuery.of(vector, k).withFilter(filter));
  }

  /** The number of entries, as the next search sees them. */
  int size();

  /** The sequence of the last write; {@link #committedSequence()} after an open. */
  long appliedSequence();

  /** The sequence recorded by the last commit; 0 for a new index. */
  long committedSequence();

  /** Makes every write so far durable, recording {@link #appliedSequence()} with them. */
  void commit();

  /** Releases the index; writes since the last commit are lost. Idempotent. */
  @Override
  void close();
}
