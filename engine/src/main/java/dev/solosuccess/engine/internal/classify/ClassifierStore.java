package dev.solosuccess.engine.internal.classify;

import dev.solosuccess.engine.internal.crypto.FileSeal;
import dev.solosuccess.sdk.StorageException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The saved classifiers of a data folder: {@code <data>/classifiers/<name>/}, each holding {@value
 * ClassifierDescriptor#FILE} and the head's weights. No PyTorch here: listing and reading
 * descriptors are plain file work.
 *
 * <p>A classifier appears, changes and disappears whole. It is written into a staging folder
 * ({@code .staging-<name>-<nonce>}), flushed to disk, and renamed into place; one it replaces is
 * first renamed aside ({@code .retired-<name>-<nonce>}) and deleted afterwards, and a deleted one
 * is renamed aside ({@code .deleted-...}) before its files go. A crash leaves at most such a
 * dot-folder, which the next open settles: staging folders are dropped, a retired folder whose
 * replacement never arrived is put back. Names never start with a dot, so these never collide.
 *
 * <p>Thread-safe: changes are serialized; readers see a folder before or after a change.
 */
final class ClassifierStore {

  private static final System.Logger LOG = System.getLogger(ClassifierStore.class.getName());

  private static final String STAGING = ".staging-";
  private static final String RETIRED = ".retired-";
  private static final String DELETED = ".deleted-";

  /** Writes a classifier's files into a fresh folder. */
  @FunctionalInterface
  interface FolderWriter {
    void write(Path folder) throws IOException;
  }

  private final Path root;
  private final FileSeal seal;

  /** Opens the store at {@code root} (created on first write), settling any interrupted change. */
  ClassifierStore(Path root, FileSeal seal) {
    this.root = root;
    this.seal = seal;
    if (Files.isDirectory(root)) {
      recover();
    }
  }

  /** The folder of the classifier {@code name} (which may not exist). */
  Path folder(String name) {
    return root.resolve(name);
  }

  /**
   * The descriptor of {@code name}, or empty if there is no such classifier.
   *
   * @throws StorageException if its descriptor cannot be read or is damaged
   */
  Optional<ClassifierDescriptor> read(String name) {
    Path folder = folder(name);
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ClassifierDescriptor.read(folder, seal));
    } catch (NoSuchFileException e) {
      throw damaged(folder, "it has no " + ClassifierDescriptor.FILE, e);
    } catch (IOException e) {
      throw new StorageException(
          "cannot read classifier '" + name + "' in " + folder + ": " + e, folder, e);
    } catch (IllegalArgumentException e) {
      throw damaged(folder, ClassifierDescriptor.FILE + ": " + e.getMessage(), e);
    }
  }

  private static StorageException damaged(Path folder, String why, Exception cause) {
    return new StorageException(
        "classifier '" + folder.getFileName() + "' in " + folder + " is damaged: " + why
            + "; delete it and train it again",
        folder,
        cause);
  }

  /** Every classifier's descriptor, by name. */
  List<ClassifierDescriptor> list() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path d : dirs) {
        String name = d.getFileName().toString();
        if (!name.startsWith(".")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new StorageException("cannot list the classifiers in " + root + ": " + e, root, e);
    }
    names.sort(Comparator.naturalOrder());
    List<ClassifierDescriptor> out = new ArrayList<>();
    for (String name : names) {
      read(name).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Installs a classifier under {@code name}, replacing any classifier of that name. If this
   * throws, the previous classifier (if any) is still in place.
   *
   * @throws StorageException if writing or renaming fails
   */
  synchronized void install(String name, FolderWriter writer) {
    Path target = folder(name);
    String nonce = UUID.randomUUID().toString();
    Path staging = root.resolve(STAGING + name + "-" + nonce);
    try {
      Files.createDirectories(root);
      Files.createDirectory(staging);
      writer.write(staging);
      syncTree(staging);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(staging, e);
      if (e instanceof IOException io) {
        throw new StorageException(
            "cannot write classifier '" + name + "' into " + staging + ": " + io, staging, io);
      }
      throw (RuntimeException) e;
    }
    Path retired = root.resolve(RETIRED + name + "-" + nonce);
    boolean replacing = Files.isDirectory(target);
    try {
      if (replacing) {
        Files.move(target, retired, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(root);
    } catch (IOException e) {
      if (!Files.isDirectory(target) && Files.isDirectory(retired)) {
        try {
          Files.move(retired, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed); // the next open puts it back
        }
      }
      deleteQuietly(staging, e);
      throw new StorageException(
          "cannot install classifier '" + name + "' in " + target + ": " + e, target, e);
    }
    if (replacing) {
      try {
        deleteTree(retired);
      } catch (IOException e) {
        // Installed all the same; the next open removes the leftover.
        LOG.log(Level.WARNING, "cannot delete the replaced classifier " + retired + ": " + e);
      }
    }
  }

  /**
   * Deletes the classifier {@code name}.
   *
   * @return false if there was none
   * @throws StorageException if it cannot be removed
   */
  synchronized boolean delete(String name) {
    Path target = folder(name);
    if (!Files.isDirectory(target)) {
      return false;
    }
    Path aside = root.resolve(DELETED + name + "-" + UUID.randomUUID());
    try {
      Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(root);
      deleteTree(aside);
    } catch (IOException e) {
      throw new StorageException(
          "cannot delete classifier '" + name + "' in " + target + ": " + e, target, e);
    }
    return true;
  }

  /** Settles changes a crash interrupted: see the class comment. */
  private void recover() {
    List<Path> leftovers = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, ".*")) {
      dirs.forEach(leftovers::add);
    } catch (IOException e) {
      throw new StorageException("cannot list the classifiers in " + root + ": " + e, root, e);
    }
    leftovers.sort(Comparator.naturalOrder());
    for (Path p : leftovers) {
      String file = p.getFileName().toString();
      try {
        if (file.startsWith(RETIRED)) {
          String name = nameOf(file, RETIRED);
          Path target = folder(name);
          if (!Files.exists(target)) {
            Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.log(Level.WARNING, "classifier '" + name + "': an interrupted replacement was"
                + " undone; the previous classifier is back");
            continue;
          }
          deleteTree(p);
        } else if (file.startsWith(STAGING) || file.startsWith(DELETED)) {
          deleteTree(p);
        }
      } catch (IOException e) {
        throw new StorageException(
            "cannot settle the interrupted classifier change " + p + ": " + e, p, e);
      }
    }
  }

  /** {@code .retired-<name>-<uuid>} → {@code name}; a UUID is 36 characters. */
  private static String nameOf(String file, String prefix) {
    return file.substring(prefix.length(), file.length() - 37);
  }

  private static void syncTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (Files.isRegularFile(f)) {
          try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
            c.force(true);
          }
        }
      }
    }
    syncDirectory(dir);
  }

  /** Makes renames in {@code dir} durable where the platform allows opening a directory. */
  private static void syncDirectory(Path dir) {
    try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
      c.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory; its renames are durable through NTFS's own journal.
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void deleteQuietly(Path dir, Exception primary) {
    try {
      if (Files.exists(dir)) {
        deleteTree(dir);
      }
    } catch (IOException e) {
      primary.addSuppressed(e); // the next open removes it
    }
  }
}
