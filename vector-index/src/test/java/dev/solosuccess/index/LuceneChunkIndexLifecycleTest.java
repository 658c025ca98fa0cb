package dev.solosuccess.index;

import static dev.solosuccess.index.LuceneChunkIndexTest.ids;
import static dev.solosuccess.index.Vectors.axis;
import static dev.solosuccess.index.Vectors.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Lucene {@link ChunkIndex} across opens: commits and their sequence, settings checked on open,
 * damaged files, the write lock, and close.
 */
class LuceneChunkIndexLifecycleTest {

  private static final int DIM = 8;
  private static final IndexSettings SETTINGS =
      IndexSettings.of(DIM, VectorSimilarity.DOT_PRODUCT, "model-a");

  @TempDir Path dir;

  private Path path() {
    return dir.resolve("index");
  }

  /** An index of 10 documents of 2 chunks each, committed at sequence 5. */
  private void createCommitted() {
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      for (int d = 0; d < 10; d++) {
        index.replaceDocument(
            "d" + d,
            List.of(
                chunk("d" + d + "#0", "d" + d, "invoice " + d, axis(DIM, d % DIM)),
                chunk("d" + d + "#1", "d" + d, "receipt " + d, axis(DIM, (d + 1) % DIM))));
      }
      index.commit(5);
    }
  }

  // ---- commit ----

  @Test
  void aNewIndexHasSequenceZeroAndNoChunks() {
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      assertThat(index.committedSequence()).isZero();
      assertThat(index.chunkCount()).isZero();
      assertThat(index.settings()).isEqualTo(SETTINGS);
    }
    assertThat(Files.isDirectory(path())).as("the folder is created").isTrue();
  }

  @Test
  void commitPersistsChunksAndSequenceAcrossReopen() {
    createCommitted();

    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      assertThat(index.committedSequence()).isEqualTo(5);
      assertThat(index.chunkCount()).isEqualTo(20);
      assertThat(ids(index.searchText("invoice 3", 1, IndexFilter.none()))).containsExactly("d3#0");
      assertThat(index.searchVector(axis(DIM, 2), 20, IndexFilter.none()))
          .filteredOn(h -> h.score() > 0.999)
          .extracting(ScoredChunk::chunkId)
          .containsExactlyInAnyOrder(
              "d2#0", "d1#1", "d9#1"); // axis 2: d2#0, and d1#1, d9#1 by (d + 1) % 8
    }
  }

  @Test
  void checkCountsLiveChunksAfterDeletes() {
    createCommitted();
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      index.deleteDocument("d1");
      index.replaceDocument("d2", List.of(chunk("d2#0", "d2", "invoice again", axis(DIM, 0))));
      index.commit(6);
    }
    // The kill harness found the count ignoring deletions: 20 where 17 chunks were live.
    IndexCheck check = ChunkIndex.check(path(), null);
    assertThat(check.clean()).isTrue();
    assertThat(check.chunks()).isEqualTo(17);
    assertThat(check.committedSequence()).isEqualTo(6);
  }

  @Test
  void writesAfterTheLastCommitAreLostOnClose() {
    createCommitted();
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      index.replaceDocument(
          "late", List.of(chunk("late#0", "late", "uncommitted memo", axis(DIM, 0))));
      index.deleteDocument("d1");
      index.replaceDocument("d2", List.of());
      assertThat(index.chunkCount()).isEqualTo(17);
    }

    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      assertThat(index.committedSequence()).isEqualTo(5);
      assertThat(index.chunkCount()).isEqualTo(20);
      assertThat(index.searchText("memo", 10, IndexFilter.none())).isEmpty();
      assertThat(ids(index.searchText("invoice 1", 20, IndexFilter.none()))).contains("d1#0");
    }
  }

  @Test
  void uncommittedDeleteAllIsLostOnClose() {
    createCommitted();
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      index.deleteAll();
      assertThat(index.chunkCount()).isZero();
    }
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      assertThat(index.chunkCount()).isEqualTo(20);
    }
  }

  @Test
  void committedDeleteAllPersists() {
    createCommitted();
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      index.deleteAll();
      index.commit(9);
    }
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      assertThat(index.chunkCount()).isZero();
      assertThat(index.committedSequence()).isEqualTo(9);
    }
  }

  @Test
  void commitAcceptsTheSameSequenceAndRejectsALowerOne() {
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      index.commit(7);
      index.replaceDocument("d", List.of(chunk("d#0", "d", "note", axis(DIM, 0))));
      index.commit(7);
      assertThat(index.committedSequence()).isEqualTo(7);

      assertThatThrownBy(() -> index.commit(6))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("7")
          .hasMessageContaining("got 6");
      assertThat(index.committedSequence()).isEqualTo(7);
    }
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      assertThat(index.committedSequence()).isEqualTo(7);
      assertThat(index.chunkCount()).isEqualTo(1);
      assertThatThrownBy(() -> index.commit(3))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got 3");
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, Long.MIN_VALUE})
  void aNegativeSequenceIsRefused(long sequence) {
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      assertThatThrownBy(() -> index.commit(sequence))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got " + sequence);
      index.deleteAll();
      assertThatThrownBy(() -> index.commit(sequence))
          .as("after deleteAll")
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got " + sequence);
      assertThat(index.committedSequence()).isZero();
    }
  }

  @Test
  void afterDeleteAllTheNextCommitMayRecordALowerSequence() {
    createCommitted(); // sequence 5
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      index.deleteAll();
      index.replaceDocument("r", List.of(chunk("r#0", "r", "rebuilt", axis(DIM, 0))));
      index.commit(2);
      assertThat(index.committedSequence()).isEqualTo(2);

      assertThatThrownBy(() -> index.commit(1))
          .as("only the first commit after deleteAll may go lower")
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got 1");
    }
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      assertThat(index.committedSequence()).isEqualTo(2);
      assertThat(ids(index.searchText("rebuilt invoice", 10, IndexFilter.none())))
          .containsExactly("r#0");
      assertThatThrownBy(() -> index.commit(1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void sequencesSurviveManyCommitsAndReopens(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    long sequence = 0;
    for (int round = 0; round < 5; round++) {
      try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
        assertThat(index.committedSequence())
            .as("round %d (%s)", round, random)
            .isEqualTo(sequence);
        index.replaceDocument(
            "r" + round, List.of(chunk("r" + round + "#0", "r" + round, "round", axis(DIM, 0))));
        sequence += 1 + random.nextInt(1_000_000);
        index.commit(sequence);
        assertThat(index.committedSequence()).isEqualTo(sequence);
      }
    }
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      assertThat(index.committedSequence()).isEqualTo(sequence);
      assertThat(index.chunkCount()).isEqualTo(5);
    }
  }

  // ---- settings recorded in the index ----

  static Stream<Arguments> otherSettings() {
    return Stream.of(
        Arguments.of(IndexSettings.of(16, VectorSimilarity.DOT_PRODUCT, "model-a"), "8", "16"),
        Arguments.of(
            IndexSettings.of(DIM, VectorSimilarity.COSINE, "model-a"), "DOT_PRODUCT", "COSINE"),
        Arguments.of(
            IndexSettings.of(DIM, VectorSimilarity.DOT_PRODUCT, "model-b"), "model-a", "model-b"));
  }

  @ParameterizedTest
  @MethodSource("otherSettings")
  void openingWithOtherSettingsFailsAndLeavesTheIndexIntact(
      IndexSettings other, String onDisk, String asked) {
    createCommitted();

    assertThatThrownBy(() -> ChunkIndex.open(path(), other))
        .isExactlyInstanceOf(IncompatibleIndexException.class)
        .hasMessageContaining("must be " + asked + ", got " + onDisk)
        .satisfies(e -> assertThat(((IndexException) e).directory()).isEqualTo(path()));

    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      assertThat(index.committedSequence()).isEqualTo(5);
      assertThat(index.chunkCount()).isEqualTo(20);
    }
  }

  @Test
  void anIndexOfTheFormerFormatIsRefusedSoThatItsOwnerRebuildsIt() throws IOException {
    Files.createDirectories(path());
    try (Directory directory = FSDirectory.open(path());
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.setLiveCommitData(
          Map.of(
                  "solo.index.format", "2",
                  "solo.vector.dimension", Integer.toString(DIM),
                  "solo.vector.similarity", "DOT_PRODUCT",
                  "solo.vector.space", "model-a",
                  "solo.sequence", "3")
              .entrySet());
      writer.commit();
    }

    assertThatThrownBy(() -> ChunkIndex.open(path(), SETTINGS))
        .isExactlyInstanceOf(IncompatibleIndexException.class)
        .hasMessageContaining("index format must be 5, got 2");
  }

  @Test
  void bm25ParametersMayChangeBetweenOpens() {
    createCommitted();
    IndexSettings tuned =
        new IndexSettings(DIM, VectorSimilarity.DOT_PRODUCT, "model-a", 1.2f, 0.75f);
    try (ChunkIndex index = ChunkIndex.open(path(), tuned)) {
      assertThat(index.settings()).isEqualTo(tuned);
      assertThat(ids(index.searchText("receipt 4", 1, IndexFilter.none()))).containsExactly("d4#1");
    }
  }

  // ---- damaged files ----

  @Test
  void garbageInTheMiddleOfEveryFileIsReportedAsCorruption(TestInfo info) throws IOException {
    TestSeed random = TestSeed.random(info);
    createCommitted();
    overwriteMiddle(random, name -> !name.equals("write.lock"));

    assertThatThrownBy(() -> ChunkIndex.open(path(), SETTINGS))
        .as("%s", random)
        .isExactlyInstanceOf(IndexCorruptedException.class)
        .hasMessageContaining(path().toString())
        .satisfies(e -> assertThat(((IndexException) e).directory()).isEqualTo(path()));
    assertNotLocked();
  }

  @ParameterizedTest
  @ValueSource(strings = {"segments_", ".si"})
  void garbageInTheCommitOrSegmentInfoIsReportedAsCorruption(String which, TestInfo info)
      throws IOException {
    TestSeed random = TestSeed.random(info);
    createCommitted();
    overwriteMiddle(random, name -> name.startsWith(which) || name.endsWith(which));

    assertThatThrownBy(() -> ChunkIndex.open(path(), SETTINGS))
        .as("%s", random)
        .isExactlyInstanceOf(IndexCorruptedException.class);
    assertNotLocked();
  }

  @Test
  void aTruncatedCommitIsReportedAsCorruption() throws IOException {
    createCommitted();
    for (Path f : files(name -> name.startsWith("segments_"))) {
      try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
        raf.setLength(raf.length() / 3);
      }
    }

    assertThatThrownBy(() -> ChunkIndex.open(path(), SETTINGS))
        .isExactlyInstanceOf(IndexCorruptedException.class);
    assertNotLocked();
  }

  @ParameterizedTest
  @ValueSource(strings = {".cfs", ".cfe", ".si"})
  void aMissingSegmentFileIsReportedAsCorruption(String extension) throws IOException {
    createCommitted();
    List<Path> data = files(name -> name.endsWith(extension));
    assertThat(data).as("segment files in %s", path()).isNotEmpty();
    for (Path f : data) {
      Files.delete(f);
    }

    assertThatThrownBy(() -> ChunkIndex.open(path(), SETTINGS))
        .isExactlyInstanceOf(IndexCorruptedException.class);
    assertNotLocked();
  }

  /** A failed open must not keep the write lock: the folder can be wiped and used again. */
  private void assertNotLocked() throws IOException {
    for (Path f : files(name -> true)) {
      Files.delete(f);
    }
    try (ChunkIndex index = ChunkIndex.open(path(), SETTINGS)) {
      index.replaceDocument("x", List.of(chunk("x#0", "x", "rebuilt", axis(DIM, 0))));
      index.commit(1);
      assertThat(index.chunkCount()).isEqualTo(1);
    }
  }

  private List<Path> files(Predicate<String> names) throws IOException {
    try (Stream<Path> s = Files.list(path())) {
      return s.filter(p -> names.test(p.getFileName().toString())).sorted().toList();
    }
  }

  private void overwriteMiddle(Random random, Predicate<String> names) throws IOException {
    List<Path> damaged = files(names);
    assertThat(damaged).as("files to damage in %s", path()).isNotEmpty();
    for (Path f : damaged) {
      try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
        long length = raf.length();
        byte[] original = new byte[(int) Math.min(16, Math.max(1, length / 4))];
        raf.seek(length / 2);
        raf.readFully(original);
        byte[] garbage = new byte[original.length];
        do {
          random.nextBytes(garbage);
        } while (Arrays.equals(garbage, original));
        raf.seek(length / 2);
        raf.write(garbage);
      }
    }
  }

  // ---- the write lock ----

  @Test
  void aSecondOpenOfTheSameFolderFailsAndTheFirstKeepsWorking() {
    try (ChunkIndex first = ChunkIndex.open(path(), SETTINGS)) {
      first.replaceDocument("a", List.of(chunk("a#0", "a", "alpha", axis(DIM, 0))));
      first.commit(1);

      assertThatThrownBy(() -> ChunkIndex.open(path(), SETTINGS))
          .isExactlyInstanceOf(IndexException.class)
          .hasMessageContaining("locked")
          .hasMessageContaining(path().toString());

      first.replaceDocument("b", List.of(chunk("b#0", "b", "beta", axis(DIM, 1))));
      assertThat(ids(first.searchText("alpha beta", 10, IndexFilter.none())))
          .containsExactlyInAnyOrder("a#0", "b#0");
      first.commit(2);
    }
    try (ChunkIndex again = ChunkIndex.open(path(), SETTINGS)) {
      assertThat(again.committedSequence()).isEqualTo(2);
      assertThat(again.chunkCount()).isEqualTo(2);
    }
  }

  @Test
  void aFileWhereTheFolderShouldBeFailsWithIndexException() throws IOException {
    Files.writeString(path(), "not a folder");

    assertThatThrownBy(() -> ChunkIndex.open(path(), SETTINGS))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining(path().toString());
  }

  // ---- close ----

  static Stream<Arguments> callsAfterClose() {
    float[] v = axis(DIM, 0);
    List<IndexedChunk> chunks = List.of(chunk("a#0", "a", "alpha", v));
    return Stream.of(
        Arguments.of("replaceDocument", (Consumer<ChunkIndex>) i -> i.replaceDocument("a", chunks)),
        Arguments.of("deleteDocument", (Consumer<ChunkIndex>) i -> i.deleteDocument("a")),
        Arguments.of("deleteAll", (Consumer<ChunkIndex>) ChunkIndex::deleteAll),
        Arguments.of("commit", (Consumer<ChunkIndex>) i -> i.commit(10)),
        Arguments.of(
            "searchText", (Consumer<ChunkIndex>) i -> i.searchText("alpha", 5, IndexFilter.none())),
        Arguments.of(
            "searchVector", (Consumer<ChunkIndex>) i -> i.searchVector(v, 5, IndexFilter.none())),
        Arguments.of("chunkCount", (Consumer<ChunkIndex>) ChunkIndex::chunkCount),
        Arguments.of("committedSequence", (Consumer<ChunkIndex>) ChunkIndex::committedSequence),
        Arguments.of("settings", (Consumer<ChunkIndex>) ChunkIndex::settings));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callsAfterClose")
  void everyCallAfterCloseThrowsIndexClosedException(String method, Consumer<ChunkIndex> call) {
    ChunkIndex index = ChunkIndex.open(path(), SETTINGS);
    index.replaceDocument("a", List.of(chunk("a#0", "a", "alpha", axis(DIM, 0))));
    index.close();

    assertThatThrownBy(() -> call.accept(index))
        .as(method)
        .isInstanceOf(IndexClosedException.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(path().toString());
  }

  @Test
  void closeIsIdempotentAndReleasesTheFolder() {
    ChunkIndex index = ChunkIndex.open(path(), SETTINGS);
    index.close();
    assertThatCode(index::close).doesNotThrowAnyException();

    try (ChunkIndex again = ChunkIndex.open(path(), SETTINGS)) {
      assertThat(again.chunkCount()).isZero();
    }
  }

  @Test
  void closeWithoutCommitKeepsTheLastCommit() {
    createCommitted();
    ChunkIndex index = ChunkIndex.open(path(), SETTINGS);
    index.replaceDocument("z", List.of(chunk("z#0", "z", "zeta", axis(DIM, 0))));
    index.close();
    index.close();

    try (ChunkIndex again = ChunkIndex.open(path(), SETTINGS)) {
      assertThat(again.chunkCount()).isEqualTo(20);
      assertThat(again.searchText("zeta", 5, IndexFilter.of(Map.of()))).isEmpty();
    }
  }
}
