package dev.solosuccess.engine;

import dev.solosuccess.sdk.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the master key (the key-encryption key) of an encrypted data folder comes from: the
 * environment variable {@value #ENVIRONMENT_VARIABLE}, a file, or a PKCS12 key store. The key is
 * 32 random bytes, written as base64 in the variable or the file ({@code openssl rand -base64 32}).
 * It is read when the engine opens, used to unwrap the folder's data keys, and never written
 * anywhere, logged, or put in a message: {@link #toString()} names only where it comes from.
 */
public final class MasterKey {

  /** The environment variable read by {@link #fromEnvironment()}. */
  public static final String ENVIRONMENT_VARIABLE = "SOLO_MASTER_KEY";

  private enum Kind {
    ENVIRONMENT,
    FILE,
    KEY_STORE,
    BYTES
  }

  private final Kind kind;
  private final Path path;
  private final char[] password;
  private final String alias;
  private final byte[] bytes;

  private MasterKey(Kind kind, Path path, char[] password, String alias, byte[] bytes) {
    this.kind = kind;
    this.path = path;
    this.password = password;
    this.alias = alias;
    this.bytes = bytes;
  }

  /** The key in {@value #ENVIRONMENT_VARIABLE}, base64 of 32 bytes. */
  public static MasterKey fromEnvironment() {
    return new MasterKey(Kind.ENVIRONMENT, null, null, null, null);
  }

  /** The key in a file holding base64 of 32 bytes (whitespace ignored). */
  public static MasterKey fromFile(Path file) {
    return new MasterKey(
        Kind.FILE, Objects.requireNonNull(file, "file").toAbsolutePath(), null, null, null);
  }

  /** An AES secret key of 256 bits in a PKCS12 key store. */
  public static MasterKey fromKeyStore(Path keyStore, char[] password, String alias) {
    return new MasterKey(
        Kind.KEY_STORE,
        Objects.requireNonNull(keyStore, "keyStore").toAbsolutePath(),
        Objects.requireNonNull(password, "password").clone(),
        Objects.requireNonNull(alias, "alias"),
        null);
  }

  /** A key the application holds already (from a KMS, say): 32 bytes, copied. */
  public static MasterKey of(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != 32) {
      throw new InvalidInputException("a master key is 32 bytes, got " + key.length);
    }
    return new MasterKey(Kind.BYTES, null, null, null, key.clone());
  }

  /** Whether {@value #ENVIRONMENT_VARIABLE} is set (to anything). */
  public static boolean inEnvironment() {
    String v = System.getenv(ENVIRONMENT_VARIABLE);
    return v != null && !v.isBlank();
  }

  /**
   * Reads the key. The caller wipes the array after use.
   *
   * @throws InvalidInputException if the source is missing, unreadable, or not a 32-byte key; the
   *     message names the source, never the key
   */
  byte[] read() {
    return switch (kind) {
      case BYTES -> bytes.clone();
      case ENVIRONMENT -> {
        String v = System.getenv(ENVIRONMENT_VARIABLE);
        if (v == null || v.isBlank()) {
          throw new InvalidInputException(
              "the environment variable " + ENVIRONMENT_VARIABLE + " is not set");
        }
        yield decode(v, "the environment variable " + ENVIRONMENT_VARIABLE);
      }
      case FILE -> {
        String v;
        try {
          v = Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
          throw new InvalidInputException("cannot read the master key file " + path + ": " + e);
        }
        yield decode(v, "the master key file " + path);
      }
      case KEY_STORE -> {
        try (InputStream in = Files.newInputStream(path)) {
          KeyStore ks = KeyStore.getInstance("PKCS12");
          ks.load(in, password);
          Key k = ks.getKey(alias, password);
          if (k == null) {
            throw new InvalidInputException(
                "the key store " + path + " has no key '" + alias + "'");
          }
          byte[] raw = k.getEncoded();
          if (raw == null || raw.length != 32) {
            throw new InvalidInputException(
                "the key '" + alias + "' in " + path + " is not a 256-bit secret key");
          }
          yield raw;
        } catch (IOException | GeneralSecurityException e) {
          throw new InvalidInputException(
              "cannot read the key '" + alias + "' from the key store " + path + ": "
                  + e.getClass().getSimpleName());
        }
      }
    };
  }

  private static byte[] decode(String text, String where) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(where + " does not hold base64 (of 32 random bytes)");
    }
    if (key.length != 32) {
      Arrays.fill(key, (byte) 0);
      throw new InvalidInputException(
          where + " holds " + key.length + " bytes; a master key is 32 (openssl rand -base64 32)");
    }
    return key;
  }

  /** Where the key comes from; never the key. */
  @Override
  public String toString() {
    return switch (kind) {
      case ENVIRONMENT -> "MasterKey[environment " + ENVIRONMENT_VARIABLE + "]";
      case FILE -> "MasterKey[file " + path + "]";
      case KEY_STORE -> "MasterKey[key store " + path + ", alias " + alias + "]";
      case BYTES -> "MasterKey[given]";
    };
  }
}
