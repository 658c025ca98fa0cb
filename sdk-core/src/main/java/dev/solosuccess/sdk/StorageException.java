package dev.solosuccess.sdk;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The data folder could not be read or written. What was committed before the failing call is
 * intact, and the failing call committed nothing, except where the message says that the change
 * was stored and only the index lags behind (it then catches up on the next write or open).
 */
public class StorageException extends SoloException {

  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * @param path the file or folder involved, or {@code null}
   */
  public StorageException(String message, Path path, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  @Override
  public String code() {
    return "storage";
  }
}
