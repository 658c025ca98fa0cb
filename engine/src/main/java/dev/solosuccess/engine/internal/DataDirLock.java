package dev.solosuccess.engine.internal;

import dev.solosuccess.sdk.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data folder ({@code <data>/engine.lock}), so that two engines, in this
 * process or another, never write the same store and index. The operating system releases it if
 * the process dies.
 */
public final class DataDirLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @throws StorageException if the folder is already open, or the lock file cannot be written
   */
  public static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve("engine.lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new StorageException(
            "the data folder " + dataDir + " is already open (in this or another process)",
            dataDir,
            null);
      }
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new StorageException("cannot lock the data folder " + dataDir + ": " + e, file, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new StorageException("cannot release the data folder lock: " + e, null, e);
    }
  }
}
