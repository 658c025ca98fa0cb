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
        for (String id : documentIds) {
          store.delete(id);
          applyToIndex(id);
        }
        sync.expungeDeletes();
        sync.commit();
        store.compactOnClose();
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
      throw new StorageException("cannot commit the index: " + e.getMessage(), e.directory(), e);
    } finally {
      lock.unlock();
    }
  }

  private void applyToIndex(String documentId) {
    try {
      sync.catchUp();
    } catch (IndexException | IllegalArgumentException e) {
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
