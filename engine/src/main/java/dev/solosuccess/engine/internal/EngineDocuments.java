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

  public EngineDocuments(
      Lifecycle lifecycle,
      MetadataStore store,
      Ingestor ingestor,
      BatchIngestor batch,
      EngineWriter writer) {
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
        () -> {
          Ingestor.Outcome outcome = ingestor.ingest(source);
          if (outcome.status() == Ingestor.Status.STORED
              || outcome.status() == Ingestor.Status.DUPLICATE_KEPT) {
            writer.commitIndex();
          }
          return outcome.document();
        });
  }

  @Override
  public IngestSummary ingest(IngestRequest request) {
    Objects.requireNonNull(request, "request");
    return lifecycle.call(() -> batch.run(request));
  }

  @Override
  public String text(String documentId) {
    Objects.requireNonNull(documentId, "documentId");
    return lifecycle.call(
        () -> store.text(documentId)
            .orElseThrow(() -> new NotFoundException("document", documentId)));
  }

  @Override
  public Optional<Document> get(String documentId) {
    return lifecycle.call(() -> store.document(documentId));
  }

  @Override
  public List<Document> list() {
    return lifecycle.call(store::documents);
  }

  @Override
  public long count() {
    return lifecycle.call(store::documentCount);
  }

  @Override
  public List<Chunk> chunks(String documentId) {
    return lifecycle.call(
        () -> {
          if (store.document(documentId).isEmpty()) {
            throw new NotFoundException("document", documentId);
          }
          return store.chunks(documentId);
        });
  }

  @Override
  public void delete(String documentId) {
    lifecycle.run(
        () -> {
          writer.delete(documentId);
          writer.commitIndex();
        });
  }
}
