package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.Answer;
import dev.solosuccess.sdk.AuditEntry;
import dev.solosuccess.sdk.AuditHead;
import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.ClassifierReport;
import dev.solosuccess.sdk.ClassifierTraining;
import dev.solosuccess.sdk.ClosedException;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.ErasureReceipt;
import dev.solosuccess.sdk.IngestListener;
import dev.solosuccess.sdk.IngestProgress;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LabeledText;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.PhiType;
import dev.solosuccess.sdk.Principal;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Redaction;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.SearchFilter;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SearchResults;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.Summary;
import dev.solosuccess.sdk.ZeroShotResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The contract of {@link SoloClient}: every implementation (the engine in the process, the remote
 * client of {@code solo serve}) passes the same assertions. One engine per class, with its data
 * folder's security configured: an admin, a writer of tenant A, a reader, and a reader of tenant B.
 * Subclasses say how a client for an API key is made ({@link #connect}) and which client is closed
 * at the end ({@link #closable}). Expected messages are taken from a reference client bound in the
 * process, so a remote error must carry the engine's own message, word for word.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SoloClientContract {

  // made here, not by @TempDir: a per-class instance gets its temp dirs after @BeforeAll runs
  protected Path data;
  protected Path files;

  protected SoloEngine engine;
  /** In-process clients: the reference the implementation under test is compared with. */
  protected SoloClient refAdmin;
  protected SoloClient refReaderB;
  protected String adminKey;
  protected String writerKey;
  protected String readerKey;
  protected String readerBKey;
  protected SoloClient admin;
  protected SoloClient writer;
  protected SoloClient reader;
  protected SoloClient readerB;

  /** A client of the implementation under test acting as the principal of this key. */
  protected abstract SoloClient connect(String apiKey);

  /** Called once the engine is open and its principals exist (a server starts here). */
  protected void started() {}

  /** The client the last test closes; the engine itself for the embedded implementation. */
  protected abstract SoloClient closable();

  @BeforeAll
  void openEngine() throws java.io.IOException {
    data = Files.createTempDirectory("solo-contract-data");
    files = Files.createTempDirectory("solo-contract-files");
    engine = SoloEngine.open(EngineConfig.builder(data).build());
    adminKey = engine.users().add("root", Role.ADMIN, Set.of(), PrincipalKind.PERSON).apiKey();
    refAdmin = engine.authenticate(adminKey);
    writerKey = refAdmin.users().add("writer-a", Role.WRITER, Set.of("tenant:a"),
        PrincipalKind.SERVICE).apiKey();
    readerKey = refAdmin.users().add("reader", Role.READER, Set.of(), PrincipalKind.PERSON).apiKey();
    readerBKey = refAdmin.users().add("reader-b", Role.READER, Set.of("tenant:b"),
        PrincipalKind.PERSON).apiKey();
    refReaderB = engine.authenticate(readerBKey);
    started();
    admin = connect(adminKey);
    writer = connect(writerKey);
    reader = connect(readerKey);
    readerB = connect(readerBKey);
  }

  @AfterAll
  void closeEngine() throws java.io.IOException {
    if (engine != null) {
      engine.close();
    }
    for (Path root : new Path[] {data, files}) {
      if (root != null) {
        try (var walk = Files.walk(root)) {
          for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  static String messageOf(ThrowingCallable call) {
    try {
      call.call();
    } catch (Throwable t) {
      return t.getMessage();
    }
    throw new AssertionError("the reference call did not fail");
  }

  private Path write(String name, String text) throws Exception {
    Path p = files.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  // ---- documents ----

  @Test
  @Order(1)
  void ingestsAFolderWithProgressAndReadsItBack() throws Exception {
    write("corpus/refunds.txt", "Refund policy. Customers may return goods within 30 days of delivery"
        + " for a full refund. The refund window starts on the day the parcel arrives.");
    write("corpus/sub/vacation.md", "# Vacation\n\nNew hires get twenty vacation days per year."
        + " Unused vacation days carry over to the next year.");
    write("corpus/notes.log", "excluded by the include pattern");
    write("corpus/.hidden.txt", "hidden files are never ingested");
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    List<IngestProgress> progress = Collections.synchronizedList(new ArrayList<>());
    IngestListener listener = new IngestListener() {
      @Override
      public void started(int files) {
        events.add("started " + files);
      }

      @Override
      public void fileStarted(String source, IngestProgress p) {
        events.add("file " + Path.of(source).getFileName());
      }

      @Override
      public void ingested(Document document, IngestProgress p) {
        events.add("ingested " + Path.of(document.source()).getFileName());
        progress.add(p);
      }
    };
    long before = admin.documents().count();
    IngestSummary summary = writer.documents().ingest(IngestRequest.builder()
        .path(files.resolve("corpus")).include("*.txt").include("*.md")
        .metadata(Metadata.parse(List.of("dept=support", "year=2024"))).listener(listener).build());

    assertThat(summary.ingested()).hasSize(2);
    assertThat(summary.skipped()).isEmpty();
    assertThat(summary.chunks()).isEqualTo(summary.ingested().stream().mapToInt(Document::chunks).sum());
    // the engine may start the next file before it hears the last one stored (it embeds in batches)
    assertThat(events).hasSize(5).startsWith("started 2");
    assertThat(events.stream().filter(e -> e.startsWith("file ")))
        .containsExactly("file refunds.txt", "file vacation.md");
    assertThat(events.stream().filter(e -> e.startsWith("ingested ")))
        .containsExactly("ingested refunds.txt", "ingested vacation.md");
    assertThat(events.indexOf("ingested refunds.txt")).isGreaterThan(events.indexOf("file refunds.txt"));
    assertThat(events.indexOf("ingested vacation.md")).isGreaterThan(events.indexOf("file vacation.md"));
    assertThat(progress).extracting(IngestProgress::done).containsExactly(1, 2);
    assertThat(progress).extracting(IngestProgress::total).containsExactly(2, 2);
    assertThat(admin.documents().count()).isEqualTo(before + 2);

    Document refunds = summary.ingested().get(0);
    assertThat(refunds.source()).isEqualTo(files.resolve("corpus/refunds.txt").toAbsolutePath().toString());
    assertThat(refunds.metadata().getString("dept")).contains("support");
    assertThat(admin.documents().get(refunds.id())).contains(refAdmin.documents().get(refunds.id()).orElseThrow());
    assertThat(admin.documents().list()).contains(refunds);
    assertThat(admin.documents().labels(refunds.id())).containsExactly("tenant:a");
    List<Chunk> chunks = admin.documents().chunks(refunds.id());
    assertThat(chunks).isEqualTo(refAdmin.documents().chunks(refunds.id())).isNotEmpty();
    String text = admin.documents().text(refunds.id());
    assertThat(text).contains("refund window");
    for (Chunk c : chunks) {
      assertThat(text.substring(c.provenance().startOffset(), c.provenance().endOffset()))
          .isEqualTo(c.text());
    }

    IngestSummary again = writer.documents().ingest(IngestRequest.builder()
        .path(files.resolve("corpus/refunds.txt"))
        .metadata(Metadata.parse(List.of("dept=support", "year=2024"))).build());
    assertThat(again.ingested()).isEmpty();
    assertThat(again.unchanged()).extracting(Document::id).containsExactly(refunds.id());
  }

  @Test
  @Order(2)
  void opensZipArchivesInABatch() throws Exception {
    Path zip = files.resolve("archives/bundle.zip");
    Files.createDirectories(zip.getParent());
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      for (String name : List.of("inner/parking.txt", "badges.txt")) {
        out.putNextEntry(new java.util.zip.ZipEntry(name));
        out.write(("Notice about " + name + ": renew before the end of the month.").getBytes());
        out.closeEntry();
      }
    }
    List<IngestProgress> seen = Collections.synchronizedList(new ArrayList<>());
    IngestSummary s = writer.documents().ingest(IngestRequest.builder().path(zip.getParent())
        .listener(new IngestListener() {
          @Override
          public void ingested(Document d, IngestProgress p) {
            seen.add(p);
          }
        }).build());
    assertThat(s.ingested()).extracting(Document::source).containsExactlyInAnyOrder(
        refAdmin.documents().list().stream().map(Document::source)
            .filter(src -> src.startsWith(zip.toAbsolutePath().toString())).toArray(String[]::new));
    assertThat(s.ingested()).hasSize(2).allSatisfy(d -> assertThat(d.source())
        .startsWith(zip.toAbsolutePath().toString()));
    assertThat(seen).extracting(IngestProgress::total).allMatch(t -> t == 2);
    for (Document d : s.ingested()) {
      writer.documents().delete(d.id());
    }
  }

  @Test
  @Order(2)
  void ingestsOneSourceAndDeletesIt() {
    Document d = writer.documents().ingest(DocumentSource.ofText("Ärzte/mémo 😀.txt",
        "The quarterly memo about parking permits and badge renewals.")
        .withId("memo-1").withMetadata(Metadata.of("kind", "memo")));
    assertThat(d.id()).isEqualTo("memo-1");
    assertThat(d.source()).isEqualTo("Ärzte/mémo 😀.txt"); // non-ASCII names travel intact
    assertThat(reader.documents().get("memo-1")).contains(d);
    assertThatThrownBy(() -> reader.documents().delete("memo-1"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage(messageOf(() -> engine.authenticate(readerKey).documents().delete("memo-1")));
    // ids that could not be a path segment are missing documents, not routes
    for (String id : List.of("no/such", "..", ".", "a b?c#d", "%2F", "x\\y")) {
      assertThat(admin.documents().get(id)).as(id).isEmpty();
      assertThatThrownBy(() -> admin.documents().text(id)).as(id)
          .isInstanceOf(NotFoundException.class).hasMessage("no document with id '" + id + "'");
      assertThatThrownBy(() -> admin.documents().delete(id)).as(id)
          .isInstanceOf(NotFoundException.class).hasMessage("no document with id '" + id + "'");
    }
    // ids that look like route names are ids like any other
    for (String id : List.of("count", "erase", "chunks")) {
      Document odd = writer.documents().ingest(DocumentSource.ofText(id + ".txt", "A note named " + id + ".").withId(id));
      assertThat(admin.documents().get(id)).contains(odd);
      assertThat(admin.documents().text(id)).contains("A note named " + id);
      writer.documents().delete(id);
      assertThat(admin.documents().get(id)).isEmpty();
    }
    writer.documents().delete("memo-1");
    assertThat(admin.documents().get("memo-1")).isEmpty();
    assertThatThrownBy(() -> writer.documents().delete("memo-1"))
        .isInstanceOf(NotFoundException.class).hasMessage("no document with id 'memo-1'");
    assertThatThrownBy(() -> admin.documents().text("memo-1"))
        .isInstanceOf(NotFoundException.class).hasMessage("no document with id 'memo-1'");
    assertThatThrownBy(() -> writer.documents().ingest(DocumentSource.ofBytes("blob.bin",
        new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7})))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(messageOf(() -> refAdmin.documents().ingest(DocumentSource.ofBytes("blob.bin",
            new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7}))));
  }

  @Test
  @Order(3)
  void erasesOneAndByMetadata() {
    for (int i = 1; i <= 3; i++) {
      writer.documents().ingest(DocumentSource.ofText("chart-" + i + ".txt",
          "Chart note " + i + " about a routine check-up and blood pressure review.")
          .withId("chart-" + i).withMetadata(Metadata.of("patient_id", i < 3 ? "p-1" : "p-2")));
    }
    ErasureReceipt byPatient = admin.documents().eraseWhere("patient_id", "p-1");
    assertThat(byPatient.documentIds()).containsExactlyInAnyOrder("chart-1", "chart-2");
    assertThat(byPatient.chunks()).isPositive();
    ErasureReceipt one = admin.documents().erase("chart-3");
    assertThat(one.documentIds()).containsExactly("chart-3");
    assertThat(admin.documents().get("chart-3")).isEmpty();
    assertThat(admin.documents().eraseWhere("patient_id", "nobody").documentIds()).isEmpty();
    assertThatThrownBy(() -> admin.documents().eraseWhere(" ", "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(messageOf(() -> refAdmin.documents().eraseWhere(" ", "x")));
    assertThatThrownBy(() -> admin.documents().erase("chart-3")).isInstanceOf(NotFoundException.class);
  }

  // ---- search ----

  @Test
  @Order(4)
  void searchesInEveryModeWithFiltersAndExplanations() {
    for (SearchMode mode : SearchMode.values()) {
      SearchRequest request = SearchRequest.builder("how long is the refund window").mode(mode).build();
      SearchResults results = reader.search().search(request);
      assertThat(results.request()).isEqualTo(request);
      assertThat(results.hits()).as(mode.name()).isNotEmpty();
      assertThat(Path.of(results.hits().get(0).source()).getFileName().toString()).isEqualTo("refunds.txt");
      assertThat(results.hits()).isEqualTo(refAdmin.search().search(request).hits());
    }
    SearchRequest filtered = SearchRequest.builder("vacation days")
        .filter(SearchFilter.parse(List.of("dept=support", "year>=2024"))).build();
    assertThat(reader.search().search(filtered).hits()).extracting(h -> Path.of(h.source()).getFileName().toString())
        .contains("vacation.md");
    SearchRequest excluded = SearchRequest.builder("vacation days")
        .filter(SearchFilter.parse(List.of("dept=finance"))).build();
    assertThat(reader.search().search(excluded).hits()).isEmpty();
    SearchHit hybrid = reader.search().search("refund window").hits().get(0);
    assertThat(hybrid.explanation()).isNotNull();
    assertThat(hybrid.explanation().retrievers()).isNotEmpty();
    assertThat(readerB.search().search("refund window").hits()).isEmpty();
  }

  // ---- inference ----

  @Test
  @Order(5)
  void embedsExactlyAsTheEngine() {
    List<String> texts = List.of("vacation days for new hires", "Refund within 30 days", "µ-ünïcode ✓");
    for (EmbeddingKind kind : EmbeddingKind.values()) {
      List<Embedding> got = reader.inference().embedAll(texts, kind);
      List<Embedding> expected = refAdmin.inference().embedAll(texts, kind);
      assertThat(got).isEqualTo(expected);
      for (int i = 0; i < got.size(); i++) {
        float[] a = got.get(i).vector();
        float[] b = expected.get(i).vector();
        for (int j = 0; j < a.length; j++) {
          assertThat(Float.floatToRawIntBits(a[j])).isEqualTo(Float.floatToRawIntBits(b[j]));
        }
      }
    }
    assertThat(reader.inference().embeddingModel()).isEqualTo(refAdmin.inference().embeddingModel());
    assertThatThrownBy(() -> reader.inference().embed(" "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(messageOf(() -> refAdmin.inference().embed(" ")));
  }

  @Test
  @Order(6)
  void classifiesSummarizesRedactsAndAnswers() {
    Map<String, String> labels = Map.of(
        "shipping", "a question about a late or missing parcel delivery",
        "billing", "a question about an invoice, a charge or a payment");
    ZeroShotResult z = reader.inference().classifyZeroShot("Where is my parcel? It is a week late.", labels);
    assertThat(z.best().label()).isEqualTo("shipping");
    assertThat(z).isEqualTo(refAdmin.inference().classifyZeroShot("Where is my parcel? It is a week late.", labels));
    assertThatThrownBy(() -> reader.inference().classifyZeroShot("x", Map.of("a", "only one")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(messageOf(() -> refAdmin.inference().classifyZeroShot("x", Map.of("a", "only one"))));

    String refundsId = refAdmin.search().search("refund window").hits().get(0).documentId();
    Summary s = reader.inference().summarize(refundsId, 1);
    assertThat(s.sentences()).hasSize(1);
    assertThat(s).isEqualTo(refAdmin.inference().summarize(refundsId, 1));
    assertThatThrownBy(() -> reader.inference().summarize(refundsId, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(messageOf(() -> refAdmin.inference().summarize(refundsId, 0)));
    assertThatThrownBy(() -> reader.inference().summarize("nope", 1))
        .isInstanceOf(NotFoundException.class).hasMessage("no document with id 'nope'");

    String note = "Pt John Smith, DOB 03/04/1950, MRN 00123456, seen today.";
    Redaction r = reader.inference().redact(note);
    assertThat(r).isEqualTo(refAdmin.inference().redact(note));
    assertThat(r.text()).doesNotContain("Smith").doesNotContain("00123456");
    assertThat(r.count(PhiType.values()[0]) + r.spans().size()).isPositive();

    Answer a = reader.inference().answer("How long is the refund window?");
    assertThat(a).isEqualTo(refAdmin.inference().answer("How long is the refund window?"));
    assertThat(a.citations()).isNotEmpty();
    assertThat(a.text()).containsIgnoringCase("refund");
    assertThat(a.citations().get(0).source()).endsWith("refunds.txt");

    List<LabeledText> examples = List.of(
        new LabeledText("Where is my parcel?", "shipping"),
        new LabeledText("My package never arrived", "shipping"),
        new LabeledText("The delivery is late again", "shipping"),
        new LabeledText("I was charged twice", "billing"),
        new LabeledText("Please send me the invoice", "billing"),
        new LabeledText("My card payment failed", "billing"));
    ClassifierReport report = admin.inference().trainClassifier(
        ClassifierTraining.builder("contract", examples).epochs(30).build());
    assertThat(report.name()).isEqualTo("contract");
    assertThat(report.labels()).containsExactlyInAnyOrder("shipping", "billing");
    assertThat(admin.inference().classifiers()).extracting(ClassifierReport::name).contains("contract");
    assertThat(reader.inference().classify("contract", "Where is my parcel?"))
        .isEqualTo(refAdmin.inference().classify("contract", "Where is my parcel?"));
    admin.inference().deleteClassifier("contract");
    assertThatThrownBy(() -> reader.inference().classify("contract", "x"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage(messageOf(() -> refAdmin.inference().classify("contract", "x")));
  }

  // ---- audit ----

  @Test
  @Order(7)
  void readsAndVerifiesTheAuditTrail() {
    Instant start = Instant.now().minusSeconds(1);
    admin.documents().count();
    AuditHead head = admin.audit().head();
    assertThat(head.sequence()).isPositive();
    assertThat(admin.audit().verify().intact()).isTrue();
    assertThat(admin.audit().verify(head).intact()).isTrue();
    List<AuditEntry> last = admin.audit().entries(head.sequence() - 1, 10);
    assertThat(last).extracting(AuditEntry::sequence).contains(head.sequence());
    assertThat(admin.audit().entriesSince(start, 10_000)).extracting(AuditEntry::actor).contains("root");
    assertThat(admin.audit().entries(0, 5)).isEqualTo(refAdmin.audit().entries(0, 5));
    assertThatThrownBy(() -> admin.audit().entries(0, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(messageOf(() -> refAdmin.audit().entries(0, 0)));
  }

  // ---- principals, roles, tenants ----

  @Test
  @Order(8)
  void enforcesRolesAndTenants() {
    Principal me = readerB.principal();
    assertThat(me.name()).isEqualTo("reader-b");
    assertThat(me.role()).isEqualTo(Role.READER);
    assertThat(me.labels()).containsExactly("tenant:b");
    assertThat(admin.users().list()).extracting(Principal::name)
        .contains("root", "writer-a", "reader", "reader-b");
    assertThatThrownBy(() -> reader.users().list())
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage(messageOf(() -> engine.authenticate(readerKey).users().list()));
    assertThatThrownBy(() -> admin.users().add("bad name!", Role.READER, Set.of(), PrincipalKind.PERSON))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(messageOf(() -> refAdmin.users().add("bad name!", Role.READER, Set.of(), PrincipalKind.PERSON)));

    String refundsId = refAdmin.search().search("refund window").hits().get(0).documentId();
    assertThat(readerB.documents().get(refundsId)).isEmpty();
    assertThatThrownBy(() -> readerB.documents().text(refundsId))
        .isInstanceOf(NotFoundException.class)
        .hasMessage(messageOf(() -> refReaderB.documents().text(refundsId)));
    assertThat(readerB.documents().list()).isEqualTo(refReaderB.documents().list());

    SoloClient glass = readerB.breakGlass("unconscious patient in ER bay 3", Duration.ofMinutes(5));
    assertThat(glass.documents().text(refundsId)).contains("refund window");
    assertThatThrownBy(() -> readerB.breakGlass(" ", Duration.ofMinutes(5)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(messageOf(() -> refReaderB.breakGlass(" ", Duration.ofMinutes(5))));
    assertThat(readerB.documents().get(refundsId)).isEmpty(); // the session is not the principal's
    SoloClient brief = readerB.breakGlass("short emergency", Duration.ofSeconds(1));
    assertThat(brief.documents().get(refundsId)).isPresent();
    try {
      Thread.sleep(1_200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    assertThatThrownBy(() -> brief.documents().text(refundsId))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("expired");

    assertThatThrownBy(() -> admin.users().add("..", Role.READER, Set.of(), PrincipalKind.PERSON))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(messageOf(() -> refAdmin.users().add("..", Role.READER, Set.of(), PrincipalKind.PERSON)));
    assertThatThrownBy(() -> admin.users().revoke("nobody"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage(messageOf(() -> refAdmin.users().revoke("nobody")));
    String tempKey = admin.users().add("temp", Role.READER, Set.of(), PrincipalKind.SERVICE).apiKey();
    SoloClient temp = connect(tempKey);
    assertThat(temp.documents().count()).isEqualTo(admin.documents().count());
    admin.users().revoke("temp");
    assertThatThrownBy(() -> temp.documents().count()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> connect(tempKey)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> connect("solo_not-a-key")).isInstanceOf(AccessDeniedException.class);
  }

  // ---- closing ----

  @Test
  @Order(100)
  void aClosedClientThrowsClosedException() {
    SoloClient c = closable();
    c.close();
    c.close(); // idempotent
    assertThatThrownBy(() -> c.documents().count()).isInstanceOf(ClosedException.class);
    assertThatThrownBy(() -> c.search().search("refund")).isInstanceOf(ClosedException.class);
    assertThatThrownBy(() -> c.inference().embed("x")).isInstanceOf(ClosedException.class);
  }
}
