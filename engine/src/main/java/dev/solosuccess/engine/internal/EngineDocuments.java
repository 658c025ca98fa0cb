package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.ingest.BatchIngestor;
import dev.solosuccess.engine.internal.ingest.Ingestor;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentService;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.NotFoundException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link DocumentService} of an in-process engine. Thread-safe. */
public final class EngineDocuments implements DocumentService {

  private final Lifecycle lifecycle;
  private final MetadataStore store;
  private final Ingestor ingestor;
  private final BatchIngestor batch;
  private final EngineWriter writer;
  private final Auditor auditor;

  public EngineDocuments(
      Lifecycle lifecycle,
      MetadataStore store,
      Ingestor ingestor,
      BatchIngestor batch,
      EngineWriter writer,
      Auditor auditor) {
    this.auditor = auditor;
    this.lifecycle = lifecycle;
    this.store = store;
    this.ingestor = ingestor;
    this.batch = batch;
    this.writer = writer;
  }

  @Override
  public Document ingest(DocumentSource source) {
    Objects.requireNonNull(source, "source");
    return lifecycle.call(
        () ->
            auditor.call(
                "document.ingest",
                List.of(),
                () -> {
                  Ingestor.Outcome outcome = ingestor.ingest(source);
                  if (outcome.status() == Ingestor.Status.STORED
                      || outcome.status() == Ingestor.Status.DUPLICATE_KEPT) {
                    writer.commitIndex();
                  }
                  return outcome.document();
                },
                d -> Auditor.Entry.of(List.of(d.id())).with("chunks", d.chunks())));
  }

  @Override
  public IngestSummary ingest(IngestRequest request) {
    Objects.requireNonNull(request, "request");
    return lifecycle.call(
        () ->
            auditor.call(
                "document.ingest",
                List.of(),
                () -> batch.run(request),
                r ->
                    Auditor.Entry.of(r.ingested().stream().map(Document::id).toList())
                        .with("documents", r.ingested().size())
                        .with("chunks", r.chunks())
                        .with("skipped", r.skipped().size())
                        .with("duplicates", r.duplicates().size())));
  }

  @Override
  public String text(String documentId) {
    Objects.requireNonNull(documentId, "documentId");
    return lifecycle.call(
        () ->
            auditor.call(
                "document.text",
                List.of(documentId),
                () ->
                    store.text(documentId)
                        .orElseThrow(() -> new NotFoundException("document", documentId)),
                t -> Auditor.Entry.of(List.of(documentId)).with("characters", t.length())));
  }

  @Override
  public Optional<Document> get(String documentId) {
    return lifecycle.call(
        () ->
            auditor.call(
                "document.read",
                List.of(documentId),
                () -> store.document(documentId),
                d -> Auditor.Entry.of(List.of(documentId)).with("found", d.isPresent() ? 1 : 0)));
  }

  @Override
  public List<Document> list() {
    return lifecycle.call(
        () ->
            auditor.call(
                "document.list",
                List.of(),
                store::documents,
                d -> Auditor.Entry.none().with("documents", d.size())));
  }

  @Override
  public long count() {
    return lifecycle.call(store::documentCount);
  }

  @Override
  public List<Chunk> chunks(String documentId) {
    return lifecycle.call(
        () ->
            auditor.call(
                "document.chunks",
                List.of(documentId),
                () -> {
                  if (store.document(documentId).isEmpty()) {
                    throw new NotFoundException("document", documentId);
                  }
                  return store.chunks(documentId);
                },
                c -> Auditor.Entry.of(List.of(documentId)).with("chunks", c.size())));
  }

  @Override
  public void delete(String documentId) {
    lifecycle.run(
        () ->
            auditor.run(
                "document.delete",
                List.of(documentId),
                () -> {
                  writer.delete(documentId);
                  writer.commitIndex();
                }));
  }
}
