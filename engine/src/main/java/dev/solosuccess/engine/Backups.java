package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.DataDirLock;
import dev.solosuccess.engine.internal.crypto.Aead;
import dev.solosuccess.engine.internal.crypto.KeyRing;
import dev.solosuccess.engine.internal.crypto.SealedFiles;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.index.ChunkIndex;
import dev.solosuccess.index.IndexCheck;
import dev.solosuccess.index.IndexEncryption;
import dev.solosuccess.index.IndexException;
import dev.solosuccess.index.IndexSnapshot;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Online backup, restore and verification of a data folder.
 *
 * <p>A backup holds the system of record: a transactionally consistent copy of the H2 store made
 * while the engine keeps working (H2's {@code BACKUP}), the key file when the folder is encrypted,
 * and a manifest with the copy's SHA-256. An encrypted folder's copy, already encrypted page by
 * page by H2, is also sealed with AES-256-GCM under the folder's key for files ({@link
 * SealedFiles}), so a changed byte fails the restore, and restoring it takes the master key. The
 * Lucene index's last commit is held by a snapshot deletion policy before the store is copied,
 * and its files are copied as they are (encrypted under the index key when the folder is), with a
 * SHA-256 each: the copy reflects no change the store copy lacks, and the first open of a
 * restored folder catches it up from the store instead of rebuilding it. Every file of a backup
 * is forced to disk before the backup returns.
 */
final class Backups {

  static final String MANIFEST = "backup.json";
  static final String STORE_ZIP = "store.zip";
  static final String STORE_SEALED = "store.sealed";
  static final String INDEX = "index";
  static final String STORE_FILE = "meta.mv.db";
  static final String FORMAT = "solo-backup";
  static final int VERSION = 1;

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Backups() {}

  static BackupReceipt backup(
      MetadataStore store,
      java.util.function.Supplier<IndexSnapshot> indexSnapshot,
      Optional<KeyRing> keys,
      Path dataDir,
      Path dest) {
    long began = System.nanoTime();
    try {
      if (Files.exists(dest)) {
        try (var entries = Files.list(dest)) {
          if (entries.findAny().isPresent()) {
            throw new InvalidInputException(
                "the backup folder " + dest + " is not empty: give a new or empty folder");
          }
        }
      }
      Files.createDirectories(dest);
      long documents = store.documentCount();
      long sequence = store.lastSequence();
      Path zip = dest.resolve(STORE_ZIP);
      // The index's last commit is held first, then the store is copied: the index then reflects
      // no change the store copy lacks, and a restored folder catches it up from the store.
      ObjectNode indexFiles = JSON.createObjectNode();
      long indexSequence;
      try (IndexSnapshot snapshot = indexSnapshot.get()) {
        store.backup(zip);
        indexSequence = snapshot.sequence();
        Path to = Files.createDirectories(dest.resolve(INDEX));
        // Already encrypted by the index's directory; sealed as well, as the store copy is.
        byte[] sealKey = keys.map(k -> k.key(KeyRing.FILES)).orElse(null);
        for (String name : snapshot.files()) {
          Path copy = to.resolve(name);
          indexFiles.put(name, copyHashed(snapshot.directory().resolve(name), copy, sealKey));
          force(copy);
        }
        force(to);
      }
      boolean encrypted = keys.isPresent();
      if (encrypted) {
        Files.copy(dataDir.resolve(KeyRing.FILE), dest.resolve(KeyRing.FILE));
        Path sealed = dest.resolve(STORE_SEALED);
        try (InputStream in = Files.newInputStream(zip);
            OutputStream out =
                SealedFiles.seal(Files.newOutputStream(sealed), keys.get().key(KeyRing.FILES))) {
          in.transferTo(out);
        }
        Files.delete(zip);
        zip = sealed;
      }
      force(zip);
      String sha = sha256(zip);
      ObjectNode m = JSON.createObjectNode();
      m.put("format", FORMAT);
      m.put("version", VERSION);
      m.put("created", Instant.now().toString());
      m.put("documents", documents);
      m.put("sequence", sequence);
      m.put("encrypted", encrypted);
      m.put("store", zip.getFileName().toString());
      m.put("sha256", sha);
      ObjectNode indexNode = m.putObject(INDEX);
      indexNode.put("sequence", indexSequence);
      indexNode.set("files", indexFiles);
      Files.write(dest.resolve(MANIFEST), JSON.writeValueAsBytes(m));
      force(dest.resolve(MANIFEST));
      force(dest);
      return new BackupReceipt(
          dest, documents, sequence, Files.size(zip), encrypted, sha,
          Duration.ofNanos(System.nanoTime() - began));
    } catch (IOException e) {
      throw new StorageException("cannot write the backup to " + dest + ": " + e, dest, e);
    } catch (IndexException e) {
      throw new StorageException(
          "cannot copy the index into the backup " + dest + ": " + e.getMessage(), dest, e);
    }
  }

