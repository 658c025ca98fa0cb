package dev.solosuccess.index.internal.hnswlib;

import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import com.github.jelmerk.hnswlib.core.hnsw.SizeLimitExceededException;
import dev.solosuccess.index.HnswParameters;
import dev.solosuccess.index.IndexFilter;
import dev.solosuccess.index.VectorEntry;
import dev.solosuccess.index.VectorHit;
import dev.solosuccess.index.VectorIndexConfig;
import dev.solosuccess.index.VectorQuery;
import dev.solosuccess.index.internal.support.FileBackedVectorIndex;
import dev.solosuccess.index.internal.support.SnapshotFile;
import dev.solosuccess.index.internal.support.TopHits;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;

/**
 * HNSW through hnswlib-java ({@code com.github.jelmerk:hnswlib-core}), in memory, saved whole to
 * {@code hnsw.bin} on commit (temporary file, fsync, atomic rename; the last applied sequence in
 * the header). Distances go through Lucene's SIMD dot product.
 *
 * <p>hnswlib has no filtered search, so a filter is handled here: the share of entries it accepts
 * is estimated from a sample; when few match (fewer than {@link VectorIndexConfig#exactBelow()}),
 * they are compared exactly; otherwise the graph is asked for enough candidates that about {@code
 * searchCandidates} of them pass the filter (with a 1.5× margin), then for four times as many if
 * fewer than {@code k} passed, and then the search falls back to the exact scan, so {@code k} hits
 * come back whenever {@code k} match.
 *
 * <p>hnswlib keeps deleted nodes in the graph as tombstones (still walked, never returned); when
 * they outnumber the live entries, the graph is rebuilt from the live ones. Thread-safe (see {@link
 * FileBackedVectorIndex}).
 *
 * <p>The file holds hnswlib's own serialized graph (Java serialization of the index object, with
 * entries in this module's binary layout): it is the engine's own derived file, never input from
 * elsewhere.
 */
public final class HnswlibVectorIndex extends FileBackedVectorIndex {

  static final String FILE = "hnsw.bin";
  static final int FORMAT = 1;
  private static final int INITIAL_CAPACITY = 1024;
  private static final int SAMPLE = 256;
  private static final double OVERFETCH_MARGIN = 1.5;

  private final HnswParameters parameters;
  private HnswIndex<String, float[], HnswItem, Float> graph;
  private final List<HnswItem> live = new ArrayList<>();
  private final Map<String, Integer> positions = new HashMap<>();
  private int tombstones;

  private HnswlibVectorIndex(Path directory, VectorIndexConfig config) {
    super(directory, FILE, config);
    this.parameters = config.hnsw();
    this.graph = newGraph(INITIAL_CAPACITY);
  }

  public static HnswlibVectorIndex open(Path directory, VectorIndexConfig config) {
    HnswlibVectorIndex index = new HnswlibVectorIndex(directory, config);
    index.load();
    return index;
  }

  private HnswIndex<String, float[], HnswItem, Float> newGraph(int capacity) {
    return HnswIndex.<float[], Float>newBuilder(
            config().dimension(), new Serializers.DotDistance(), capacity)
        .withM(parameters.maxConnections())
        .withEfConstruction(parameters.beamWidth())
        .withEf(1) // every search passes its own candidate count as k
        .withRemoveEnabled()
        .withCustomSerializers(new Serializers.Ids(), new Serializers.Items())
        .build();
  }

  @Override
  protected int format() {
    return FORMAT;
  }

  @Override
  protected void doUpsert(VectorEntry entry, float[] comparable, long sequence) {
    HnswItem item = new HnswItem(entry, comparable, sequence);
    Integer position = positions.get(entry.id());
    if (position == null) {
      positions.put(entry.id(), live.size());
      live.add(item);
    } else {
      if (!Arrays.equals(live.get(position).comparable(), comparable)) {
        tombstones++; // hnswlib removes the old node and adds a new one
      }
      live.set(position, item);
    }
    addToGraph(item);
    maybeRebuild();
  }

  private void addToGraph(HnswItem item) {
    while (true) {
      try {
        graph.add(item);
        return;
      } catch (SizeLimitExceededException e) {
        graph.resize(graph.getMaxItemCount() * 2);
      }
    }
  }

