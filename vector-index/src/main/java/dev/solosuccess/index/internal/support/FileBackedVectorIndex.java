package dev.solosuccess.index.internal.support;

import dev.solosuccess.index.IndexClosedException;
import dev.solosuccess.index.IndexCorruptedException;
import dev.solosuccess.index.IndexException;
import dev.solosuccess.index.VectorEntry;
import dev.solosuccess.index.VectorHit;
import dev.solosuccess.index.VectorIndex;
import dev.solosuccess.index.VectorIndexConfig;
import dev.solosuccess.index.VectorQuery;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link VectorIndex} held in memory and saved whole to one {@link SnapshotFile} on commit, with
 * the last applied sequence in its {@link SnapshotHeader}. A {@code write.lock} file, locked while
 * the index is open, keeps a second writer out. Writes take a write lock; searches and commits a
 * read lock, so searches run alongside each other and alongside a commit.
 *
 * <p>Subclasses keep the entries and answer searches; they are called under the right lock.
 */
public abstract class FileBackedVectorIndex implements VectorIndex {

  private final Path directory;
  private final Path file;
  private final VectorIndexConfig config;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private final Object commitLock = new Object();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile long applied;
  private volatile long committed;

  protected FileBackedVectorIndex(Path directory, String fileName, VectorIndexConfig config) {
    Simd.logOnce();
    this.directory = directory;
    this.file = directory.resolve(fileName);
    this.config = config;
    FileChannel channel = null;
    FileLock acquired = null;
    try {
      Files.createDirectories(directory);
      channel =
          FileChannel.open(
              directory.resolve("write.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        acquired = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        acquired = null;
      }
      if (acquired == null) {
        throw new IndexException(
            "cannot open the index at " + directory + ": it is locked by another writer",
            directory,
            null);
      }
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof IndexException ie) {
        throw ie;
      }
      throw new IndexException("cannot open the index at " + directory + ": " + e, directory, e);
    }
    this.lockChannel = channel;
    this.lock = acquired;
  }

  /**
   * Loads the snapshot, if there is one; called once by the subclass's factory after construction.
   */
  protected final void load() {
    if (!Files.exists(file)) {
      return;
    }
    try {
      long sequence =
          SnapshotFile.read(
              file,
              in -> {
                SnapshotHeader header = SnapshotHeader.read(in, file);
                header.check(config, format(), file);
                readBody(in);
                return header.sequence();
              });
      applied = sequence;
      committed = sequence;
    } catch (SnapshotFile.DamagedException | NoSuchFileException e) {
      closeQuietly(e);
      throw new IndexCorruptedException("cannot read " + file + ": " + e.getMessage(), file, e);
    } catch (IOException e) {
      closeQuietly(e);
      throw new IndexCorruptedException("cannot read " + file + ": " + e, file, e);
    } catch (RuntimeException e) {
      closeQuietly(e);
      throw e;
    }
  }

  private void closeQuietly(Exception primary) {
    closed.set(true);
    try {
      releaseLock();
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }

  /** The layout version of this backend's file. */
  protected abstract int format();

  /** Writes the entries (and structures) after the header. Called under the read lock. */
  protected abstract void writeBody(DataOutputStream out) throws IOException;

  /** Reads what {@link #writeBody} wrote. */
  protected abstract void readBody(DataInputStream in) throws IOException;

  /** Adds or replaces; the vector has been checked. Called under the write lock. */
  protected abstract void doUpsert(VectorEntry entry, float[] comparable, long sequence);

  /** Removes if present. Called under the write lock. */
  protected abstract void doDelete(String id, long sequence);

  /** Searches; the query has been checked and made comparable. Called under the read lock. */
  protected abstract List<VectorHit> doSearch(VectorQuery query, float[] comparable);

  /** The entries. Called under the read lock. */
  protected abstract int doSize();

  @Override
  public final VectorIndexConfig config() {
    ensureOpen();
    return config;
  }

  @Override
  public final void upsert(VectorEntry entry, long sequence) {
    ensureOpen();
    double norm = VectorChecks.check(entry.vector(), config.dimension(), config.similarity(), true);
    float[] comparable = VectorChecks.comparable(entry.vector(), norm, config.similarity());
    rw.writeLock().lock();
    try {
      ensureOpen();
      VectorChecks.checkSequence(sequence, applied);
      doUpsert(entry, comparable, sequence);
      applied = sequence;
    } finally {
      rw.writeLock().unlock();
    }
  }

  @Override
  public final void delete(String id, long sequence) {
    ensureOpen();
    rw.writeLock().lock();
    try {
      ensureOpen();
      VectorChecks.checkSequence(sequence, applied);
      doDelete(id, sequence);
      applied = sequence;
    } finally {
      rw.writeLock().unlock();
    }
  }

  @Override
  public final List<VectorHit> search(VectorQuery query) {
    ensureOpen();
    VectorChecks.checkK(query.k(), config.maxK());
    double norm = VectorChecks.check(query.vector(), config.dimension(), config.similarity(), false);
    float[] comparable = VectorChecks.comparable(query.vector(), norm, config.similarity());
    rw.readLock().lock();
    try {
      ensureOpen();
      return doSize() == 0 ? List.of() : doSearch(query, comparable);
    } finally {
      rw.readLock().unlock();
    }
  }

  @Override
  public final int size() {
    ensureOpen();
    rw.readLock().lock();
    try {
      return doSize();
    } finally {
      rw.readLock().unlock();
    }
  }

  @Override
  public final long appliedSequence() {
    ensureOpen();
    return applied;
  }

  @Override
  public final long committedSequence() {
    ensureOpen();
    return committed;
  }

  @Override
  public final void commit() {
    ensureOpen();
    synchronized (commitLock) {
      rw.readLock().lock();
      try {
        ensureOpen();
        long sequence = applied;
        SnapshotFile.write(
            file,
            out -> {
              SnapshotHeader.of(config, format(), sequence).write(out);
              writeBody(out);
            });
        committed = sequence;
      } catch (IOException e) {
        throw new IndexException("cannot commit the index " + file + ": " + e, directory, e);
      } finally {
        rw.readLock().unlock();
      }
    }
  }

  protected final Path directory() {
    return directory;
  }

  protected final void ensureOpen() {
    if (closed.get()) {
      throw new IndexClosedException("the index at " + directory + " is closed");
    }
  }

  @Override
  public final void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    rw.writeLock().lock();
    try {
      releaseLock();
    } catch (IOException e) {
      throw new IndexException("cannot close the index at " + directory, directory, e);
    } finally {
      rw.writeLock().unlock();
    }
  }

  private void releaseLock() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + directory + ", " + config + "]";
  }
}