  /**
   * @param masterKey the master key of the backed-up folder, or {@code null} if it was not
   *     encrypted
   */
  static void restore(Path backup, Path dataDir, MasterKey masterKey) {
    Path manifestFile = backup.resolve(MANIFEST);
    JsonNode m;
    try {
      m = JSON.readTree(Files.readAllBytes(manifestFile));
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
          backup + " is not a backup: cannot read " + MANIFEST + " (" + e.getMessage() + ")");
    }
    if (!FORMAT.equals(m.path("format").asString("")) || m.path("version").asInt() != VERSION) {
      throw new InvalidInputException(
          backup + " is not a " + FORMAT + " version " + VERSION + " backup");
    }
    String storeName = m.path("store").asString(STORE_ZIP);
    if (!storeName.equals(STORE_ZIP) && !storeName.equals(STORE_SEALED)) {
      throw new InvalidInputException(
          backup + "'s manifest names an unexpected store copy '" + storeName + "'");
    }
    boolean sealed = storeName.equals(STORE_SEALED);
    byte[] filesKey = sealed ? filesKey(backup, masterKey) : null;
    Path zip = backup.resolve(storeName);
    try {
      String sha = sha256(zip);
      if (!sha.equals(m.path("sha256").asString(""))) {
        throw new InvalidInputException(
            "the backup's store copy " + zip + " has changed since the backup: its SHA-256 is "
                + sha + ", the manifest says " + m.path("sha256").asString(""));
      }
      if (Files.exists(dataDir)) {
        try (var entries = Files.list(dataDir)) {
          if (entries.findAny().isPresent()) {
            throw new InvalidInputException(
                "the data folder " + dataDir + " is not empty: restore into a new or empty folder");
          }
        }
      }
      boolean created = !Files.exists(dataDir);
      Files.createDirectories(dataDir);
      try {
        extract(zip, sealed, filesKey, dataDir);
        restoreIndex(backup, m.path(INDEX).path("files"), dataDir, filesKey);
        if (m.path("encrypted").asBoolean()) {
          Files.copy(backup.resolve(KeyRing.FILE), dataDir.resolve(KeyRing.FILE));
        }
      } catch (IOException | RuntimeException e) {
        // The folder was new or empty: leave it so, not half restored.
        for (String f : List.of(STORE_FILE + ".restoring", STORE_FILE, KeyRing.FILE)) {
          Files.deleteIfExists(dataDir.resolve(f));
        }
        DataKeys.deleteTree(dataDir.resolve(INDEX));
        if (created) {
          Files.deleteIfExists(dataDir);
        }
        throw e;
      }
    } catch (Aead.WrongKeyException e) {
      throw new InvalidInputException(
          "the backup's sealed store copy " + zip + " fails its authentication: it has changed ("
              + e.getMessage() + ")");
    } catch (IOException e) {
      throw new StorageException("cannot restore " + backup + " into " + dataDir + ": " + e,
          dataDir, e);
    } finally {
      if (filesKey != null) {
        java.util.Arrays.fill(filesKey, (byte) 0);
      }
    }
  }

  /**
   * Copies the index's files from the backup after checking each against the manifest; a backup
   * without them (made before they were copied) leaves the index to be rebuilt from the store.
   */
  private static void restoreIndex(Path backup, JsonNode files, Path dataDir, byte[] filesKey)
      throws IOException {
    if (!files.isObject() || files.isEmpty()) {
      return;
    }
    Path to = Files.createDirectories(dataDir.resolve(INDEX));
    for (var e : files.properties()) {
      String name = e.getKey();
      if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
        throw new InvalidInputException("the backup's manifest names an odd index file '" + name
            + "'");
      }
      Path from = backup.resolve(INDEX).resolve(name);
      // Checked as it is read; a mismatch fails the restore, which removes what it wrote.
      String sha;
      try {
        sha = restoreHashed(from, to.resolve(name), filesKey);
      } catch (Aead.WrongKeyException changed) {
        sha = sha256(from);
        if (sha.equals(e.getValue().asString(""))) {
          throw changed; // the file is as written, yet does not open: the key is the problem
        }
      }
      if (!sha.equals(e.getValue().asString(""))) {
        throw new InvalidInputException(
            "the backup's index file " + from + " has changed since the backup: its SHA-256 is "
                + sha + ", the manifest says " + e.getValue().asString(""));
      }
    }
  }

  /**
   * Copies {@code from} to {@code to}, sealed under {@code sealKey} unless it is null, and returns
   * the SHA-256 of the bytes written, computed as they are written.
   */
  private static String copyHashed(Path from, Path to, byte[] sealKey) throws IOException {
    MessageDigest sha = sha256Digest();
    OutputStream file = new DigestOutputStream(Files.newOutputStream(to), sha);
    try (InputStream in = Files.newInputStream(from);
        OutputStream out = sealKey == null ? file : SealedFiles.seal(file, sealKey)) {
      in.transferTo(out);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * Copies {@code from} to {@code to}, unsealed with {@code unsealKey} unless it is null, and
   * returns the SHA-256 of the bytes read from {@code from}, computed as they are read.
   */
  private static String restoreHashed(Path from, Path to, byte[] unsealKey) throws IOException {
    MessageDigest sha = sha256Digest();
    InputStream file = new DigestInputStream(Files.newInputStream(from), sha);
    try (InputStream in = unsealKey == null ? file : SealedFiles.open(file, unsealKey);
        OutputStream out = Files.newOutputStream(to)) {
      in.transferTo(out);
      file.transferTo(OutputStream.nullOutputStream()); // whatever the reader left
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void force(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
        c.force(true);
      } catch (IOException e) {
        // Some file systems cannot sync a folder; the files themselves are forced.
      }
      return;
    }
    try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
      c.force(true);
    }
  }

  private static void extract(Path zip, boolean sealed, byte[] filesKey, Path dataDir)
      throws IOException {
    boolean found = false;
    try (InputStream in =
            sealed
                ? SealedFiles.open(Files.newInputStream(zip), filesKey)
                : Files.newInputStream(zip);
        ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        if (!e.getName().equals(STORE_FILE)) {
          throw new InvalidInputException(
              "the backup's store copy holds an unexpected entry '" + e.getName() + "'");
        }
        Path tmp = dataDir.resolve(STORE_FILE + ".restoring");
        try (OutputStream out = Files.newOutputStream(tmp)) {
          z.transferTo(out);
        }
        Files.move(tmp, dataDir.resolve(STORE_FILE), StandardCopyOption.ATOMIC_MOVE);
        found = true;
      }
    }
    if (!found) {
      throw new InvalidInputException("the backup's store copy " + zip + " is empty");
    }
  }

  /** The key the backup's store copy is sealed under, from the backup's own key file. */
  private static byte[] filesKey(Path backup, MasterKey masterKey) {
    if (masterKey == null) {
      throw new InvalidInputException(
          backup + " is an encrypted backup: give the master key of the folder it was taken from"
              + " (--master-key-file or " + MasterKey.ENVIRONMENT_VARIABLE + ")");
    }
    byte[] master = DataKeys.read(masterKey);
    try (KeyRing keys = KeyRing.open(backup, master)) {
      return keys.key(KeyRing.FILES);
    } finally {
      java.util.Arrays.fill(master, (byte) 0);
    }
  }

  static VerifyReport verify(EngineConfig config) {
    Path dataDir = config.dataDir();
    if (!Files.exists(dataDir.resolve(STORE_FILE))) {
      throw new InvalidInputException("no data folder at " + dataDir);
    }
    List<String> problems = new ArrayList<>();
    try (DataDirLock lock = DataDirLock.acquire(dataDir)) {
      Optional<KeyRing> keys = DataKeys.open(config);
      try {
        long documents;
        long chunks;
        long sequence;
        try (MetadataStore store =
            MetadataStore.open(dataDir, keys.map(KeyRing::storePassword).orElse(null))) {
          documents = store.documentCount();
          chunks = store.chunkCount();
          sequence = store.lastSequence();
        }
        IndexEncryption encryption =
            keys.map(k -> IndexEncryption.withKey(k.key(KeyRing.INDEX))).orElse(null);
        Path index = dataDir.resolve("index");
        long indexChunks = 0;
        long indexSequence = 0;
        int segments = 0;
        if (!Files.exists(index)) {
          problems.add("there is no index (it is rebuilt from the store when the engine opens)");
        } else {
          try {
            IndexCheck check = ChunkIndex.check(index, encryption);
            indexChunks = check.chunks();
            indexSequence = check.committedSequence();
            segments = check.segments();
            if (!check.clean()) {
              problems.add("the index is damaged (rebuilt from the store when the engine opens): "
                  + check.problem());
            }
          } catch (IndexException e) {
            problems.add("the index cannot be checked: " + e.getMessage());
          }
          if (indexSequence > sequence) {
            problems.add("the index (change " + indexSequence + ") is ahead of the store (change "
                + sequence + "): the store was replaced by an older copy");
          } else if (indexSequence == sequence && indexChunks != chunks) {
            problems.add("the index holds " + indexChunks + " chunks, the store " + chunks
                + ", at the same change " + sequence);
          }
        }
        return new VerifyReport(problems.isEmpty(), documents, chunks, sequence, indexChunks,
            indexSequence, segments, problems);
      } finally {
        keys.ifPresent(KeyRing::close);
      }
    }
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest sha = sha256Digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
