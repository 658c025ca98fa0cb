package dev.solosuccess.sdk.internal.files;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of a batch: named files as they are, folders walked in path order. Hidden files and
 * folders (names starting with a dot) are skipped, and so is the engine's own data folder when it
 * lies inside a walked folder. Files of walked folders must pass the batch's include and exclude
 * patterns; a file named explicitly is always taken. The engine's batch ingestion and the remote
 * client (which walks folders on the caller's machine and uploads the files) share it, so both take
 * the same files in the same order. Stateless.
 */
public final class FileWalker {

  private FileWalker() {}

  /**
   * @param dataDir the engine's data folder, left out of walks; null for none
   * @throws InvalidInputException naming the first path that does not exist
   */
  public static List<Path> files(List<Path> roots, boolean recursive, Path dataDir, Globs globs) {
    Set<Path> files = new LinkedHashSet<>();
    for (Path root : roots) {
      Path abs = root.toAbsolutePath().normalize();
      if (!Files.exists(abs)) {
        throw new InvalidInputException("no such file or folder: " + root, root.toString(), null);
      }
      if (!Files.isDirectory(abs)) {
        files.add(abs); // named explicitly: taken even if hidden, and refused later if unreadable
        continue;
      }
      try (Stream<Path> walk = recursive ? Files.walk(abs) : Files.list(abs)) {
        List<Path> found = new ArrayList<>();
        walk.filter(p -> dataDir == null || !p.startsWith(dataDir))
            .filter(p -> !isHidden(abs, p))
            .filter(p -> !Files.isDirectory(p))
            .filter(p -> globs.accepts(abs.relativize(p).toString()))
            .forEach(found::add);
        found.sort(null);
        files.addAll(found);
      } catch (IOException | UncheckedIOException e) {
        throw new StorageException("cannot list the folder " + root + ": " + e.getMessage(), abs, e);
      }
    }
    return List.copyOf(files);
  }

  private static boolean isHidden(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
