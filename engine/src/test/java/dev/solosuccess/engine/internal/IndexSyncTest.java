package dev.solosuccess.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.internal.store.StoredChunk;
import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Provenance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document text that document-level BM25 indexes, rebuilt from the chunks. */
class IndexSyncTest {

  private static List<StoredChunk> chunks(String... texts) {
    List<StoredChunk> out = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      out.add(
          new StoredChunk(
              new Chunk("c" + i, "d", i, texts[i], 10, new Provenance(0, 0, texts[i].length())),
              new float[] {1}));
    }
    return out;
  }

  @Test
  void sentencesSharedWithThePreviousChunkAppearOnce() {
    String text =
        IndexSync.documentText(
            chunks(
                "Title\n\nFirst sentence. Second sentence.",
                "Second sentence. Third sentence. Fourth.",
                "Fourth. Fifth."));
    assertThat(text).isEqualTo("Title\n\nFirst sentence. Second sentence.\nThird sentence. Fourth.\nFifth.");
  }

  @Test
  void onlyWholeWordsAtTheJoinCountAsShared() {
    // "ore" ends "more": not a word of its own, so not shared.
    assertThat(IndexSync.documentText(chunks("Read the manual once more", "ore is rock")))
        .isEqualTo("Read the manual once more\nore is rock");
    assertThat(IndexSync.documentText(chunks("Read the manual", "the manual again")))
        .isEqualTo("Read the manual\nagain");
    assertThat(IndexSync.documentText(chunks("No overlap here.", "Another chunk.")))
        .isEqualTo("No overlap here.\nAnother chunk.");
    assertThat(IndexSync.documentText(chunks("Only one."))).isEqualTo("Only one.");
    assertThat(IndexSync.documentText(List.of())).isEmpty();
  }
}
