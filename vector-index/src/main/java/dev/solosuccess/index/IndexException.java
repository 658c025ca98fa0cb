package dev.solosuccess.index;

import java.nio.file.Path;

/** An index could not be opened, read or written. Unchecked. */
public class IndexException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path directory;

  public IndexException(String message, Path directory, Throwable cause) {
    super(message, cause);
    this.directory = directory;
  }

  /** The index folder involved. */
  public Path directory() {
    return directory;
  }
}
