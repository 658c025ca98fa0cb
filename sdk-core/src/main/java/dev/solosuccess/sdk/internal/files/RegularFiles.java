package dev.solosuccess.sdk.internal.files;

import dev.solosuccess.sdk.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one check, with one wording, that a source to ingest is a regular file: the engine applies it
 * before reading a file, the remote client before uploading one, so a caller sees the same message
 * either way. Stateless and thread-safe.
 */
public final class RegularFiles {

  private RegularFiles() {}

  /**
   * @param name the source's name, as the messages give it
   * @throws InvalidInputException naming why {@code file} is not a regular file: a broken symbolic
   *     link, missing, or something else (a folder, device, pipe or socket)
   */
  public static void require(Path file, String name) {
    if (Files.isRegularFile(file)) {
      return;
    }
    if (Files.isSymbolicLink(file) && !Files.exists(file)) {
      throw new InvalidInputException(
          "cannot read " + name + ": it is a broken symbolic link", name, null);
    }
    if (!Files.exists(file)) {
      throw new InvalidInputException("cannot read " + name + ": no such file", name, null);
    }
    throw new InvalidInputException(
        "cannot read " + name + ": not a regular file (a folder, device, pipe or socket)",
        name,
        null);
  }
}
