package dev.solosuccess.index;

import static dev.solosuccess.index.Vectors.randomUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The snapshot files of the in-memory backends: replaced atomically, checked on open, and held by
 * one writer at a time.
 */
class SnapshotFilesTest {

  @TempDir Path dir;

  static VectorIndexConfig config(VectorBackend backend) {
    return VectorIndexConfig.builder(8, VectorSimilarity.DOT_PRODUCT).backend(backend).build();
  }

  private Path committed(VectorBackend backend, TestInfo info) throws IOException {
    TestSeed random = TestSeed.random(info);
    try (VectorIndex index = VectorIndex.open(dir, config(backend))) {
      for (int i = 0; i < 50; i++) {
        index.upsert(VectorEntry.of("e" + i, randomUnit(random, 8)), i);
      }
      index.commit();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> snapshots =
          files.filter(p -> p.getFileName().toString().endsWith(".bin")).toList();
      assertThat(snapshots).hasSize(1);
      return snapshots.get(0);
    }
  }

  @ParameterizedTest
  @EnumSource(value = VectorBackend.class, names = {"EXACT", "HNSWLIB"})
  void aFlippedByteIsReportedAsCorruption(VectorBackend backend, TestInfo info) throws IOException {
    Path file = committed(backend, info);
    byte[] bytes = Files.readAllBytes(file);
    int at = bytes.length / 2;
    bytes[at] ^= 0x5A;
    Files.write(file, bytes);

    assertThatThrownBy(() -> VectorIndex.open(dir, config(backend)))
        .isInstanceOf(IndexCorruptedException.class)
        .hasMessageContaining(file.getFileName().toString());
    // The failed open released the folder.
    Files.write(file, flip(bytes, at));
    try (VectorIndex index = VectorIndex.open(dir, config(backend))) {
      assertThat(index.size()).isEqualTo(50);
      assertThat(index.committedSequence()).isEqualTo(49);
    }
  }

  private static byte[] flip(byte[] bytes, int at) {
    bytes[at] ^= 0x5A;
    return bytes;
  }

  @ParameterizedTest
  @EnumSource(value = VectorBackend.class, names = {"EXACT", "HNSWLIB"})
  void aTruncatedFileIsReportedAsCorruption(VectorBackend backend, TestInfo info)
      throws IOException {
    Path file = committed(backend, info);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));

    assertThatThrownBy(() -> VectorIndex.open(dir, config(backend)))
        .isInstanceOf(IndexCorruptedException.class);
  }

  @ParameterizedTest
  @EnumSource(value = VectorBackend.class, names = {"EXACT", "HNSWLIB"})
  void aTemporaryFileLeftByACrashIsIgnoredAndReplaced(VectorBackend backend, TestInfo info)
      throws IOException {
    Path file = committed(backend, info);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temp, new byte[] {1, 2, 3}); // a commit that died before its rename

    try (VectorIndex index = VectorIndex.open(dir, config(backend))) {
      assertThat(index.size()).isEqualTo(50);
      index.delete("e0", 60);
      index.commit();
    }
    assertThat(temp).doesNotExist();
    try (VectorIndex index = VectorIndex.open(dir, config(backend))) {
      assertThat(index.size()).isEqualTo(49);
      assertThat(index.committedSequence()).isEqualTo(60);
    }
  }

  @ParameterizedTest
  @EnumSource(value = VectorBackend.class, names = {"EXACT", "HNSWLIB"})
  void aSecondWriterIsRefused(VectorBackend backend) {
    try (VectorIndex first = VectorIndex.open(dir, config(backend))) {
      assertThatThrownBy(() -> VectorIndex.open(dir, config(backend)))
          .isInstanceOf(IndexException.class)
          .hasMessageContaining("locked by another writer");
      assertThat(first.size()).isZero();
    }
    VectorIndex.open(dir, config(backend)).close();
  }
}
