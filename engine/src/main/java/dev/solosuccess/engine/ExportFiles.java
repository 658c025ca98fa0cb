package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.crypto.Aead;
import dev.solosuccess.engine.internal.crypto.SealedFiles;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.StorageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Files the engine writes for the user outside the data folder (the TREC run files of {@code solo
 * eval}): with a master key configured they are sealed with AES-256-GCM under a fresh key per file,
 * wrapped by the master key itself, so they stay readable with that key after the data folder that
 * produced them is gone (a temporary evaluation folder, say). Without a key they are plain.
 *
 * <pre>{@code
 * try (InputStream in = ExportFiles.open(Path.of("run.trec"), config.masterKey())) {
 *   in.transferTo(System.out);
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe. Format: {@code SOLOSEAL} version 1, segments of 64 KiB, each
 * authenticated with its number and a last-segment flag (changed, dropped, reordered or cut
 * segments fail to read).
 */
public final class ExportFiles {

  private ExportFiles() {}

  /**
   * A new file (replacing one at {@code file}) for exported content.
   *
   * @param masterKey the master key, if one is configured: then the file is sealed
   */
  public static OutputStream create(Path file, Optional<MasterKey> masterKey) {
    Objects.requireNonNull(file, "file");
    try {
      OutputStream out = Files.newOutputStream(file);
      if (masterKey.isEmpty()) {
        return out;
      }
      byte[] master = DataKeys.read(masterKey.get());
      try {
        return SealedFiles.seal(out, master);
      } finally {
        Arrays.fill(master, (byte) 0);
      }
    } catch (IOException e) {
      throw new StorageException("cannot write " + file + ": " + e.getMessage(), file, e);
    }
  }

  /** Whether {@code file} is sealed (and so needs the master key to be read). */
  public static boolean isSealed(Path file) {
    try {
      return SealedFiles.isSealed(file);
    } catch (IOException e) {
      throw new StorageException("cannot read " + file + ": " + e.getMessage(), file, e);
    }
  }

  /**
   * Reads an exported file: a sealed one with the master key it was sealed under, a plain one as
   * it is.
   *
   * @throws InvalidInputException if the file is sealed and no key is given; when read, if the key
   *     is not the one it was sealed with or the file was changed or cut
   */
  public static InputStream open(Path file, Optional<MasterKey> masterKey) {
    Objects.requireNonNull(file, "file");
    try {
      if (!SealedFiles.isSealed(file)) {
        return Files.newInputStream(file);
      }
      if (masterKey.isEmpty()) {
        throw new InvalidInputException(
            file + " is sealed: give the master key it was written with (--master-key-file or "
                + MasterKey.ENVIRONMENT_VARIABLE + ")");
      }
      byte[] master = DataKeys.read(masterKey.get());
      try {
        return new Translating(SealedFiles.open(Files.newInputStream(file), master), file);
      } finally {
        Arrays.fill(master, (byte) 0);
      }
    } catch (Aead.WrongKeyException e) {
      throw new InvalidInputException(
          file + " does not open with this master key, or it was changed (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new StorageException("cannot read " + file + ": " + e.getMessage(), file, e);
    }
  }

  /** Turns an authentication failure while reading into the API's exception. */
  private static final class Translating extends FilterInputStream {
    private final Path file;

    Translating(InputStream in, Path file) {
      super(in);
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (Aead.WrongKeyException e) {
        throw failed(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (Aead.WrongKeyException e) {
        throw failed(e);
      }
    }

    private InvalidInputException failed(Aead.WrongKeyException e) {
      return new InvalidInputException(
          file + " does not open with this master key, or it was changed (" + e.getMessage()
              + ")");
    }
  }
}
