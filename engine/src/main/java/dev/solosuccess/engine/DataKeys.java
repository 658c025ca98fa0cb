package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.crypto.KeyRing;
import dev.solosuccess.engine.internal.crypto.SealedFiles;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.sdk.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Opens or creates a data folder's keys from the configured master key. */
final class DataKeys {

  private DataKeys() {}

  /**
   * The folder's data keys, or empty for a folder without encryption.
   *
   * @throws InvalidInputException if the folder is encrypted and no key or a wrong key is given,
   *     or a key is given for a folder created without encryption; nothing on disk changes then
   */
  static Optional<KeyRing> open(EngineConfig config) {
    Path dataDir = config.dataDir();
    boolean encrypted = KeyRing.present(dataDir);
    if (config.masterKey().isEmpty()) {
      if (encrypted) {
        throw new InvalidInputException(
            "the data folder " + dataDir + " is encrypted: give its master key (the environment"
                + " variable " + MasterKey.ENVIRONMENT_VARIABLE + ", --master-key-file, or"
                + " EngineConfig.Builder.masterKey)");
      }
      return Optional.empty();
    }
    byte[] master = config.masterKey().get().read();
    try {
      if (encrypted) {
        if (KeyRing.nextPresent(dataDir)) {
          finishReencryption(dataDir, master);
        }
        return Optional.of(KeyRing.open(dataDir, master));
      }
      if (Files.exists(dataDir.resolve("meta.mv.db"))) {
        throw new InvalidInputException(
            "the data folder " + dataDir + " was created without encryption, and a master key was"
                + " given: encrypt by ingesting into a new data folder opened with the key");
      }
      return Optional.of(KeyRing.create(dataDir, master));
    } finally {
      Arrays.fill(master, (byte) 0);
    }
  }

  /** Where a re-encryption stages the store under its new key. */
  static final String WORK = "reencrypt";

