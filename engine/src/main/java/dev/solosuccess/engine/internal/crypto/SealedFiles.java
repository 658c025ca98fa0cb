package dev.solosuccess.engine.internal.crypto;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The engine's own files outside the store and the index (backups, exported runs, classifier
 * weights), sealed with AES-256-GCM in segments, so a file of any size streams in both directions
 * and every segment is authenticated.
 *
 * <p>Format, version 1: the magic {@code SOLOSEAL}, a version byte, the file key (32 random bytes,
 * fresh for every file) sealed under the data key with {@link Aead} (60 bytes, bound to the magic
 * and version), then segments of at most {@value #SEGMENT} plaintext bytes, each {@code AES-GCM
 * (file key, nonce = segment number, associated data = segment number and a last-segment flag)}.
 * A file key is never used for two files, so counting nonces never repeat; the flag makes a file
 * cut at a segment boundary fail to open, as does any changed, dropped or reordered segment.
 *
 * <p>Stateless and thread-safe; each stream belongs to one thread.
 */
public final class SealedFiles {

  static final byte[] MAGIC = "SOLOSEAL".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int SEGMENT = 64 * 1024;
  private static final int TAG = Aead.TAG_BITS / 8;
  private static final int WRAPPED_KEY = Aead.NONCE_BYTES + 32 + TAG;
  private static final byte[] HEADER_AAD = header();

  private SealedFiles() {}

  private static byte[] header() {
    byte[] h = Arrays.copyOf(MAGIC, MAGIC.length + 1);
    h[MAGIC.length] = VERSION;
    return h;
  }

  /** Whether {@code file} starts as a sealed file does. */
  public static boolean isSealed(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }
  }

  /**
   * A stream that seals what is written to it into {@code out}; closing it writes the last segment
   * and closes {@code out}.
   *
   * @param dataKey 32 bytes: the data folder's key for files
   */
  public static OutputStream seal(OutputStream out, byte[] dataKey) throws IOException {
    byte[] fileKey = Aead.newKey();
    out.write(HEADER_AAD);
    out.write(Aead.seal(dataKey, fileKey, HEADER_AAD));
    return new SealingStream(out, fileKey);
  }

  /**
   * A stream of the plaintext of a sealed stream.
   *
   * @throws Aead.WrongKeyException when read, if the data key is not the one it was sealed with,
   *     or any byte was changed, dropped or added
   * @throws IOException if {@code in} is not a sealed file of this version
   */
  public static InputStream open(InputStream in, byte[] dataKey) throws IOException {
    DataInputStream d = new DataInputStream(new BufferedInputStream(in));
    byte[] header = new byte[HEADER_AAD.length];
    try {
      d.readFully(header);
    } catch (EOFException e) {
      throw new IOException("not a sealed file: it is too short", e);
    }
    if (!Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
      throw new IOException("not a sealed file: it does not start with SOLOSEAL");
    }
    if (header[MAGIC.length] != VERSION) {
      throw new IOException(
          "a sealed file of version " + header[MAGIC.length] + "; this engine reads " + VERSION);
    }
    byte[] wrapped = new byte[WRAPPED_KEY];
    try {
      d.readFully(wrapped);
    } catch (EOFException e) {
      throw new IOException("the sealed file is cut short in its header", e);
    }
    return new OpeningStream(d, Aead.open(dataKey, wrapped, HEADER_AAD));
  }

  private static Cipher cipher(int mode, byte[] fileKey, long segment, boolean last) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      byte[] nonce = ByteBuffer.allocate(Aead.NONCE_BYTES).putInt(0).putLong(segment).array();
      c.init(mode, new SecretKeySpec(fileKey, "AES"), new GCMParameterSpec(Aead.TAG_BITS, nonce));
      c.updateAAD(ByteBuffer.allocate(9).putLong(segment).put((byte) (last ? 1 : 0)).array());
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable: " + e, e);
    }
  }

  private static final class SealingStream extends OutputStream {
    private final OutputStream out;
    private final byte[] fileKey;
    private final byte[] buffer = new byte[SEGMENT];
    private int filled;
    private long segment;
    private boolean closed;

    SealingStream(OutputStream out, byte[] fileKey) {
      this.out = out;
      this.fileKey = fileKey;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("the sealed stream is closed");
      }
      while (len > 0) {
        if (filled == SEGMENT) {
          // Only now is it known that this segment is not the last one.
          flushSegment(false);
        }
        int n = Math.min(len, SEGMENT - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
      }
    }

    private void flushSegment(boolean last) throws IOException {
      try {
        out.write(cipher(Cipher.ENCRYPT_MODE, fileKey, segment++, last).doFinal(buffer, 0, filled));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM failed: " + e, e);
      }
      filled = 0;
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try (out) {
        flushSegment(true);
      } finally {
        Arrays.fill(fileKey, (byte) 0);
        Arrays.fill(buffer, (byte) 0);
      }
    }
  }

  private static final class OpeningStream extends InputStream {
    private final DataInputStream in;
    private final byte[] fileKey;
    private final byte[] sealed = new byte[SEGMENT + TAG];
    private byte[] plain = new byte[0];
    private int pos;
    private long segment;
    private boolean done;

    OpeningStream(DataInputStream in, byte[] fileKey) {
      this.in = in;
      this.fileKey = fileKey;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (pos == plain.length) {
        if (done) {
          return -1;
        }
        nextSegment();
      }
      int n = Math.min(len, plain.length - pos);
      System.arraycopy(plain, pos, b, off, n);
      pos += n;
      return n;
    }

    private void nextSegment() throws IOException {
      int n = in.readNBytes(sealed, 0, sealed.length);
      // A full segment is the last one only if nothing follows it.
      boolean last = n < sealed.length || peekEnd();
      if (n < TAG) {
        throw new Aead.WrongKeyException(
            "the sealed file is cut short (segment " + segment + " has " + n + " bytes)");
      }
      try {
        plain = cipher(Cipher.DECRYPT_MODE, fileKey, segment, last).doFinal(sealed, 0, n);
      } catch (AEADBadTagException e) {
        throw new Aead.WrongKeyException(
            "segment " + segment + " fails authentication: the file was changed or cut short");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM failed: " + e, e);
      }
      segment++;
      pos = 0;
      done = last;
    }

    /** Whether the stream ends here; a byte read to find out is kept for the next segment. */
    private boolean peekEnd() throws IOException {
      in.mark(1);
      int b = in.read();
      if (b < 0) {
        return true;
      }
      in.reset();
      return false;
    }

    @Override
    public void close() throws IOException {
      Arrays.fill(fileKey, (byte) 0);
      in.close();
    }
  }
}
