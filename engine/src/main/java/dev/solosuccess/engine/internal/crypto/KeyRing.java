package dev.solosuccess.engine.internal.crypto;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data keys of an encrypted data folder, kept in {@value #FILE} wrapped by the master key
 * (envelope encryption): each data key is 32 random bytes, sealed with AES-256-GCM under the
 * master key and bound to its name. The file also records an id of the master key (a hash that
 * reveals nothing of it), so that a wrong master key is named as such before anything is read.
 *
 * <ul>
 *   <li>{@code store}: H2's file encryption (its file password, so H2 never sees a human password)
 *   <li>{@code index}: the Lucene index's encrypting directory
 *   <li>{@code files}: every other file the engine writes with content (AES-256-GCM)
 * </ul>
 *
 * <p>Rotating the master key rewraps the data keys and rewrites this one file, atomically; nothing
 * else changes.
 */
public final class KeyRing implements AutoCloseable {

  public static final String FILE = "keys.json";
  /** The keys of a re-encryption in progress; see {@link #next}. */
  public static final String NEXT_FILE = "keys.next.json";
  static final String FORMAT = "solo-keys";
  static final int VERSION = 1;
  public static final String STORE = "store";
  public static final String INDEX = "index";
  public static final String FILES = "files";
  static final String[] NAMES = {STORE, INDEX, FILES};

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Map<String, byte[]> keys;

  private KeyRing(Map<String, byte[]> keys) {
    this.keys = keys;
  }

  /** Whether {@code dataDir} is encrypted (has a key file). */
  public static boolean present(Path dataDir) {
    return Files.exists(dataDir.resolve(FILE));
  }

  /**
   * Creates the keys of a new encrypted data folder and writes them, wrapped by {@code master}.
   *
   * @throws StorageException if the key file cannot be written
   */
  public static KeyRing create(Path dataDir, byte[] master) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String name : NAMES) {
      keys.put(name, Aead.newKey());
    }
    write(dataDir, master, keys, FILE);
    return new KeyRing(keys);
  }

  /**
   * Unwraps the keys of an encrypted data folder.
   *
   * @throws InvalidInputException if {@code master} is not the folder's master key
   * @throws StorageException if the key file is missing, unreadable or damaged
   */
  public static KeyRing open(Path dataDir, byte[] master) {
    return read(dataDir, master, FILE);
  }

  private static KeyRing read(Path dataDir, byte[] master, String fileName) {
    Path file = dataDir.resolve(fileName);
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException | JacksonException e) {
      throw new StorageException(
          "cannot read the key file " + file + ": " + e.getMessage(), file, e);
    }
    if (root == null
        || !FORMAT.equals(root.path("format").asString(""))
        || root.path("version").asInt() != VERSION) {
      throw new StorageException(
          "the key file " + file + " is not a " + FORMAT + " version " + VERSION + " file",
          file,
          null);
    }
    String expected = root.path("masterKeyId").asString("");
    String given = masterKeyId(master);
    if (!expected.equals(given)) {
      throw new InvalidInputException(
          "the master key given does not open the data folder " + dataDir + ": its key file expects"
              + " master key id " + expected + ", the key given has id " + given);
    }
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String name : NAMES) {
      String wrapped = root.path("keys").path(name).asString(null);
      if (wrapped == null) {
        throw new StorageException(
            "the key file " + file + " has no '" + name + "' key", file, null);
      }
      try {
        keys.put(name, Aead.open(master, Base64.getDecoder().decode(wrapped), aad(name)));
      } catch (Aead.WrongKeyException | IllegalArgumentException e) {
        throw new StorageException(
            "the '" + name + "' key in " + file + " does not unwrap: the file was changed",
            file,
            e);
      }
    }
    return new KeyRing(keys);
  }

  /**
   * Fresh data keys for a re-encryption, written wrapped under {@code master} to {@value
   * #NEXT_FILE} (not yet in force; {@link #promoteNext} makes them so).
   */
  public static KeyRing next(Path dataDir, byte[] master) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String name : NAMES) {
      keys.put(name, Aead.newKey());
    }
    write(dataDir, master, keys, NEXT_FILE);
    return new KeyRing(keys);
  }

  /** Whether a re-encryption left {@value #NEXT_FILE} behind. */
  public static boolean nextPresent(Path dataDir) {
    return Files.exists(dataDir.resolve(NEXT_FILE));
  }

  /** Unwraps {@value #NEXT_FILE} (see {@link #open}). */
  public static KeyRing openNext(Path dataDir, byte[] master) {
    return read(dataDir, master, NEXT_FILE);
  }

  /** Makes {@value #NEXT_FILE} the key file, atomically. */
  public static void promoteNext(Path dataDir) {
    Path next = dataDir.resolve(NEXT_FILE);
    try {
      moveAtomically(next, dataDir.resolve(FILE));
      syncFolder(dataDir);
    } catch (IOException e) {
      throw new StorageException("cannot replace the key file with " + next + ": " + e, next, e);
    }
  }

  /** Drops {@value #NEXT_FILE}: its re-encryption never took effect. */
  public static void discardNext(Path dataDir) {
    try {
      Files.deleteIfExists(dataDir.resolve(NEXT_FILE));
    } catch (IOException e) {
      throw new StorageException("cannot delete " + NEXT_FILE + ": " + e, dataDir, e);
    }
  }

  /**
   * Rewraps the keys under {@code newMaster} and replaces the key file atomically; the data keys,
   * and so every encrypted file, stay as they are.
   */
  public void rewrap(Path dataDir, byte[] newMaster) {
    write(dataDir, newMaster, keys, FILE);
  }

  /** A copy of the data key {@code name}. */
  public byte[] key(String name) {
    byte[] k = keys.get(name);
    if (k == null) {
      throw new IllegalArgumentException("no data key " + name);
    }
    return k.clone();
  }

  /**
   * H2's file password for the store key: its hex digits. H2 stretches passwords weakly, which
   * does not matter for 256 random bits.
   */
  public String storePassword() {
    return HexFormat.of().formatHex(keys.get(STORE));
  }

  /** An id for a master key: a truncated SHA-256 under a fixed label, not the key. */
  public static String masterKeyId(byte[] master) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("solo-master-key-id:".getBytes(StandardCharsets.US_ASCII));
      sha.update(master);
      return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(), 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] aad(String name) {
    return (FORMAT + "/" + VERSION + "/" + name).getBytes(StandardCharsets.US_ASCII);
  }

  private static void write(
      Path dataDir, byte[] master, Map<String, byte[]> keys, String fileName) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("masterKeyId", masterKeyId(master));
    ObjectNode wrapped = root.putObject("keys");
    for (Map.Entry<String, byte[]> e : keys.entrySet()) {
      byte[] sealed = Aead.seal(master, e.getValue(), aad(e.getKey()));
      wrapped.put(e.getKey(), Base64.getEncoder().encodeToString(sealed));
    }
    Path file = dataDir.resolve(fileName);
    Path tmp = dataDir.resolve(fileName + ".tmp");
    try {
      Files.write(tmp, JSON.writeValueAsBytes(root));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      moveAtomically(tmp, file);
      syncFolder(dataDir);
    } catch (IOException e) {
      throw new StorageException("cannot write the key file " + file + ": " + e, file, e);
    }
  }

  static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // some file systems cannot sync a folder; the move itself is atomic
    }
  }

  /** Wipes the keys from memory. */
  @Override
  public void close() {
    keys.values().forEach(k -> Arrays.fill(k, (byte) 0));
  }
}
