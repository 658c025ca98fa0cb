package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.engine.internal.store.NewDocument;
import dev.solosuccess.index.IndexException;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.StorageException;
import dev.solosuccess.engine.internal.ingest.IngestStats;
import dev.solosuccess.sdk.IngestStage;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single writer of an engine: commits a change to the store (the acknowledgement), then brings
 * the index up to date, one change at a time so that the index applies them in commit order.
 *
 * <p>The store commit and the index update happen together under the write side of the engine's
 * visibility lock, whose read side a search holds while it reads the index and then the store: a
 * search sees a document's old chunks or its new ones, never a mix. Thread-safe.
 */
public final class EngineWriter {

  private final ReentrantLock lock = new ReentrantLock();
  private final MetadataStore store;
  private final IndexSync sync;
  private final ReadWriteLock visibility;
  /** The last failure to update the index, until a catch-up succeeds; guarded by lock. */
  private RuntimeException indexFailure;

  public EngineWriter(MetadataStore store, IndexSync sync, ReadWriteLock visibility) {
    this.store = store;
    this.sync = sync;
    this.visibility = visibility;
  }

  public Document upsert(NewDocument doc) {
    return upsert(doc, new IngestStats());
  }

  /** Stores a document version and applies it to the index, timing both. */
  public Document upsert(NewDocument doc, IngestStats stats) {
    lock.lock();
    try {
      visibility.writeLock().lock();
      try {
        ensureIndexWritable(doc.id());
        stats.time(IngestStage.STORE, () -> store.upsert(doc));
        stats.time(IngestStage.INDEX, () -> {
          applyToIndex(doc.id());
          return null;
        });
      } finally {
        visibility.writeLock().unlock();
      }
      return store.document(doc.id()).orElseThrow();
    } finally {
      lock.unlock();
    }
  }

  public Document replaceMetadata(String documentId, Metadata metadata) {
    return replaceMetadata(documentId, metadata, null);
  }

  /** Replaces metadata and, unless {@code labels} is null, access labels; then the index. */
  public Document replaceMetadata(
      String documentId, Metadata metadata, java.util.Set<String> labels) {
    lock.lock();
    try {
      visibility.writeLock().lock();
      try {
        ensureIndexWritable(documentId);
        store.replaceMetadata(documentId, metadata, labels);
        applyToIndex(documentId);
      } finally {
        visibility.writeLock().unlock();
      }
      return store.document(documentId).orElseThrow();
    } finally {
      lock.unlock();
    }
  }

  public void delete(String documentId) {
    lock.lock();
    try {
      visibility.writeLock().lock();
      try {
        ensureIndexWritable(documentId);
        store.delete(documentId);
        applyToIndex(documentId);
      } finally {
        visibility.writeLock().unlock();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Erases documents: deletes them like {@link #delete}, rewrites the index segments that held
   * them and commits, and has the store rewrite its file when it closes.
   */
  public void erase(java.util.List<String> documentIds) {
    lock.lock();
    try {
      visibility.writeLock().lock();
      try {
        ensureIndexWritable(String.join(", ", documentIds));
        for (String id : documentIds) {
          store.delete(id);
          applyToIndex(id);
        }
        store.compactOnClose();
        try {
          sync.expungeDeletes();
          sync.commit();
        } catch (IndexException e) {
          indexFailure = e;
          throw new StorageException(
              "the documents are deleted from the store, but the index could not rewrite the"
                  + " segments that held them (" + e.getMessage() + "): until it does, their"
                  + " text stays in deleted entries of the index files",
              e.directory(),
              e);
        }
      } finally {
        visibility.writeLock().unlock();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Makes the index durable up to the last applied change. */
  public void commitIndex() {
    commit(sync::commit);
  }

  /** Commits the index when enough changes or time have accumulated. */
  public void commitIndexIfDue() {
    commit(sync::commitIfDue);
  }

  private void commit(Runnable commit) {
    lock.lock();
    try {
      commit.run();
    } catch (IndexException e) {
      indexFailure = e;
      throw new StorageException(
          "cannot commit the index (" + e.getMessage() + "); what was written is stored, and the"
              + " index catches up on the next write or when the engine reopens",
          e.directory(),
          e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * After a failed index update, catches up before the next store write, and refuses the write
   * (nothing stored) while the index still fails: otherwise every later write would be stored and
   * acknowledged as failed, and a retry, finding it stored, would succeed with the index behind.
   */
  private void ensureIndexWritable(String documentId) {
    if (indexFailure == null) {
      return;
    }
    try {
      sync.catchUp();
      sync.commit();
      indexFailure = null;
    } catch (IndexException | IllegalArgumentException e) {
      throw new StorageException(
          "document " + documentId + " was not stored: the index cannot be updated ("
              + e.getMessage() + "); reopen the engine, which rebuilds what the index lacks",
          null,
          e);
    }
  }

  private void applyToIndex(String documentId) {
    try {
      sync.catchUp();
    } catch (IndexException | IllegalArgumentException e) {
      indexFailure = e;
      // The store has the change (it is acknowledged); the index catches up on the next write or
      // open, because its applied sequence did not move.
      throw new StorageException(
          "document " + documentId + " is stored, but the index could not be updated ("
              + e.getMessage() + "); it catches up on the next write or when the engine reopens",
          null,
          e);
    }
  }
}
