package dev.solosuccess.index;

import dev.solosuccess.index.internal.lucene.LuceneChunkIndex;
import java.nio.file.Path;
import java.util.List;

/**
 * One index over chunks: BM25 on their text and approximate nearest-neighbour search on their
 * vectors, written and committed together, so that one commit covers both.
 *
 * <p>The index is derived data. It records the sequence number of the last change it reflects
 * ({@link #committedSequence()}), so that its owner can replay newer changes from the system of
 * record after a crash, or rebuild it from scratch.
 *
 * <p>Thread-safe: searches run concurrently with each other and with writes, and see every write
 * that returned before they started (committed or not). Writes replace or delete whole documents,
 * atomically: a search sees all of a document's new chunks or none. {@link #close()} commits
 * nothing; call {@link #commit(long)} first.
 *
 * <pre>{@code
 * try (ChunkIndex index = ChunkIndex.open(dir, IndexSettings.of(384, VectorSimilarity.DOT_PRODUCT, "all-minilm-l6-v2"))) {
 *   index.replaceDocument("doc-1", chunks);
 *   index.commit(42);
 *   List<ScoredChunk> hits = index.searchText("refund window", 10, IndexFilter.none());
 * }
 * }</pre>
 */
public interface ChunkIndex extends AutoCloseable {

  /**
   * Opens the index in {@code directory}, creating it (and the folder) if there is none.
   *
   * @throws IncompatibleIndexException if the index was created with other settings
   * @throws IndexCorruptedException if the index files are damaged where Lucene verifies them on
   *     open (the commit point and segment infos, whose checksums are read); damage inside segment
   *     data surfaces when it is read
   * @throws IndexException if the folder cannot be used, or another writer holds it
   */
  static ChunkIndex open(Path directory, IndexSettings settings) {
    return LuceneChunkIndex.open(directory, settings, null);
  }

  /**
   * Opens the index in {@code directory} with every file encrypted under {@code encryption} (see
   * {@link #open(Path, IndexSettings)}).
   *
   * @throws IncompatibleIndexException also if the index's files were encrypted under another key,
   *     or not at all (the owner rebuilds it)
   */
  static ChunkIndex open(Path directory, IndexSettings settings, IndexEncryption encryption) {
    return LuceneChunkIndex.open(
        directory, settings, java.util.Objects.requireNonNull(encryption, "encryption"));
  }

  /**
   * Checks a closed index with Lucene's {@code CheckIndex}: every file of every segment read and
   * its checksum compared. Needs the index's write lock (no writer may have it open).
   *
   * @param encryption the index's key, or null for plain files
   * @throws IndexException if there is no index, or it is locked by a writer
   */
  static IndexCheck check(Path directory, IndexEncryption encryption) {
    return LuceneChunkIndex.check(directory, encryption);
  }

  IndexSettings settings();

  /** The sequence number recorded by the last commit; 0 for a new index. */
  long committedSequence();

  /**
   * Replaces every chunk of {@code documentId} with {@code chunks} (none: the document is removed),
   * without document text: {@link #searchDocuments} will not find the document.
   *
   * @throws IllegalArgumentException if a chunk belongs to another document, or its vector has the
   *     wrong dimension, a non-finite component, or (for {@link VectorSimilarity#COSINE}) zero length
   */
  default void replaceDocument(String documentId, List<IndexedChunk> chunks) {
    replaceDocument(documentId, chunks, null);
  }

  /**
   * Replaces every chunk of {@code documentId} with {@code chunks}, and the document's whole text
   * for document-level BM25 ({@link #searchDocuments}). The text is kept with the first chunk, so
   * it is ignored when there are no chunks (the document is removed).
   *
   * @param documentText the document's text, analyzed like chunk text; null for none
   * @throws IllegalArgumentException as {@link #replaceDocument(String, List)}
   */
  void replaceDocument(String documentId, List<IndexedChunk> chunks, String documentText);

  /** Removes every chunk of {@code documentId}; a no-op if it has none. */
  void deleteDocument(String documentId);

  /**
   * Rewrites every segment that holds deleted chunks, so that their text and vectors leave the
   * index's files once the next {@link #commit(long)} has released the old segments (erasure).
   */
  void expungeDeletes();

  /**
   * Holds the last commit from deletion, for a copy taken while the index keeps changing (an
   * online backup). Changes made after the last {@link #commit(long)} are not in it.
   */
  IndexSnapshot snapshot();

  /**
   * Removes everything, to rebuild from scratch. The committed sequence is unchanged until the next
   * commit, which may then record any sequence, even one lower than before (the owner's store may
   * have been restored to an earlier state).
   */
  void deleteAll();

  /**
   * Makes every write so far durable and records {@code sequence} as the last change they reflect.
   *
   * @throws IllegalArgumentException if {@code sequence} is negative, or lower than the committed
   *     one and no {@link #deleteAll()} came since that commit
   */
  void commit(long sequence);

  /**
   * BM25 search: the query is analyzed like the indexed text and its terms are OR-ed.
   *
   * @param k the most hits, at least 1
   * @return at most {@code k} chunks, best first; empty when no query term survives analysis
   */
  List<ScoredChunk> searchText(String query, int k, IndexFilter filter);

  /**
   * BM25 search over whole documents: each document indexed with its text ({@link
   * #replaceDocument(String, List, String)}) is scored as one unit, with document-level term and
   * length statistics, as a search engine that indexes whole documents scores it. The query is
   * analyzed and OR-ed as in {@link #searchText}.
   *
   * @param k the most hits, at least 1
   * @return at most {@code k} documents, best first, each as its first chunk (the one that holds
   *     the document text) with the document's score; empty when no query term survives analysis
   */
  List<ScoredChunk> searchDocuments(String query, int k, IndexFilter filter);

  /**
   * Approximate nearest neighbours (HNSW) of {@code vector}; the filter is applied during the graph
   * search, which explores at least {@link HnswParameters#searchCandidates()} candidates (100 by
   * default) however small {@code k} is. With {@link VectorEncoding#INT8} the candidates are
   * rescored on the float vectors, so scores are exact similarities either way.
   *
   * @return at most {@code k} chunks, most similar first, scored by similarity
   * @throws IllegalArgumentException if the vector has the wrong dimension or a non-finite component
   */
  List<ScoredChunk> searchVector(float[] vector, int k, IndexFilter filter);

  /** The number of chunks, as the next search would see it. */
  int chunkCount();

  /** Releases the index; uncommitted writes are lost. Idempotent. */
  @Override
  void close();
}
