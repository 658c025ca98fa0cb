package dev.solosuccess.engine.internal.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the engine writes its own files inside the data folder (classifier weights and
 * descriptors): sealed with AES-256-GCM ({@link SealedFiles}) under the folder's key for files when
 * the folder is encrypted, plain otherwise. Reading accepts both, so a sealed file is recognized by
 * its header, never by a setting. Immutable and thread-safe.
 */
public final class FileSeal {

  /** Plain files: the folder is not encrypted. */
  public static final FileSeal NONE = new FileSeal(null);

  private final byte[] key; // null: plain

  private FileSeal(byte[] key) {
    this.key = key;
  }

  /** Seals under {@code key} (32 bytes; the caller keeps ownership). */
  public static FileSeal with(byte[] key) {
    return new FileSeal(key.clone());
  }

  /** Whether files are sealed. */
  public boolean sealing() {
    return key != null;
  }

  /** A new file at {@code file}, sealed when this folder seals. */
  public OutputStream create(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    return key == null ? out : SealedFiles.seal(out, key);
  }

  /**
   * Reads a file written by {@link #create}.
   *
   * @throws IOException if it is sealed and this folder has no key
   * @throws Aead.WrongKeyException when read, if it is sealed under another key or was changed
   */
  public InputStream open(Path file) throws IOException {
    if (!SealedFiles.isSealed(file)) {
      return Files.newInputStream(file);
    }
    if (key == null) {
      throw new IOException(file + " is sealed, and the data folder has no key to open it");
    }
    return SealedFiles.open(Files.newInputStream(file), key);
  }

  public void write(Path file, byte[] content) throws IOException {
    try (OutputStream out = create(file)) {
      out.write(content);
    }
  }

  public byte[] read(Path file) throws IOException {
    try (InputStream in = open(file)) {
      return in.readAllBytes();
    }
  }
}
