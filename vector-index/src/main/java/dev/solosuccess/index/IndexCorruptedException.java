package dev.solosuccess.index;

import java.nio.file.Path;

/**
 * The index files are damaged or unreadable. The index holds derived data only: rebuild it from the
 * system of record.
 */
public class IndexCorruptedException extends IndexException {

  private static final long serialVersionUID = 1L;

  public IndexCorruptedException(String message, Path directory, Throwable cause) {
    super(message, directory, cause);
  }
}
