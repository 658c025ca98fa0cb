package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.ingest.BatchIngestor;
import dev.solosuccess.engine.internal.ingest.Ingestor;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentService;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.ErasureReceipt;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
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
  private final java.util.function.ToIntFunction<List<String>> cacheEraser;

  /**
   * @param cacheEraser removes the cached passage vectors of these chunk texts; returns how many
   */
  public EngineDocuments(
      Lifecycle lifecycle,
      MetadataStore store,
      Ingestor ingestor,
      BatchIngestor batch,
      EngineWriter writer,
      Auditor auditor,
      java.util.function.ToIntFunction<List<String>> cacheEraser) {
    this.auditor = auditor;
    this.cacheEraser = cacheEraser;
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

  @Override
  public ErasureReceipt erase(String documentId) {
    Objects.requireNonNull(documentId, "documentId");
    return lifecycle.call(
        () -> {
          if (store.document(documentId).isEmpty()) {
            NotFoundException e = new NotFoundException("document", documentId);
            auditor.failed("document.erase", List.of(documentId), e);
            throw e;
          }
          return eraseAll(List.of(documentId), "document " + documentId);
        });
  }

  @Override
  public ErasureReceipt eraseWhere(String key, String value) {
    if (key == null || key.isBlank() || value == null || value.isBlank()) {
      throw new InvalidInputException("erasure by metadata needs a key and a value");
    }
    return lifecycle.call(
        () -> {
          List<String> ids = new ArrayList<>();
          for (Document d : store.documents()) {
            if (d.metadata().get(key).map(v -> v.asString().equals(value)).orElse(false)) {
              ids.add(d.id());
            }
          }
          return eraseAll(ids, "metadata " + key);
        });
  }

  private ErasureReceipt eraseAll(List<String> ids, String selector) {
    long began = System.nanoTime();
    try {
      long chunks = 0;
      long cached = 0;
      for (String id : ids) {
        List<String> texts = store.chunks(id).stream().map(Chunk::text).toList();
        chunks += texts.size();
        cached += cacheEraser.applyAsInt(texts);
      }
      writer.erase(ids);
      var entry =
          auditor.append(
              "document.erase",
              Auditor.Entry.of(ids)
                  .with("selector", selector.startsWith("metadata ") ? selector : "document")
                  .with("chunks", chunks)
                  .with("cacheEntries", cached),
              "ok");
      return new ErasureReceipt(
          ids, chunks, cached, entry.sequence(), Duration.ofNanos(System.nanoTime() - began));
    } catch (RuntimeException e) {
      auditor.failed("document.erase", ids, e);
      throw e;
    }
  }
}
