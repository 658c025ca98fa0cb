package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.index.ChunkIndex;
import dev.solosuccess.index.HnswParameters;
import dev.solosuccess.index.IncompatibleIndexException;
import dev.solosuccess.index.IndexCorruptedException;
import dev.solosuccess.index.IndexEncryption;
import dev.solosuccess.index.IndexSettings;
import dev.solosuccess.index.TextAnalysis;
import dev.solosuccess.index.VectorEncoding;
import dev.solosuccess.index.VectorSimilarity;
import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.sdk.StorageException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Opens the search index of a data folder, rebuilding what is damaged or built differently. */
public final class Indexes {

  private static final System.Logger LOG = System.getLogger(Indexes.class.getName());

  private Indexes() {}

  /**
   * The settings of an index of this model's vectors: Lucene HNSW on float32 vectors, M 16, beam
   * width 100, 100 search candidates, and the configured BM25 parameters. The vector settings were
   * chosen from the vector benchmark ({@code benchmarks/README.md}, "Vector search"): Lucene is the
   * backend that keeps BM25 text and vectors under one commit; int8 reached the same recall at the
   * same candidates without being faster on these CPUs, and is larger on disk (it keeps the floats
   * for rescoring); 32 candidates reach recall@10 of 0.95 on SciFact sentences, and the engine asks
   * for 100 hits anyway (fusion depth).
   */
  public static IndexSettings settings(ModelSpec spec, EngineConfig config) {
    return new IndexSettings(
            spec.dimension(),
            VectorSimilarity.DOT_PRODUCT,
            spec.vectorSpace(),
            config.bm25K1(),
            config.bm25B())
        .withVectorEncoding(VectorEncoding.FLOAT32)
        .withHnsw(HnswParameters.defaults())
        .withTextAnalysis(TextAnalysis.valueOf(config.textAnalyzer().name()));
  }

  /**
   * Opens the index; one that is damaged or was built differently (another dimension, or another
   * model's vectors) holds only derived data, so it is deleted and opened empty, to be rebuilt
   * from the store.
   */
  public static ChunkIndex open(Path dir, IndexSettings settings) {
    return open(dir, settings, null);
  }

  /**
   * As {@link #open(Path, IndexSettings)}, with every index file encrypted under {@code
   * encryption} (null: plain files). An index written under another key, or unencrypted, is
   * rebuilt like any incompatible one.
   */
  public static ChunkIndex open(Path dir, IndexSettings settings, IndexEncryption encryption) {
    try {
      return openOnce(dir, settings, encryption);
    } catch (IncompatibleIndexException | IndexCorruptedException e) {
      LOG.log(Level.WARNING, "rebuilding the index from the store: " + e.getMessage());
      deleteTree(dir);
      return openOnce(dir, settings, encryption);
    }
  }

  private static ChunkIndex openOnce(Path dir, IndexSettings settings, IndexEncryption encryption) {
    return encryption == null
        ? ChunkIndex.open(dir, settings)
        : ChunkIndex.open(dir, settings, encryption);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new StorageException("cannot delete the damaged index " + dir + ": " + e, dir, e);
    }
  }
}
