package dev.solosuccess.index.internal.lucene;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.store.BufferedIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * A Lucene {@link Directory} that encrypts every file it writes with AES-256 in CTR mode, under one
 * key and a random 128-bit IV per file, kept in a 32-byte plain header: {@code "SOLE"}, a format
 * byte, three zero bytes, 8 bytes naming the key (a hash of it, so that a wrong key is told apart
 * from damage), and the IV. CTR keeps random access: reading at any offset decrypts from the
 * counter block of that offset.
 *
 * <p>Lucene sees plaintext: lengths and file pointers exclude the header, and {@link
 * IndexOutput#getChecksum()} is the CRC32 of the plaintext, so Lucene's footers and {@code
 * CheckIndex} work as on any directory and catch a wrong key or a changed byte. CTR alone does not
 * authenticate; those checksums detect accidental damage, not a forger.
 *
 * <p>Files are read through a buffered input, not memory-mapped: vector scoring reads them on the
 * heap, slower than Lucene's off-heap SIMD path on a plain index.
 */
public final class EncryptingDirectory extends FilterDirectory {

  static final int HEADER = 32;
  static final byte[] MAGIC = {'S', 'O', 'L', 'E'};
  static final byte FORMAT = 1;
  static final int READ_BUFFER = 8192;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;
  private final byte[] keyId;

