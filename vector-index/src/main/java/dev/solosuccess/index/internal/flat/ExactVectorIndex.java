package dev.solosuccess.index.internal.flat;

import dev.solosuccess.index.IndexFilter;
import dev.solosuccess.index.VectorEntry;
import dev.solosuccess.index.VectorHit;
import dev.solosuccess.index.VectorIndexConfig;
import dev.solosuccess.index.VectorQuery;
import dev.solosuccess.index.internal.support.EntryCodec;
import dev.solosuccess.index.internal.support.FileBackedVectorIndex;
import dev.solosuccess.index.internal.support.SnapshotFile;
import dev.solosuccess.index.internal.support.TopHits;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;

/**
 * Exact nearest neighbours: every entry accepted by the filter is compared with the query by dot
 * product (through Lucene's {@link VectorUtil}, SIMD when the vector module is present). The ground
 * truth of the other backends, and the fastest choice for a few thousand vectors. Entries live in
 * dense arrays (a delete moves the last entry into the hole); the file {@code vectors.bin} holds them
 * after each commit. Thread-safe (see {@link FileBackedVectorIndex}).
 */
public final class ExactVectorIndex extends FileBackedVectorIndex {

  static final String FILE = "vectors.bin";
  static final int FORMAT = 1;

  private VectorEntry[] entries = new VectorEntry[16];
  private float[][] vectors = new float[16][]; // comparable: unit length under cosine
  private int count;
  private final Map<String, Integer> slots = new HashMap<>();

  private ExactVectorIndex(Path directory, VectorIndexConfig config) {
    super(directory, FILE, config);
  }

  public static ExactVectorIndex open(Path directory, VectorIndexConfig config) {
    ExactVectorIndex index = new ExactVectorIndex(directory, config);
    index.load();
    return index;
  }

  @Override
  protected int format() {
    return FORMAT;
  }

  @Override
  protected void doUpsert(VectorEntry entry, float[] comparable, long sequence) {
    Integer slot = slots.get(entry.id());
    if (slot == null) {
      if (count == entries.length) {
        entries = Arrays.copyOf(entries, count * 2);
        vectors = Arrays.copyOf(vectors, count * 2);
      }
      slot = count++;
      slots.put(entry.id(), slot);
    }
    entries[slot] = entry;
    vectors[slot] = comparable;
  }

  @Override
  protected void doDelete(String id, long sequence) {
    Integer slot = slots.remove(id);
    if (slot == null) {
      return;
    }
    int last = --count;
    if (slot != last) {
      entries[slot] = entries[last];
      vectors[slot] = vectors[last];
      slots.put(entries[slot].id(), slot);
    }
    entries[last] = null;
    vectors[last] = null;
  }

  @Override
  protected List<VectorHit> doSearch(VectorQuery query, float[] comparable) {
    return scan(comparable, query.k(), query.filter(), entries, vectors, count);
  }

  /**
   * The exact top {@code k} of the first {@code n} entries that pass the filter.
   *
   * @param vectors the entries' comparable vectors, in the same order
   */
  public static List<VectorHit> scan(
      float[] query, int k, IndexFilter filter, VectorEntry[] entries, float[][] vectors, int n) {
    TopHits top = new TopHits(k);
    boolean filtered = !filter.isEmpty();
    for (int i = 0; i < n; i++) {
      VectorEntry e = entries[i];
      if (filtered && !filter.matches(e.attributes(), e.numbers())) {
        continue;
      }
      float score = VectorUtil.dotProduct(query, vectors[i]);
      if (top.competitive(score)) {
        top.offer(e.id(), score);
      }
    }
    return top.results();
  }

  @Override
  protected int doSize() {
    return count;
  }

  @Override
  protected void writeBody(DataOutputStream out) throws IOException {
    out.writeInt(count);
    for (int i = 0; i < count; i++) {
      EntryCodec.write(entries[i], vectors[i], out);
    }
  }

  @Override
  protected void readBody(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new SnapshotFile.DamagedException("negative entry count " + n);
    }
    entries = new VectorEntry[Math.max(16, n)];
    vectors = new float[entries.length][];
    for (int i = 0; i < n; i++) {
      VectorEntry e = EntryCodec.read(in);
      entries[i] = e;
      vectors[i] = e.vector();
      slots.put(e.id(), i);
    }
    count = n;
  }
}
