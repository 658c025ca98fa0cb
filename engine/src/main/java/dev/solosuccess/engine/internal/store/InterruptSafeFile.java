package dev.solosuccess.engine.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;

/**
 * A file of {@link InterruptSafeFilePath}: every operation runs with the calling thread's
 * interrupt status cleared (so that the channel does not close the moment the call starts) and
 * restored afterwards; when an interrupt that arrives mid-operation, on this thread or another, closes
 * the underlying channel, the file reopens it (and retakes its lock) and repeats the operation.
 * Positional reads and writes are repeated from the buffer position they started at, so a partial
 * transfer before the close is simply redone.
 *
 * <p>Thread-safe.
 */
final class InterruptSafeFile extends FileBase {

  /** Bounds the retries: a channel that keeps closing is a real failure, not an interrupt. */
  private static final int MAX_REOPENS = 20;

  private final FilePath path;
  private final String mode;
  private final Object reopenLock = new Object();
  private volatile FileChannel channel;
  private volatile boolean closed;
  private long position;
  /** The lock held on the current channel, retaken after a reopen; guarded by reopenLock. */
  private FileLock innerLock;
  private RetakenLock outerLock;

  InterruptSafeFile(FilePath path, String mode) throws IOException {
    this.path = path;
    this.mode = mode;
    this.channel = path.open(mode);
  }

  private interface Operation<T> {
    T apply(FileChannel channel) throws IOException;
  }

  private <T> T retrying(ByteBuffer buffer, Operation<T> operation) throws IOException {
    boolean interrupted = Thread.interrupted();
    int start = buffer == null ? 0 : buffer.position();
    try {
      for (int reopens = 0; ; reopens++) {
        FileChannel current = channel;
        try {
          return operation.apply(current);
        } catch (ClosedChannelException e) {
          if (closed || reopens >= MAX_REOPENS) {
            throw e;
          }
          interrupted |= Thread.interrupted();
          if (buffer != null) {
            buffer.position(start);
          }
          reopen(current);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void reopen(FileChannel failed) throws IOException {
    synchronized (reopenLock) {
      if (channel != failed || closed) {
        return; // another thread reopened it already
      }
      try {
        failed.close();
      } catch (IOException ignored) {
        // It is closed already; closing again only releases what is left.
      }
      FileChannel fresh = path.open(mode);
      if (innerLock != null) {
        FileLock retaken =
            fresh.tryLock(innerLock.position(), innerLock.size(), innerLock.isShared());
        if (retaken == null) {
          fresh.close();
          throw new IOException("cannot retake the lock on " + path + " after an interrupt");
        }
        innerLock = retaken;
      }
      channel = fresh;
    }
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    return retrying(dst, c -> c.read(dst, position));
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    return retrying(src, c -> c.write(src, position));
  }

  @Override
  public synchronized int read(ByteBuffer dst) throws IOException {
    int n = read(dst, position);
    if (n > 0) {
      position += n;
    }
    return n;
  }

  @Override
  public synchronized int write(ByteBuffer src) throws IOException {
    int n = write(src, position);
    position += n;
    return n;
  }

  @Override
  public synchronized long position() {
    return position;
  }

  @Override
  public synchronized FileChannel position(long newPosition) {
    this.position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    return retrying(null, FileChannel::size);
  }

  @Override
  public synchronized FileChannel truncate(long size) throws IOException {
    retrying(null, c -> c.truncate(size));
    position = Math.min(position, size);
    return this;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    retrying(null, c -> {
      c.force(metaData);
      return null;
    });
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return retrying(null, c -> {
      synchronized (reopenLock) {
        if (c != channel) {
          throw new ClosedChannelException(); // reopened meanwhile: lock the new one
        }
        FileLock lock = c.tryLock(position, size, shared);
        if (lock == null) {
          return null;
        }
        innerLock = lock;
        outerLock = new RetakenLock(this, position, size, shared);
        return outerLock;
      }
    });
  }

  @Override
  protected void implCloseChannel() throws IOException {
    closed = true;
    synchronized (reopenLock) {
      channel.close();
    }
  }

  @Override
  public String toString() {
    return InterruptSafeFilePath.SCHEME + ":" + path;
  }

  /** The lock handed to H2: it stays valid across reopens and releases the current inner lock. */
  private final class RetakenLock extends FileLock {

    RetakenLock(FileChannel channel, long position, long size, boolean shared) {
      super(channel, position, size, shared);
    }

    @Override
    public boolean isValid() {
      synchronized (reopenLock) {
        return outerLock == this && innerLock != null && !closed;
      }
    }

    @Override
    public void release() throws IOException {
      synchronized (reopenLock) {
        if (outerLock == this && innerLock != null) {
          FileLock held = innerLock;
          innerLock = null;
          outerLock = null;
          if (held.isValid()) {
            held.release();
          }
        }
      }
    }
  }
}
