package dev.solosuccess.engine.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API keys: {@code solo_<key id>_<secret>}, where the key id is 9 random bytes (12 base64url
 * characters, not secret: it finds the key's row) and the secret 32 random bytes (43 base64url
 * characters, 256 bits) from {@link SecureRandom}. Only SHA-256 of the whole key is stored, and
 * compared with {@link MessageDigest#isEqual} (time independent of where the bytes differ). A
 * random 256-bit secret needs no slow password hash: it cannot be guessed from its hash.
 * Thread-safe.
 */
public final class ApiKeys {

  static final String PREFIX = "solo_";
  static final int KEY_ID_BYTES = 9;
  static final int SECRET_BYTES = 32;
  private static final Pattern SHAPE =
      Pattern.compile("solo_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random = new SecureRandom();

  /** A new key and what is stored of it. */
  public record Issued(String key, String keyId, byte[] hash) {}

  public Issued issue() {
    byte[] id = new byte[KEY_ID_BYTES];
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(id);
    random.nextBytes(secret);
    String keyId = B64.encodeToString(id);
    String key = PREFIX + keyId + "_" + B64.encodeToString(secret);
    return new Issued(key, keyId, hash(key));
  }

  /** The key id of a well-formed key; empty for anything else (the key is never echoed). */
  public static Optional<String> keyId(String key) {
    if (key == null) {
      return Optional.empty();
    }
    var m = SHAPE.matcher(key.strip());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  public static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.strip().getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Constant-time comparison of a presented key with a stored hash. */
  public static boolean matches(String key, byte[] storedHash) {
    return MessageDigest.isEqual(hash(key), storedHash);
  }
}
