package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.engine.internal.store.NewDocument;
import dev.solosuccess.index.IndexException;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.StorageException;
import dev.solosuccess.engine.internal.ingest.IngestStats;
import dev.solosuccess.sdk.IngestStage;
import dev.solosuccess.sdk.ClosedException;
import dev.solosuccess.sdk.SoloException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single writer of an engine: commits a change to the store (the acknowledgement), then brings
 * the index up to date, one change at a time so that the index applies them in commit order.
 *
 * <p>The store commit and the index update happen together under the write side of the engine's
 * visibility lock, whose read side a search holds while it reads the index and then the store: a
 * search sees a document's old chunks or its new ones, never a mix.
 *
 * <p>Every write runs on the writer's own thread ({@code solo-writer}), which callers wait on. The
 * reason is interrupts: an interrupt that reaches a thread while it writes through a {@code
 * FileChannel} closes the channel, and Lucene then closes its {@code IndexWriter} for good (a
 * "tragic event"): every later write would fail until the engine reopens. Here an interrupted
 * caller stops waiting instead: a write that has not started is cancelled and the call throws
 * {@link SoloException} saying that nothing was written; a write already running is short (one
 * document) and is waited for, so that the call still reports what happened. Either way the
 * caller's interrupt status is set when the call returns or throws.
 *
 * <p>Thread-safe. {@link #commitBeforeClose()} commits the index on the writer thread; {@link
 * #close()} stops the thread.
 */
public final class EngineWriter implements AutoCloseable {

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("solo-writer").daemon().factory());
  /** Kept although one thread writes: it makes the writes' mutual exclusion explicit. */
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
    return onWriter("storing document " + doc.id(), () -> upsertNow(doc, stats));
  }

  private Document upsertNow(NewDocument doc, IngestStats stats) {
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
    return onWriter("updating the metadata of document " + documentId,
        () -> replaceMetadataNow(documentId, metadata, labels));
  }

  private Document replaceMetadataNow(
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
    onWriter("deleting document " + documentId, () -> {
      deleteNow(documentId);
      return null;
    });
  }

  private void deleteNow(String documentId) {
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
    onWriter("erasing " + documentIds.size() + " documents", () -> {
      eraseNow(documentIds);
      return null;
    });
  }

  private void eraseNow(java.util.List<String> documentIds) {
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

  /**
   * Commits on the writer thread. An interrupted caller skips a commit that has not started
   * without an error: what it wrote is stored (the store is the acknowledgement) and the index
   * commits with the next write, at close, or catches up from the store when the engine reopens.
   */
  private void commit(Runnable commit) {
    onWriter("committing the index", true, () -> {
      commitNow(commit);
      return null;
    });
  }

  private void commitNow(Runnable commit) {
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
   * Commits the index on the writer thread as the engine closes. A caller interrupted meanwhile
   * still waits (closing must not skip the commit) and has its interrupt status set afterwards.
   */
  public void commitBeforeClose() {
    Future<?> done;
    try {
      done = thread.submit(() -> commitNow(sync::commit));
    } catch (RejectedExecutionException e) {
      return; // closed already
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          done.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw unwrap(e);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops the writer thread after the writes already queued; idempotent. */
  @Override
  public void close() {
    thread.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (thread.awaitTermination(1, TimeUnit.DAYS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs {@code write} on the writer thread and waits for it; see the class comment for what an
   * interrupt of the waiting caller does.
   */
  private <T> T onWriter(String what, Callable<T> write) {
    return onWriter(what, false, write);
  }

  /**
   * @param skippable an interrupted caller skips the write if it has not started, and returns null
   */
  private <T> T onWriter(String what, boolean skippable, Callable<T> write) {
    // A FutureTask cannot tell "queued" from "running" (cancel(false) succeeds on both), so the
    // write and an interrupted caller race for this flag: the first to move it decides.
    AtomicBoolean claimed = new AtomicBoolean();
    Future<T> result;
    try {
      result = thread.submit(() -> claimed.compareAndSet(false, true) ? write.call() : null);
    } catch (RejectedExecutionException e) {
      throw new ClosedException("the engine's writer is closed; " + what + " was refused");
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return result.get();
        } catch (InterruptedException e) {
          interrupted = true;
          if (claimed.compareAndSet(false, true)) {
            result.cancel(false);
            if (skippable) {
              return null;
            }
            throw new SoloException(
                "interrupted before " + what + " started: nothing was written");
          }
          // Already writing: wait, so that the caller learns whether it was stored.
        } catch (ExecutionException e) {
          throw unwrap(e);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static RuntimeException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new SoloException("the engine's writer failed: " + cause, cause);
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
