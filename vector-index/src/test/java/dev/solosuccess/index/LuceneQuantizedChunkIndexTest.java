package dev.solosuccess.index;

import static dev.solosuccess.index.Vectors.chunk;
import static dev.solosuccess.index.Vectors.randomUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** A {@link ChunkIndex} with int8 vectors: text and quantized vectors in one index, one commit. */
class LuceneQuantizedChunkIndexTest {

  @TempDir Path dir;

  static IndexSettings int8() {
    return IndexSettings.of(16, VectorSimilarity.DOT_PRODUCT, "m")
        .withVectorEncoding(VectorEncoding.INT8);
  }

  @Test
  void oneCommitCoversTextAndQuantizedVectors(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    float[] target = randomUnit(random, 16);
    try (ChunkIndex index = ChunkIndex.open(dir, int8())) {
      for (int i = 0; i < 200; i++) {
        String text = i == 42 ? "the refund window" : "shipping note " + i;
        float[] v = i == 42 ? target : randomUnit(random, 16);
        index.replaceDocument("d" + i, List.of(chunk("c" + i, "d" + i, text, v)));
      }
      index.commit(7);
    }
    try (ChunkIndex index = ChunkIndex.open(dir, int8())) {
      assertThat(index.committedSequence()).isEqualTo(7);
      assertThat(index.searchText("refund", 5, IndexFilter.none()))
          .extracting(ScoredChunk::chunkId)
          .containsExactly("c42");
      List<ScoredChunk> near = index.searchVector(target, 1, IndexFilter.none());
      assertThat(near).extracting(ScoredChunk::chunkId).containsExactly("c42");
      // Rescored on the float vectors: the exact similarity, not the quantized one.
      assertThat(near.get(0).score()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
    }
  }

  @Test
  void anotherEncodingIsAnIncompatibleIndex() {
    ChunkIndex.open(dir, int8()).close();
    assertThatThrownBy(() -> ChunkIndex.open(dir, IndexSettings.of(16, VectorSimilarity.DOT_PRODUCT, "m")))
        .isInstanceOf(IncompatibleIndexException.class)
        .hasMessageContaining("vector encoding must be FLOAT32, got INT8");
  }
}