  /**
   * Re-encrypts a closed data folder under fresh data keys (same master key): the store is copied
   * and re-encrypted beside itself, then moved over the old file in one atomic step; the index,
   * derived, is deleted and rebuilt under its new key at the next open; then the new key file
   * takes over. A crash at any point leaves a folder that the next open finishes or rolls back
   * ({@link #finishReencryption}).
   *
   * @param stopAfter for tests of that recovery: 1 stops before the store is replaced, 2 after it
   *     and before the key file; 0 runs to the end
   */
  static void reencrypt(EngineConfig config, int stopAfter) {
    Path dataDir = config.dataDir();
    byte[] master = config.masterKey().orElseThrow().read();
    try (KeyRing current = open(config).orElseThrow()) {
      Path work = dataDir.resolve(WORK);
      deleteTree(work);
      Files.createDirectories(work);
      Files.copy(dataDir.resolve("meta.mv.db"), work.resolve("meta.mv.db"));
      try (KeyRing next = KeyRing.next(dataDir, master)) {
        org.h2.tools.ChangeFileEncryption.execute(
            work.toString(), "meta", "AES", current.storePassword().toCharArray(),
            next.storePassword().toCharArray(), true);
        stageResealed(dataDir, current.key(KeyRing.FILES), next.key(KeyRing.FILES));
      }
      if (stopAfter == 1) {
        return;
      }
      java.nio.file.Files.move(
          work.resolve("meta.mv.db"),
          dataDir.resolve("meta.mv.db"),
          java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      if (stopAfter == 2) {
        return;
      }
      deleteTree(dataDir.resolve("index"));
      commitResealed(dataDir);
      KeyRing.promoteNext(dataDir);
      deleteTree(work);
    } catch (java.io.IOException | java.sql.SQLException e) {
      throw new dev.solosuccess.sdk.StorageException(
          "cannot re-encrypt the data folder " + dataDir + ": " + e, dataDir, e);
    } finally {
      Arrays.fill(master, (byte) 0);
    }
  }

  /**
   * Finishes or rolls back a re-encryption that stopped: if the store still opens with the current
   * keys, the new ones never took effect and are dropped; otherwise the store is under the new
   * keys, so the index is dropped (rebuilt under its new key) and the new key file takes over.
   */
  private static void finishReencryption(Path dataDir, byte[] master) {
    boolean storeSwitched;
    try (KeyRing current = KeyRing.open(dataDir, master)) {
      storeSwitched = !MetadataStore.opensWith(dataDir, current.storePassword());
    }
    if (storeSwitched) {
      try (KeyRing next = KeyRing.openNext(dataDir, master)) {
        if (!MetadataStore.opensWith(dataDir, next.storePassword())) {
          throw new dev.solosuccess.sdk.StorageException(
              "the store of " + dataDir + " opens with neither the current nor the new keys",
              dataDir,
              null);
        }
      }
      deleteTree(dataDir.resolve("index"));
      commitResealed(dataDir);
      KeyRing.promoteNext(dataDir);
    } else {
      dropResealed(dataDir);
      KeyRing.discardNext(dataDir);
    }
    deleteTree(dataDir.resolve(WORK));
  }

  /** Suffix of a sealed file's copy under the new key for files, until the new keys take over. */
  private static final String RESEALED = ".resealed";

  /**
   * Writes beside every sealed file of the folder (classifier weights and descriptors) a copy
   * sealed under the new key for files; {@link #commitResealed} moves them over the originals once
   * the store is under its new key, {@link #dropResealed} drops them if it never got there.
   */
  private static void stageResealed(Path dataDir, byte[] oldKey, byte[] newKey)
      throws java.io.IOException {
    for (Path f : sealedFiles(dataDir)) {
      Path copy = f.resolveSibling(f.getFileName() + RESEALED);
      try (java.io.InputStream in = SealedFiles.open(Files.newInputStream(f), oldKey);
          java.io.OutputStream out = SealedFiles.seal(Files.newOutputStream(copy), newKey)) {
        in.transferTo(out);
      }
    }
  }

  private static void commitResealed(Path dataDir) {
    for (Path copy : staged(dataDir)) {
      String name = copy.getFileName().toString();
      Path original = copy.resolveSibling(name.substring(0, name.length() - RESEALED.length()));
      try {
        Files.move(copy, original, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (java.io.IOException e) {
        throw new dev.solosuccess.sdk.StorageException(
            "cannot replace " + original + " with its re-encrypted copy: " + e, original, e);
      }
    }
  }

  private static void dropResealed(Path dataDir) {
    for (Path copy : staged(dataDir)) {
      try {
        Files.deleteIfExists(copy);
      } catch (java.io.IOException e) {
        throw new dev.solosuccess.sdk.StorageException("cannot delete " + copy + ": " + e, copy, e);
      }
    }
  }

  /** The folders outside the store and the index where the engine keeps sealed files. */
  private static java.util.List<Path> sealedFiles(Path dataDir) throws java.io.IOException {
    java.util.List<Path> files = new java.util.ArrayList<>();
    for (Path f : regularFiles(dataDir.resolve("classifiers"))) {
      if (!f.getFileName().toString().endsWith(RESEALED) && SealedFiles.isSealed(f)) {
        files.add(f);
      }
    }
    return files;
  }

  private static java.util.List<Path> staged(Path dataDir) {
    try {
      return regularFiles(dataDir.resolve("classifiers")).stream()
          .filter(f -> f.getFileName().toString().endsWith(RESEALED))
          .toList();
    } catch (java.io.IOException e) {
      throw new dev.solosuccess.sdk.StorageException(
          "cannot list " + dataDir.resolve("classifiers") + ": " + e, dataDir, e);
    }
  }

  private static java.util.List<Path> regularFiles(Path dir) throws java.io.IOException {
    if (!Files.isDirectory(dir)) {
      return java.util.List.of();
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** Deletes a folder and everything in it; nothing if it is not there. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (java.io.IOException e) {
      throw new dev.solosuccess.sdk.StorageException("cannot delete " + dir + ": " + e, dir, e);
    }
  }

  /** The master key's bytes, for rotation; the caller wipes them. */
  static byte[] read(MasterKey key) {
    return key.read();
  }
}
