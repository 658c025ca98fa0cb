package dev.solosuccess.index;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The key an index's files are encrypted with: AES-256 in CTR mode, one random IV per file (see
 * {@code EncryptingDirectory}). The key's id, a hash of it, is written in each file's header so
 * that files of another key are told apart from damage. {@link #toString()} never shows the key.
 */
public final class IndexEncryption {

  private final byte[] key;
  private final byte[] id;

  private IndexEncryption(byte[] key) {
    this.key = key.clone();
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("solo-index-key-id:".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      this.id = Arrays.copyOf(sha.digest(key), 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Encryption under {@code key}, 32 bytes (copied). */
  public static IndexEncryption withKey(byte[] key) {
    if (key == null || key.length != 32) {
      throw new IllegalArgumentException("an index key is 32 bytes");
    }
    return new IndexEncryption(key);
  }

  /** A copy of the key. */
  public byte[] key() {
    return key.clone();
  }

  /** The key's 8-byte id. */
  public byte[] id() {
    return id.clone();
  }

  /** The id in hex; never the key. */
  @Override
  public String toString() {
    return "IndexEncryption[key id " + java.util.HexFormat.of().formatHex(id) + "]";
  }
}
