package dev.solosuccess.benchmarks;

import dev.solosuccess.index.VectorBackend;
import dev.solosuccess.index.VectorEntry;
import dev.solosuccess.index.VectorIndex;
import dev.solosuccess.index.VectorIndexConfig;
import dev.solosuccess.index.VectorSimilarity;
import java.nio.file.Path;
import java.util.Random;

/**
 * Child JVM of {@link KillHarness} for the hnswlib backend, whose snapshot file is replaced whole
 * on each commit (temporary file, fsync, rename): opens the index in a folder, continues after its
 * committed sequence, and upserts entry {@code v<seq>} with a vector that follows from {@code seq}
 * alone, committing every {@value #COMMIT_EVERY} entries and printing {@code COMMIT <seq>} after
 * each commit returns, until it is killed. Entries are never replaced or deleted, so a snapshot
 * that records sequence S holds exactly v1..vS.
 *
 * <p>Argument: the index folder.
 */
public final class KillHnswChild {

  static final int COMMIT_EVERY = 25;
  static final int DIMENSION = 32;

  private KillHnswChild() {}

  public static void main(String[] args) {
    VectorIndex index = VectorIndex.open(Path.of(args[0]), config()); // never closed
    long seq = index.committedSequence();
    System.out.println("OPEN " + seq);
    System.out.flush();
    while (true) {
      for (int i = 0; i < COMMIT_EVERY; i++) {
        seq++;
        index.upsert(VectorEntry.of("v" + seq, vector(seq)), seq);
      }
      index.commit();
      System.out.println("COMMIT " + seq);
      System.out.flush();
    }
  }

  static VectorIndexConfig config() {
    return VectorIndexConfig.builder(DIMENSION, VectorSimilarity.DOT_PRODUCT)
        .backend(VectorBackend.HNSWLIB)
        .vectorSpace("kill-harness")
        .build();
  }

  /** The unit vector of entry {@code seq}. */
  static float[] vector(long seq) {
    Random random = new Random(seq * 0x9E3779B97F4A7C15L);
    float[] v = new float[DIMENSION];
    double norm = 0;
    for (int i = 0; i < DIMENSION; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < DIMENSION; i++) {
      v[i] *= scale;
    }
    return v;
  }
}
