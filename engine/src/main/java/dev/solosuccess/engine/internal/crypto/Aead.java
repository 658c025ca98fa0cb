package dev.solosuccess.engine.internal.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce per message: {@code nonce || ciphertext || tag}. Used to
 * wrap data keys under the master key, and for the engine's own files.
 */
public final class Aead {

  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Aead() {}

  /** Encrypts {@code plain} under {@code key} (32 bytes), bound to {@code associated}. */
  public static byte[] seal(byte[] key, byte[] plain, byte[] associated) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(associated);
      byte[] sealed = c.doFinal(plain);
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable: " + e, e);
    }
  }

  /**
   * Decrypts what {@link #seal} made.
   *
   * @throws WrongKeyException if the key is not the one it was sealed with, or the bytes changed
   */
  public static byte[] open(byte[] key, byte[] sealed, byte[] associated) {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new WrongKeyException("sealed data is too short (" + sealed.length + " bytes)");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      c.updateAAD(associated);
      return c.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new WrongKeyException("authentication failed: wrong key, or the data was changed");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable: " + e, e);
    }
  }

  /** A fresh random key of 32 bytes. */
  public static byte[] newKey() {
    byte[] k = new byte[32];
    RANDOM.nextBytes(k);
    return k;
  }

  /** Decryption failed its authentication check. */
  public static final class WrongKeyException extends RuntimeException {
    WrongKeyException(String message) {
      super(message);
    }
  }
}