  @Override
  protected void doDelete(String id, long sequence) {
    Integer position = positions.remove(id);
    if (position == null) {
      return;
    }
    HnswItem last = live.remove(live.size() - 1);
    if (position < live.size()) {
      live.set(position, last);
      positions.put(last.id(), position);
    }
    graph.remove(id, sequence);
    tombstones++;
    maybeRebuild();
  }

  private void maybeRebuild() {
    if (tombstones <= Math.max(INITIAL_CAPACITY, live.size())) {
      return;
    }
    HnswIndex<String, float[], HnswItem, Float> fresh =
        newGraph(Math.max(INITIAL_CAPACITY, live.size() * 2));
    for (HnswItem item : live) {
      fresh.add(item);
    }
    graph = fresh;
    tombstones = 0;
  }

  @Override
  protected List<VectorHit> doSearch(VectorQuery query, float[] q) {
    int n = live.size();
    int k = query.k();
    int candidates = query.candidatesOr(parameters.searchCandidates());
    IndexFilter filter = query.filter();
    if (filter.isEmpty()) {
      return fromGraph(q, Math.min(candidates, n), k, filter);
    }
    double share = acceptedShare(filter, n);
    if (share == 0 || share * n < config().exactBelow()) {
      return exact(q, k, filter);
    }
    // Ask for enough candidates that about `candidates` of them pass, with a margin for the
    // sample's error; if fewer than k pass, ask once more for four times as many, then scan.
    long fetch = (long) Math.ceil(OVERFETCH_MARGIN * candidates / share);
    for (int attempt = 0; attempt < 2 && fetch < n / 2; attempt++, fetch *= 4) {
      List<VectorHit> hits = fromGraph(q, (int) fetch, k, filter);
      if (hits.size() >= k) {
        return hits;
      }
    }
    return exact(q, k, filter); // a graph search that visits most nodes is slower than a scan
  }

  /** The share of entries that pass, from an evenly spaced sample. */
  private double acceptedShare(IndexFilter filter, int n) {
    int step = Math.max(1, n / SAMPLE);
    int sampled = 0;
    int accepted = 0;
    for (int i = 0; i < n; i += step) {
      VectorEntry e = live.get(i).entry();
      sampled++;
      if (filter.matches(e.attributes(), e.numbers())) {
        accepted++;
      }
    }
    return (double) accepted / sampled;
  }

  private List<VectorHit> fromGraph(float[] q, int fetch, int k, IndexFilter filter) {
    List<SearchResult<HnswItem, Float>> found = graph.findNearest(q, fetch);
    TopHits top = new TopHits(k);
    for (SearchResult<HnswItem, Float> r : found) {
      VectorEntry e = r.item().entry();
      if (filter.isEmpty() || filter.matches(e.attributes(), e.numbers())) {
        top.offer(e.id(), VectorUtil.dotProduct(q, r.item().comparable()));
      }
    }
    return top.results();
  }

  private List<VectorHit> exact(float[] q, int k, IndexFilter filter) {
    TopHits top = new TopHits(k);
    for (HnswItem item : live) {
      VectorEntry e = item.entry();
      if (!filter.matches(e.attributes(), e.numbers())) {
        continue;
      }
      float score = VectorUtil.dotProduct(q, item.comparable());
      if (top.competitive(score)) {
        top.offer(e.id(), score);
      }
    }
    return top.results();
  }

  @Override
  protected int doSize() {
    return live.size();
  }

  @Override
  protected void writeBody(DataOutputStream out) throws IOException {
    out.writeInt(tombstones);
    out.flush();
    graph.save(new SnapshotFile.KeepOpen(out));
  }

  @Override
  protected void readBody(DataInputStream in) throws IOException {
    tombstones = in.readInt();
    HnswIndex<String, float[], HnswItem, Float> loaded =
        HnswIndex.load(new SnapshotFile.KeepOpenInput(in), HnswlibVectorIndex.class.getClassLoader());
    graph = loaded;
    live.clear();
    positions.clear();
    for (HnswItem item : loaded.items()) {
      positions.put(item.id(), live.size());
      live.add(item);
    }
  }
}
