package dev.solosuccess.benchmarks;

import dev.solosuccess.index.HnswParameters;
import dev.solosuccess.index.IndexFilter;
import dev.solosuccess.index.VectorBackend;
import dev.solosuccess.index.VectorEncoding;
import dev.solosuccess.index.VectorEntry;
import dev.solosuccess.index.VectorHit;
import dev.solosuccess.index.VectorIndex;
import dev.solosuccess.index.VectorIndexConfig;
import dev.solosuccess.index.VectorQuery;
import dev.solosuccess.index.VectorSimilarity;
import dev.solosuccess.index.internal.lucene.LuceneVectorIndex;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One index under measurement: built once from a vector set, then searched with a number of
 * candidates (ef) and optionally the 10% filter ({@code bucket = 3}, entry {@code i} is in bucket
 * {@code i % 10}). Searches run on several threads at once; builds on the calling thread unless
 * the library parallelizes by itself (JVector).
 */
interface AnnContender extends AutoCloseable {

  /** The attribute value kept by the filter: one bucket of ten. */
  String KEPT_BUCKET = "3";

  String name();

  void build(List<float[]> vectors) throws Exception;

  /** Ids (vector ordinals) of the top k. */
  int[] search(float[] query, int k, int candidates, boolean filtered);

  /** Bytes of its files, 0 for an in-memory index. */
  long diskBytes();

  /** Bytes mapped from files during search (off-heap), 0 if none. */
  long mappedBytes();

  /** Whether the search-time candidate count changes anything (not for exact scans). */
  default boolean approximate() {
    return true;
  }

  @Override
  void close() throws Exception;

  /** A backend of vector-index, through the public {@link VectorIndex} API. */
  final class OurIndex implements AnnContender {
    private final String name;
    private final VectorIndexConfig config;
    private final Path dir;
    private VectorIndex index;

    OurIndex(String name, VectorBackend backend, VectorEncoding encoding, int dimension, Path dir) {
      this.name = name;
      this.dir = dir;
      this.config =
          VectorIndexConfig.builder(dimension, VectorSimilarity.DOT_PRODUCT)
              .backend(backend)
              .encoding(encoding)
              .hnsw(HnswParameters.defaults())
              .vectorSpace("benchmark")
              .build();
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean approximate() {
      return config.backend() != VectorBackend.EXACT;
    }

    @Override
    public void build(List<float[]> vectors) {
      index = VectorIndex.open(dir, config);
      for (int i = 0; i < vectors.size(); i++) {
        index.upsert(
            VectorEntry.of(
                Integer.toString(i), vectors.get(i), Map.of("bucket", Integer.toString(i % 10))),
            1);
      }
      index.commit();
      if (index instanceof LuceneVectorIndex lucene) {
        lucene.forceMerge(1); // one graph, as a bulk-built index is searched
        lucene.commit();
      }
    }

    @Override
    public int[] search(float[] query, int k, int candidates, boolean filtered) {
      VectorQuery q = VectorQuery.of(query, k).withCandidates(candidates);
      if (filtered) {
        q = q.withFilter(IndexFilter.of(Map.of("bucket", KEPT_BUCKET)));
      }
      List<VectorHit> hits = index.search(q);
      int[] ids = new int[hits.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = Integer.parseInt(hits.get(i).id());
      }
      return ids;
    }

    @Override
    public long diskBytes() {
      return VectorSearchBenchmark.folderBytes(dir);
    }

    @Override
    public long mappedBytes() {
      return index instanceof LuceneVectorIndex lucene ? lucene.committedBytes() : 0;
    }

    @Override
    public void close() {
      if (index != null) {
        index.close();
      }
    }
  }

  /** JVector's in-memory graph (full-precision vectors, exact scores), the peer. */
  final class JVector implements AnnContender {
    private static final VectorTypeSupport VTS =
        VectorizationProvider.getInstance().getVectorTypeSupport();
    private RandomAccessVectorValues values;
    private ImmutableGraphIndex graph;
    private GraphIndexBuilder builder;
    private final ThreadLocal<GraphSearcher> searchers =
        ThreadLocal.withInitial(() -> new GraphSearcher(graph));
    private static final Bits KEPT = ord -> ord % 10 == Integer.parseInt(KEPT_BUCKET);

    @Override
    public String name() {
      return "JVector (peer)";
    }

    @Override
    public void build(List<float[]> vectors) {
      List<VectorFloat<?>> list = new ArrayList<>(vectors.size());
      for (float[] v : vectors) {
        list.add(VTS.createFloatVector(v));
      }
      values = new ListRandomAccessVectorValues(list, vectors.get(0).length);
      BuildScoreProvider scores =
          BuildScoreProvider.randomAccessScoreProvider(values, VectorSimilarityFunction.DOT_PRODUCT);
      // Same M and beam width as ours; JVector's usual overflow 1.2 and alpha 1.2, with layers.
      builder =
          new GraphIndexBuilder(
              scores,
              values.dimension(),
              HnswParameters.DEFAULT_MAX_CONNECTIONS,
              HnswParameters.DEFAULT_BEAM_WIDTH,
              1.2f,
              1.2f,
              true);
      graph = builder.build(values);
    }

    @Override
    public int[] search(float[] query, int k, int candidates, boolean filtered) {
      var ssp =
          DefaultSearchScoreProvider.exact(
              VTS.createFloatVector(query), VectorSimilarityFunction.DOT_PRODUCT, values);
      SearchResult r =
          searchers.get().search(ssp, k, Math.max(k, candidates), 0f, 0f, filtered ? KEPT : Bits.ALL);
      SearchResult.NodeScore[] nodes = r.getNodes();
      int[] ids = new int[Math.min(k, nodes.length)];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = nodes[i].node;
      }
      return ids;
    }

    @Override
    public long diskBytes() {
      return 0;
    }

    @Override
    public long mappedBytes() {
      return 0;
    }

    @Override
    public void close() throws IOException {
      if (builder != null) {
        builder.close();
      }
    }
  }
}