  /**
   * @param key 32 bytes
   * @param keyId 8 bytes naming the key
   */
  public EncryptingDirectory(Directory in, byte[] key, byte[] keyId) {
    super(in);
    if (key.length != 32 || keyId.length != 8) {
      throw new IllegalArgumentException("an index key is 32 bytes with an 8-byte id");
    }
    this.key = key.clone();
    this.keyId = keyId.clone();
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) throws IOException {
    return encrypting(in.createOutput(name, context));
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
      throws IOException {
    return encrypting(in.createTempOutput(prefix, suffix, context));
  }

  private IndexOutput encrypting(IndexOutput out) throws IOException {
    byte[] iv = new byte[16];
    RANDOM.nextBytes(iv);
    byte[] header = new byte[HEADER];
    System.arraycopy(MAGIC, 0, header, 0, 4);
    header[4] = FORMAT;
    System.arraycopy(keyId, 0, header, 8, 8);
    System.arraycopy(iv, 0, header, 16, 16);
    try {
      out.writeBytes(header, header.length);
      return new EncryptingOutput(out, cipher(key, iv, 0));
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  @Override
  public IndexInput openInput(String name, IOContext context) throws IOException {
    IndexInput raw = in.openInput(name, context);
    try {
      if (raw.length() < HEADER) {
        throw new IOException(name + " is too short to be an encrypted index file");
      }
      byte[] header = new byte[HEADER];
      raw.readBytes(header, 0, HEADER);
      if (!Arrays.equals(header, 0, 4, MAGIC, 0, 4) || header[4] != FORMAT) {
        throw new KeyMismatchException(
            name + " is not an encrypted index file (no SOLE header)");
      }
      if (!Arrays.equals(header, 8, 16, keyId, 0, 8)) {
        throw new KeyMismatchException(name + " was encrypted under another index key");
      }
      byte[] iv = Arrays.copyOfRange(header, 16, 32);
      return new DecryptingInput(
          "EncryptingDirectory(" + name + ")", raw, key, iv, 0, raw.length() - HEADER, false);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  @Override
  public long fileLength(String name) throws IOException {
    return Math.max(0, in.fileLength(name) - HEADER);
  }

  /** A file is not encrypted, or was encrypted under another key: the index must be rebuilt. */
  public static final class KeyMismatchException extends IOException {
    KeyMismatchException(String message) {
      super(message);
    }
  }

  /** AES/CTR positioned at byte {@code offset} of the stream that starts at {@code iv}. */
  static Cipher cipher(byte[] key, byte[] iv, long offset) {
    try {
      byte[] counter = iv.clone();
      long block = offset / 16;
      // 128-bit big-endian addition of the block number to the IV.
      int carry = 0;
      for (int i = 15; i >= 0; i--) {
        int add = (int) ((i >= 8 ? (block >>> (8 * (15 - i))) : 0) & 0xFF);
        int sum = (counter[i] & 0xFF) + add + carry;
        counter[i] = (byte) sum;
        carry = sum >>> 8;
      }
      Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
      int skip = (int) (offset % 16);
      if (skip > 0) {
        c.update(new byte[skip]);
      }
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CTR is unavailable: " + e, e);
    }
  }

  /** Encrypts as it writes; the checksum and the file pointer are the plaintext's. */
  static final class EncryptingOutput extends IndexOutput {
    private final IndexOutput out;
    private final Cipher cipher;
    private final CRC32 crc = new CRC32();
    private final byte[] plain = new byte[8192];
    private final byte[] sealed = new byte[8192];
    private int buffered;
    private long written;

    EncryptingOutput(IndexOutput out, Cipher cipher) {
      super("EncryptingOutput(" + out.getName() + ")", out.getName());
      this.out = out;
      this.cipher = cipher;
    }

    @Override
    public void writeByte(byte b) throws IOException {
      if (buffered == plain.length) {
        flushBuffer();
      }
      plain[buffered++] = b;
      crc.update(b);
      written++;
    }

    @Override
    public void writeBytes(byte[] b, int offset, int length) throws IOException {
      crc.update(b, offset, length);
      written += length;
      while (length > 0) {
        if (buffered == plain.length) {
          flushBuffer();
        }
        int n = Math.min(length, plain.length - buffered);
        System.arraycopy(b, offset, plain, buffered, n);
        buffered += n;
        offset += n;
        length -= n;
      }
    }

    private void flushBuffer() throws IOException {
      if (buffered == 0) {
        return;
      }
      try {
        int n = cipher.update(plain, 0, buffered, sealed, 0);
        out.writeBytes(sealed, 0, n);
      } catch (ShortBufferException e) {
        throw new IllegalStateException(e);
      }
      buffered = 0;
    }

    @Override
    public long getFilePointer() {
      return written;
    }

    @Override
    public long getChecksum() {
      return crc.getValue();
    }

    @Override
    public void close() throws IOException {
      try (IndexOutput o = out) {
        flushBuffer();
      }
    }
  }

  /** Decrypts what it reads, at any offset; slices and clones share the file. */
  static final class DecryptingInput extends BufferedIndexInput {
    private IndexInput raw;
    private final byte[] key;
    private final byte[] iv;
    private final long start;
    private final long length;
    private final boolean clone;

    DecryptingInput(
        String description,
        IndexInput raw,
        byte[] key,
        byte[] iv,
        long start,
        long length,
        boolean clone) {
      super(description, READ_BUFFER);
      this.raw = raw;
      this.key = key;
      this.iv = iv;
      this.start = start;
      this.length = length;
      this.clone = clone;
    }

    @Override
    protected void readInternal(ByteBuffer b) throws IOException {
      long position = getFilePointer();
      int n = b.remaining();
      if (position + n > length) {
        throw new java.io.EOFException(
            "read past EOF: " + this + " at " + position + " + " + n + " > " + length);
      }
      long absolute = start + position;
      byte[] data = new byte[n];
      raw.seek(HEADER + absolute);
      raw.readBytes(data, 0, n);
      try {
        int done = cipher(key, iv, absolute).update(data, 0, n, data, 0);
        if (done != n) {
          throw new IllegalStateException("AES/CTR returned " + done + " of " + n + " bytes");
        }
      } catch (ShortBufferException e) {
        throw new IllegalStateException(e);
      }
      b.put(data);
    }

    @Override
    protected void seekInternal(long pos) throws IOException {
      if (pos > length) {
        throw new java.io.EOFException("seek past EOF: " + this + " to " + pos + " > " + length);
      }
    }

    @Override
    public long length() {
      return length;
    }

    @Override
    public IndexInput slice(String description, long offset, long sliceLength) throws IOException {
      if (offset < 0 || sliceLength < 0 || offset + sliceLength > length) {
        throw new IllegalArgumentException(
            "slice(" + description + ") out of bounds: offset " + offset + ", length "
                + sliceLength + ", file length " + length);
      }
      return new DecryptingInput(
          description, raw.clone(), key, iv, start + offset, sliceLength, true);
    }

    @Override
    public DecryptingInput clone() {
      DecryptingInput c = (DecryptingInput) super.clone();
      c.raw = raw.clone();
      return c;
    }

    @Override
    public void close() throws IOException {
      if (!clone) {
        raw.close();
      }
    }
  }
}
