package dev.solosuccess.index.internal.support;

import dev.solosuccess.index.internal.faults.KillPoints;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * One file replaced whole: written to a temporary file beside it, forced to disk, then renamed over
 * the old one atomically (and the folder forced), so that a crash leaves either the old file or the
 * new one, never a mix. A CRC-32 of the content follows it in the last 8 bytes and is checked on
 * read. Stateless.
 */
public final class SnapshotFile {

  /** Writes the content of a snapshot. */
  @FunctionalInterface
  public interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  /** Reads the content of a snapshot; need not read to its end. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  /** The content does not match its checksum, or is cut short. */
  public static final class DamagedException extends IOException {
    private static final long serialVersionUID = 1L;

    public DamagedException(String message) {
      super(message);
    }
  }

  private static final int BUFFER = 1 << 16;

  private SnapshotFile() {}

  public static void write(Path file, Writer writer) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      CRC32 crc = new CRC32();
      // The channel stays open past the stream: it is forced before it closes.
      OutputStream raw = new KeepOpen(Channels.newOutputStream(channel));
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(raw, crc), BUFFER));
      writer.write(out);
      out.flush();
      ByteBuffer footer = ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue()).flip();
      while (footer.hasRemaining()) {
        channel.write(footer);
      }
      KillPoints.reach("hnsw.written");
      channel.force(true);
      KillPoints.reach("hnsw.synced");
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    KillPoints.reach("hnsw.renamed");
    forceFolder(file.toAbsolutePath().getParent());
  }

  /** Makes the rename durable; some platforms cannot open a folder, and then it is left to the OS. */
  private static void forceFolder(Path folder) {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory as a channel; its rename is durable once it returns.
    }
  }

  /**
   * Reads a snapshot, checking its checksum over the whole content (also the part the reader did
   * not consume).
   *
   * @throws DamagedException if the file is too short or its checksum does not match
   */
  public static <T> T read(Path file, Reader<T> reader) throws IOException {
    long size = Files.size(file);
    if (size < Long.BYTES) {
      throw new DamagedException(file + " is cut short (" + size + " bytes)");
    }
    long content = size - Long.BYTES;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer footer = ByteBuffer.allocate(Long.BYTES);
      while (footer.hasRemaining()) {
        if (channel.read(footer, content + footer.position()) < 0) {
          throw new DamagedException(file + " is cut short");
        }
      }
      long expected = footer.flip().getLong();
      CRC32 crc = new CRC32();
      InputStream bounded = new Bounded(Channels.newInputStream(channel.position(0)), content);
      CheckedInputStream checked = new CheckedInputStream(bounded, crc);
      DataInputStream in = new DataInputStream(new BufferedInputStream(checked, BUFFER));
      T value;
      try {
        value = reader.read(in);
      } catch (java.io.EOFException e) {
        throw new DamagedException(file + " is cut short: " + e.getMessage());
      }
      byte[] skip = new byte[BUFFER];
      while (in.read(skip) >= 0) {
        // checksum the rest
      }
      if (crc.getValue() != expected) {
        throw new DamagedException(file + " does not match its checksum");
      }
      return value;
    }
  }

  /** A stream that flushes but does not close what it wraps (libraries close what they are given). */
  public static final class KeepOpen extends FilterOutputStream {
    public KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** A stream that does not close what it wraps (libraries close what they are given). */
  public static final class KeepOpenInput extends FilterInputStream {
    public KeepOpenInput(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the snapshot reader goes on reading (and checksumming) after the library is done
    }
  }

  /** At most {@code limit} bytes of a stream; closing it does not close the stream. */
  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = in.skip(Math.min(n, left));
      left -= s;
      return s;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), left);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() {
      // the channel is closed by its owner
    }
  }
}
