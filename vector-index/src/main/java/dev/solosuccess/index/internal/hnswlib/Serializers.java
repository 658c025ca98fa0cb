package dev.solosuccess.index.internal.hnswlib;

import com.github.jelmerk.hnswlib.core.DistanceFunction;
import com.github.jelmerk.hnswlib.core.ObjectSerializer;
import dev.solosuccess.index.VectorEntry;
import dev.solosuccess.index.internal.support.EntryCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import org.apache.lucene.util.VectorUtil;

/**
 * What hnswlib writes into its file: ids and items in the snapshot's own binary layout (no Java
 * serialization of entries), and the distance function. hnswlib stores these objects themselves by
 * Java serialization, so they are stateless and serializable.
 */
final class Serializers {

  private Serializers() {}

  /** 1 − dot product: the distance of unit vectors, through Lucene's SIMD dot product. */
  static final class DotDistance implements DistanceFunction<float[], Float> {
    private static final long serialVersionUID = 1L;

    @Override
    public Float distance(float[] u, float[] v) {
      return 1f - VectorUtil.dotProduct(u, v);
    }
  }

  static final class Ids implements ObjectSerializer<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void write(String id, ObjectOutput out) throws IOException {
      EntryCodec.writeString(id, (DataOutput) out);
    }

    @Override
    public String read(ObjectInput in) throws IOException {
      return EntryCodec.readString((DataInput) in);
    }
  }

  static final class Items implements ObjectSerializer<HnswItem> {
    private static final long serialVersionUID = 1L;

    @Override
    public void write(HnswItem item, ObjectOutput out) throws IOException {
      out.writeLong(item.sequence());
      EntryCodec.write(item.entry(), item.comparable(), out);
    }

    @Override
    public HnswItem read(ObjectInput in) throws IOException {
      long sequence = in.readLong();
      VectorEntry e = EntryCodec.read(in);
      return new HnswItem(e, e.vector(), sequence);
    }
  }
}
