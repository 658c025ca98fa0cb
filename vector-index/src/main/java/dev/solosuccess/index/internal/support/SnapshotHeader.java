package dev.solosuccess.index.internal.support;

import dev.solosuccess.index.IncompatibleIndexException;
import dev.solosuccess.index.IndexCorruptedException;
import dev.solosuccess.index.VectorIndexConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The first bytes of a vector snapshot file: what it is, what it was built for, and the last
 * sequence it reflects.
 *
 * @param format the layout version of the file
 * @param backend the backend's name
 * @param dimension the vector length
 * @param similarity the similarity's name
 * @param vectorSpace the producer of the vectors
 * @param sequence the last applied sequence when the snapshot was written
 */
public record SnapshotHeader(
    int format,
    String backend,
    int dimension,
    String similarity,
    String vectorSpace,
    long sequence) {

  /** "SOLV". */
  private static final int MAGIC = 0x534F4C56;

  public static SnapshotHeader of(VectorIndexConfig config, int format, long sequence) {
    return new SnapshotHeader(
        format,
        config.backend().name(),
        config.dimension(),
        config.similarity().name(),
        config.vectorSpace(),
        sequence);
  }

  public void write(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(format);
    out.writeUTF(backend);
    out.writeInt(dimension);
    out.writeUTF(similarity);
    out.writeUTF(vectorSpace);
    out.writeLong(sequence);
  }

  public static SnapshotHeader read(DataInputStream in, Path file) throws IOException {
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new IndexCorruptedException(
          file + " is not a vector index file (magic " + Integer.toHexString(magic) + ")",
          file,
          null);
    }
    return new SnapshotHeader(
        in.readInt(), in.readUTF(), in.readInt(), in.readUTF(), in.readUTF(), in.readLong());
  }

  /** Checks that the snapshot was made for {@code config} in {@code expectedFormat}. */
  public void check(VectorIndexConfig config, int expectedFormat, Path file) {
    expect("file format", Integer.toString(expectedFormat), Integer.toString(format), file);
    expect("backend", config.backend().name(), backend, file);
    expect("vector dimension", Integer.toString(config.dimension()), Integer.toString(dimension),
        file);
    expect("vector similarity", config.similarity().name(), similarity, file);
    expect("vector space", config.vectorSpace(), vectorSpace, file);
  }

  private static void expect(String what, String expected, String actual, Path file) {
    if (!expected.equals(actual)) {
      throw new IncompatibleIndexException(
          what + " must be " + expected + ", got " + actual + " in " + file, file);
    }
  }
}
