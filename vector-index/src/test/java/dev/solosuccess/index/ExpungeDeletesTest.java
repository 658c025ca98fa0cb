package dev.solosuccess.index;

import static dev.solosuccess.index.Vectors.axis;
import static dev.solosuccess.index.Vectors.chunk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure at the index level: after {@link ChunkIndex#expungeDeletes()} and a commit, a deleted
 * chunk's text is in no file of the index, even when it is one chunk among forty in its segment
 * (Lucene leaves a segment alone below 10% deleted documents unless told otherwise).
 */
class ExpungeDeletesTest {

  private static final int DIM = 4;
  private static final String CANARY = "erasedwombatcanary";

  @TempDir Path dir;

  @Test
  void aDeletedChunkLeavesEveryFileOfItsSegment() throws IOException {
    Path path = dir.resolve("index");
    try (ChunkIndex index =
        ChunkIndex.open(path, IndexSettings.of(DIM, VectorSimilarity.DOT_PRODUCT, "test"))) {
      for (int i = 0; i < 39; i++) {
        index.replaceDocument(
            "kept" + i, List.of(chunk("k" + i, "kept" + i, "Routine note " + i, axis(DIM, i % DIM))));
      }
      // The canary as a chunk id, a document id and an attribute: kept as they are, not analyzed.
      index.replaceDocument(
          "gone-" + CANARY,
          List.of(
              chunk("g-" + CANARY, "gone-" + CANARY, "Patient seen", axis(DIM, 0),
                  java.util.Map.of("patient", CANARY))));
      index.commit(1);
      assertThat(hits(path)).as("the control: the canary is in the committed segment").isPositive();

      index.deleteDocument("gone-" + CANARY);
      index.expungeDeletes();
      index.commit(2);
      assertThat(index.chunkCount()).isEqualTo(39);
    }
    assertThat(hits(path)).as("the canary after erasure").isZero();
  }

  private static int hits(Path path) throws IOException {
    byte[] needle = CANARY.getBytes(StandardCharsets.UTF_8);
    int n = 0;
    try (Stream<Path> files = Files.list(path)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] hay = Files.readAllBytes(f);
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
          for (int j = 0; j < needle.length; j++) {
            if (hay[i + j] != needle[j]) {
              continue outer;
            }
          }
          n++;
        }
      }
    }
    return n;
  }
}
