package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.AuditEntry;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.ErasureReceipt;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifiable erasure without encryption: a patient's documents, selected by metadata, leave the
 * store, the index and the embedding cache; after the engine closes, not one byte of any file of
 * the folder holds their canary, while another patient's canary is still there (the control);
 * the erasure is audited and the receipt names its entry.
 */
class ErasureTest {

  static final String ERASED = "wallabyerasedq";
  static final String KEPT = "platypuskeptq";
  /** Metadata values are indexed as they are (not analyzed): plain bytes in the index's terms. */
  static final String ERASED_ID = "patient-quokkaerasedid";
  static final String KEPT_ID = "patient-numbatkeptid";

  @TempDir Path data;

  @Test
  void aPatientsDocumentsLeaveEveryFile() throws Exception {
    long auditSequence;
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).build())) {
      // One batch: the erased documents share index segments with the kept one, so only
      // rewriting those segments (not dropping whole ones) can take their text out.
      List<DocumentSource> batch = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        batch.add(
            DocumentSource.ofText("p1-" + i + ".txt",
                    "Visit " + i + ": " + ERASED + " reported headaches after the " + ERASED
                        + " dose change. " + "Follow-up in two weeks. ".repeat(10))
                .withId("p1-" + i)
                .withMetadata(Metadata.of("patient_id", ERASED_ID)));
      }
      // Thirty kept documents beside them: a segment that loses under a fifth of its documents
      // is not merged away by Lucene on its own, so the erasure's own rewrite is what is tested.
      batch.add(
          DocumentSource.ofText("p2.txt", "Visit: " + KEPT + " is doing well on the new diet.")
              .withId("p2")
              .withMetadata(Metadata.of("patient_id", KEPT_ID)));
      for (int i = 0; i < 30; i++) {
        batch.add(
            DocumentSource.ofText("other-" + i + ".txt", "Routine visit " + i + ", all well.")
                .withId("other-" + i)
                .withMetadata(Metadata.of("patient_id", "patient-other-" + i)));
      }
      engine.documents().ingest(IngestRequest.builder().sources(batch).build());
      assertThat(lexical(engine, ERASED)).isNotEmpty();

      ErasureReceipt receipt = engine.documents().eraseWhere("patient_id", ERASED_ID);
      assertThat(receipt.documentIds()).containsExactlyInAnyOrder("p1-0", "p1-1", "p1-2");
      assertThat(receipt.chunks()).isGreaterThanOrEqualTo(3);
      assertThat(receipt.cacheEntries()).as("their cached vectors").isEqualTo(receipt.chunks());
      auditSequence = receipt.auditSequence();

      assertThat(lexical(engine, ERASED)).isEmpty();
      assertThat(engine.documents().get("p1-0")).isEmpty();
      assertThat(engine.documents().text("p2")).contains(KEPT);
      assertThat(lexical(engine, KEPT)).containsExactly("p2");

      assertThat(engine.documents().eraseWhere("patient_id", "nobody").documentIds()).isEmpty();
      assertThatThrownBy(() -> engine.documents().erase("p1-0"))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> engine.documents().eraseWhere(" ", "x"))
          .isInstanceOf(InvalidInputException.class);

      List<AuditEntry> audit = engine.audit().entries(auditSequence - 1, 1);
      assertThat(audit.get(0).action()).isEqualTo("document.erase");
      assertThat(audit.get(0).targets()).containsExactlyInAnyOrder("p1-0", "p1-1", "p1-2");
    }
    int keptHits = 0;
    int keptIndexHits = 0;
    int files = 0;
    try (Stream<Path> walk = Files.walk(data)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(p);
        assertThat(CanaryScan.count(bytes, ERASED)).as("erased canary in " + data.relativize(p)).isZero();
        assertThat(CanaryScan.count(bytes, ERASED_ID)).as("erased id in " + data.relativize(p)).isZero();
        keptHits += CanaryScan.count(bytes, KEPT);
        if (p.startsWith(data.resolve("index"))) {
          keptIndexHits += CanaryScan.count(bytes, KEPT_ID);
        }
        files++;
      }
    }
    assertThat(files).isGreaterThan(4);
    assertThat(keptHits).as("the control: the other patient's canary is still stored").isPositive();
    assertThat(keptIndexHits).as("the control: the other patient's id is in the index").isPositive();
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).build())) {
      assertThat(engine.documents().count()).isEqualTo(31);
      assertThat(engine.audit().verify().intact()).isTrue();
    }
  }

  private static List<String> lexical(SoloEngine engine, String query) {
    return engine.search()
        .search(SearchRequest.builder(query).mode(SearchMode.LEXICAL).build())
        .hits()
        .stream()
        .map(h -> h.documentId())
        .toList();
  }
}
