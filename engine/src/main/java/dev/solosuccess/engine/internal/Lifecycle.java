package dev.solosuccess.engine.internal;

import dev.solosuccess.sdk.ClosedException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Open or closed, for every call of an engine: calls run concurrently under a shared lock, and
 * {@link #close(Runnable)} waits for those in flight, then refuses new ones with {@link
 * ClosedException}. Thread-safe.
 */
public final class Lifecycle {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final String name;
  private volatile boolean closed;

  public Lifecycle(String name) {
    this.name = name;
  }

  /** Runs {@code operation} unless closed. */
  public <T> T call(Supplier<T> operation) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new ClosedException(name + " is closed");
      }
      return operation.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs {@code operation} unless closed. */
  public void run(Runnable operation) {
    call(
        () -> {
          operation.run();
          return null;
        });
  }

  /**
   * Closes once: waits for calls in flight, then runs {@code closer}.
   *
   * @return false if it was already closed
   */
  public boolean close(Runnable closer) {
    lock.writeLock().lock();
    try {
      if (closed) {
        return false;
      }
      closed = true;
      closer.run();
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }
}
