package dev.solosuccess.index;

import java.nio.file.Path;

/**
 * The index on disk was written with other settings (format, vector dimension, similarity or vector
 * space) than the ones it was opened with. Nothing was changed on disk.
 */
public class IncompatibleIndexException extends IndexException {

  private static final long serialVersionUID = 1L;

  public IncompatibleIndexException(String message, Path directory) {
    super(message, directory, null);
  }
}
