package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.search.MetadataFields;
import dev.solosuccess.engine.internal.store.Change;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.engine.internal.store.StoredChunk;
import dev.solosuccess.index.ChunkIndex;
import dev.solosuccess.index.IndexedChunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.Metadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the index a function of the store. The store's change log is the only input: {@link
 * #catchUp()} applies the current store state of every document changed after the last applied
 * sequence, so the same code serves a normal write (one change), the replay after a crash, and a
 * full rebuild (from sequence 0). Applying a document twice is harmless.
 *
 * <p>Thread-safe (synchronized).
 */
public final class IndexSync {

  private static final int PAGE = 10_000;
  /*
   * How much work a crash may leave to replay. The index is derived: opening the engine replays its
   * uncommitted changes from the store (about a millisecond a document, nothing is embedded again).
   * Each commit flushes a small segment and waits for small segments to merge, vectors included:
   * on 1,500 SciFact abstracts, committing every 64 documents or 2 s (one commit right after each
   * embedding group, another 64 documents later) cost 42 commits and 4.1 s, 4.6% of the ingest;
   * every 10 s, 10 commits and 1.5 s. Searches do not wait for commits (near-real-time readers).
   */
  private static final int COMMIT_EVERY_DOCUMENTS = 1_000;
  private static final long COMMIT_EVERY_NANOS = 10_000_000_000L;

  private final MetadataStore store;
  private final ChunkIndex index;
  private long applied;
  private int uncommitted;
  private long lastCommitNanos = System.nanoTime();

  public IndexSync(MetadataStore store, ChunkIndex index) {
    this.store = store;
    this.index = index;
    this.applied = index.committedSequence();
  }

  /**
   * Applies every change after the last applied one.
   *
   * @return the number of documents applied
   */
  public synchronized int catchUp() {
    if (applied > store.lastSequence()) {
      // The index reflects changes the store does not have (an older store was put back):
      // only a rebuild makes it agree again.
      index.deleteAll();
      applied = 0;
    }
    int total = 0;
    while (true) {
      List<Change> changes = store.changesAfter(applied, PAGE);
      if (changes.isEmpty()) {
        return total;
      }
      Set<String> documents = new LinkedHashSet<>();
      for (Change c : changes) {
        documents.remove(c.documentId());
        documents.add(c.documentId());
      }
      for (String id : documents) {
        apply(id);
      }
      applied = changes.get(changes.size() - 1).sequence();
      uncommitted += documents.size();
      total += documents.size();
    }
  }

  private void apply(String documentId) {
    Optional<Document> doc = store.document(documentId);
    if (doc.isEmpty()) {
      index.deleteDocument(documentId);
      return;
    }
    List<StoredChunk> chunks = store.chunksWithVectors(documentId);
    List<IndexedChunk> indexed = new ArrayList<>(chunks.size());
    // Filters match the parser's metadata and the caller's; the caller's wins on equal keys.
    Metadata metadata = doc.get().extracted().merge(doc.get().metadata());
    Map<String, String> terms = MetadataFields.terms(metadata);
    Map<String, Double> numbers = MetadataFields.numbers(metadata);
    // Access labels on every chunk, so the caller's scope is a filter inside each retriever.
    Set<String> labels = store.labels(documentId);
    for (StoredChunk c : chunks) {
      indexed.add(
          new IndexedChunk(
              c.chunk().id(),
              documentId,
              c.chunk().text(),
              c.vector(),
              terms,
              numbers,
              labels));
    }
    index.replaceDocument(documentId, indexed, documentText(chunks));
  }

  /**
   * The document's text for document-level BM25, made of its chunks' text (what a PHI policy lets
   * the index see), each without the sentences it shares with the chunk before it.
   */
  static String documentText(List<StoredChunk> chunks) {
    StringBuilder text = new StringBuilder();
    String previous = "";
    for (StoredChunk c : chunks) {
      String t = c.chunk().text();
      int shared = sharedPrefix(previous, t);
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(t.substring(shared).stripLeading());
      previous = t;
    }
    return text.toString();
  }

  /**
   * The length of the longest start of {@code next} that ends {@code previous} at word boundaries
   * in both: the sentences a chunk repeats from the one before it.
   */
  private static int sharedPrefix(String previous, String next) {
    int p = previous.length();
    for (int n = Math.min(p, next.length()); n > 0; n--) {
      boolean wordStart = n == p || Character.isWhitespace(previous.charAt(p - n - 1));
      boolean wordEnd = n == next.length() || Character.isWhitespace(next.charAt(n));
      if (wordStart && wordEnd && previous.regionMatches(p - n, next, 0, n)) {
        return n;
      }
    }
    return 0;
  }

  /** Makes the applied changes durable in the index. */
  /** See {@link ChunkIndex#expungeDeletes()}. */
  public synchronized void expungeDeletes() {
    index.expungeDeletes();
  }

  public synchronized void commit() {
    if (uncommitted > 0 || index.committedSequence() != applied) {
      index.commit(applied);
    }
    uncommitted = 0;
    lastCommitNanos = System.nanoTime();
  }

  /** Commits when enough documents or time have gone by, bounding the replay after a crash. */
  /**
   * Commits what was applied, then holds that commit from deletion until the snapshot is closed
   * (online backup): the copy is as fresh as the store's applied changes.
   */
  public synchronized dev.solosuccess.index.IndexSnapshot snapshot() {
    commit();
    return index.snapshot();
  }

  public synchronized void commitIfDue() {
    if (uncommitted >= COMMIT_EVERY_DOCUMENTS
        || (uncommitted > 0 && System.nanoTime() - lastCommitNanos > COMMIT_EVERY_NANOS)) {
      commit();
    }
  }

}
