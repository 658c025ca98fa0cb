package dev.solosuccess.index.internal.support;

import dev.solosuccess.index.VectorEntry;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Writes and reads {@link VectorEntry} values in snapshot files. Stateless. */
public final class EntryCodec {

  private EntryCodec() {}

  public static void write(VectorEntry e, float[] vector, DataOutput out) throws IOException {
    writeString(e.id(), out);
    out.writeInt(vector.length);
    for (float f : vector) {
      out.writeFloat(f);
    }
    out.writeInt(e.attributes().size());
    for (Map.Entry<String, String> a : e.attributes().entrySet()) {
      writeString(a.getKey(), out);
      writeString(a.getValue(), out);
    }
    out.writeInt(e.numbers().size());
    for (Map.Entry<String, Double> n : e.numbers().entrySet()) {
      writeString(n.getKey(), out);
      out.writeDouble(n.getValue());
    }
  }

  public static VectorEntry read(DataInput in) throws IOException {
    String id = readString(in);
    float[] vector = new float[checkedCount(in.readInt())];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = in.readFloat();
    }
    int attributes = checkedCount(in.readInt());
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i < attributes; i++) {
      a.put(readString(in), readString(in));
    }
    int numbers = checkedCount(in.readInt());
    Map<String, Double> n = new HashMap<>();
    for (int i = 0; i < numbers; i++) {
      n.put(readString(in), in.readDouble());
    }
    return new VectorEntry(id, vector, a, n);
  }

  /** Strings of any length (writeUTF stops at 64 KiB). */
  public static void writeString(String s, DataOutput out) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  public static String readString(DataInput in) throws IOException {
    byte[] b = new byte[checkedCount(in.readInt())];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static int checkedCount(int n) throws IOException {
    if (n < 0 || n > (1 << 28)) {
      throw new SnapshotFile.DamagedException("implausible length " + n);
    }
    return n;
  }
}
