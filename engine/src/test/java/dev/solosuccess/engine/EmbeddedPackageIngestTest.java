package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.internal.parse.SampleDocuments;
import dev.solosuccess.engine.internal.parse.SampleDocuments.Attachment;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SkippedFile;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the public API, with maxDocumentBytes at 4 MiB: a DOCX whose word/document.xml inflates
 * to 31 MB is skipped whether it is attached to an e-mail (the e-mail's body and its other
 * attachment are stored) or packed in a ZIP (the entry is skipped naming maxDocumentBytes, the
 * ZIP's other entry stored).
 */
class EmbeddedPackageIngestTest {

  @TempDir Path dataDir;
  @TempDir Path docs;

  @Test
  void anOversizedPackageInsideAContainerIsSkippedAndTheRestStored() throws Exception {
    ByteArrayOutputStream big = new ByteArrayOutputStream();
    SampleDocuments.largeDocx(big, 300_000);
    Files.write(docs.resolve("mail.eml"), SampleDocuments.emlWithDocx(
        "The pallets leave dock four on Thursday. Marker zqmailbody.",
        new Attachment("inventory.docx", big.toByteArray()),
        new Attachment("manual.docx", SampleDocuments.docx())));
    try (OutputStream file = Files.newOutputStream(docs.resolve("box.zip"));
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("inventory.docx"));
      zip.write(big.toByteArray());
      zip.putNextEntry(new ZipEntry("note.txt"));
      zip.write("The forklift is serviced monthly. Marker zqzipnote.".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }

    EngineConfig config = EngineConfig.builder(dataDir).maxDocumentBytes(4L << 20).build();
    try (SoloEngine engine = SoloEngine.open(config)) {
      IngestSummary summary = engine.documents().ingest(IngestRequest.of(docs));
      String root = docs + "/";
      assertThat(summary.ingested()).extracting(Document::source)
          .containsExactlyInAnyOrder(root + "mail.eml", root + "box.zip!/note.txt");
      assertThat(summary.skipped()).singleElement().satisfies((SkippedFile f) -> {
        assertThat(f.source()).isEqualTo(root + "box.zip!/inventory.docx");
        assertThat(f.code()).isEqualTo("limit-exceeded");
        assertThat(f.reason()).contains("word/document.xml inflates to more than maxDocumentBytes");
      });
      String mail = engine.documents().text(
          summary.ingested().stream().filter(d -> d.source().endsWith("mail.eml")).findFirst()
              .orElseThrow().id());
      assertThat(mail).contains("zqmailbody").contains("Cranes lift containers")
          .doesNotContain("storeroom shelf");
      assertThat(engine.search().search(SearchRequest.builder("zqzipnote").mode(SearchMode.LEXICAL).build()).hits())
          .isNotEmpty();
      assertThat(engine.search().search(SearchRequest.builder("pickled walnuts").mode(SearchMode.LEXICAL).build()).hits())
          .isEmpty();
    }
  }
}
