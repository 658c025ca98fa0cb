package dev.solosuccess.index.internal.hnswlib;

import com.github.jelmerk.hnswlib.core.Item;
import dev.solosuccess.index.VectorEntry;

/**
 * An entry in hnswlib's graph: the entry (for filters), its comparable vector, and the sequence of
 * the write that put it there as hnswlib's version (hnswlib ignores older versions of an item).
 */
record HnswItem(VectorEntry entry, float[] comparable, long sequence)
    implements Item<String, float[]> {

  private static final long serialVersionUID = 1L;

  @Override
  public String id() {
    return entry.id();
  }

  @Override
  public float[] vector() {
    return comparable;
  }

  @Override
  public int dimensions() {
    return comparable.length;
  }

  @Override
  public long version() {
    return sequence;
  }
}
