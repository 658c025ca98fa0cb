package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.ingest.BatchIngestor;
import dev.solosuccess.engine.internal.ingest.IngestScope;
import dev.solosuccess.engine.internal.ingest.Ingestor;
import dev.solosuccess.engine.internal.security.Caller;
import dev.solosuccess.engine.internal.security.Permission;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.sdk.AccessDeniedException;
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
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link DocumentService} of an in-process engine for one caller. Reading needs the reader role,
 * changing the writer role (see {@link dev.solosuccess.sdk.Role}). A caller with access labels
 * sees, counts, changes and replaces only documents carrying one of them; any other document is
 * answered exactly as one that does not exist. Thread-safe.
 */
public final class EngineDocuments implements DocumentService {

  private final Lifecycle lifecycle;
  private final MetadataStore store;
  private final Ingestor ingestor;
  private final BatchIngestor batch;
  private final EngineWriter writer;
  private final Auditor auditor;
  private final java.util.function.ToIntFunction<List<String>> cacheEraser;
  private final Caller caller;

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
      java.util.function.ToIntFunction<List<String>> cacheEraser,
      Caller caller) {
    this.caller = caller;
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
                  caller.require(Permission.WRITE);
                  Ingestor.Outcome outcome = ingestor.ingest(source, scope(Set.of()));
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
                () -> {
                  caller.require(Permission.WRITE);
                  return batch.run(request, scope(request.labels()));
                },
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
                () -> {
                  caller.require(Permission.READ);
                  return store.text(documentId)
                      .filter(t -> visible(documentId))
                      .orElseThrow(() -> new NotFoundException("document", documentId));
                },
                t -> Auditor.Entry.of(List.of(documentId)).with("characters", t.length())));
  }

  @Override
  public Optional<Document> get(String documentId) {
    return lifecycle.call(
        () ->
            auditor.call(
                "document.read",
                List.of(documentId),
                () -> {
                  caller.require(Permission.READ);
                  return store.document(documentId).filter(d -> visible(d.id()));
                },
                d -> Auditor.Entry.of(List.of(documentId)).with("found", d.isPresent() ? 1 : 0)));
  }

  @Override
  public List<Document> list() {
    return lifecycle.call(
        () ->
            auditor.call(
                "document.list",
                List.of(),
                this::visibleDocuments,
                d -> Auditor.Entry.none().with("documents", d.size())));
  }

  @Override
  public long count() {
    return lifecycle.call(
        () -> {
          try {
            caller.require(Permission.READ);
          } catch (RuntimeException e) {
            auditor.failed("document.count", List.of(), e);
            throw e;
          }
          return caller.scope().isEmpty()
              ? store.documentCount()
              : (long) visibleDocuments().size();
        });
  }

  @Override
  public List<Chunk> chunks(String documentId) {
    return lifecycle.call(
        () ->
            auditor.call(
                "document.chunks",
                List.of(documentId),
                () -> {
                  caller.require(Permission.READ);
                  if (store.document(documentId).isEmpty() || !visible(documentId)) {
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
                  caller.require(Permission.WRITE);
                  checkChange(documentId);
                  writer.delete(documentId);
                  writer.commitIndex();
                }));
  }

  @Override
  public ErasureReceipt erase(String documentId) {
    Objects.requireNonNull(documentId, "documentId");
    return lifecycle.call(
        () -> {
          try {
            caller.require(Permission.WRITE);
          } catch (RuntimeException e) {
            auditor.failed("document.erase", List.of(documentId), e);
            throw e;
          }
          try {
            if (store.document(documentId).isEmpty()) {
              throw new NotFoundException("document", documentId);
            }
            checkChange(documentId);
          } catch (RuntimeException e) {
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
          try {
            caller.require(Permission.WRITE);
          } catch (RuntimeException e) {
            auditor.failed("document.erase", List.of(), e);
            throw e;
          }
          List<String> ids = new ArrayList<>();
          Map<String, Set<String>> labels = store.labelsOf(null);
          for (Document d : visibleDocuments()) {
            if (!caller.mayChange(labels.getOrDefault(d.id(), Set.of()))) {
              continue; // seen under break-glass access, which changes nothing
            }
            if (d.metadata().get(key).map(v -> v.asString().equals(value)).orElse(false)) {
              ids.add(d.id());
            }
          }
          return eraseAll(ids, "metadata " + key);
        });
  }

  /** Whether the caller sees the document (true for an unrestricted caller). */
  private boolean visible(String documentId) {
    return caller.scope().isEmpty() || caller.sees(store.labels(documentId));
  }

  private List<Document> visibleDocuments() {
    caller.require(Permission.READ);
    List<Document> all = store.documents();
    if (caller.scope().isEmpty()) {
      return all;
    }
    Map<String, Set<String>> labels = store.labelsOf(null);
    return all.stream().filter(d -> caller.sees(labels.getOrDefault(d.id(), Set.of()))).toList();
  }

  /**
   * Refuses a change to a document the caller cannot see (as not found) or sees only under
   * break-glass access (denied).
   */
  private void checkChange(String documentId) {
    if (!visible(documentId)) {
      throw new NotFoundException("document", documentId);
    }
    if (!caller.mayChange(store.labels(documentId))) {
      throw new AccessDeniedException(
          "break-glass access reads documents outside the labels of principal " + caller.actor()
              + "; it does not change them (document " + documentId + ")");
    }
  }

  /** What an ingest by this caller stores: its labels, and which documents it may replace. */
  private IngestScope scope(Set<String> requested) {
    return new IngestScope(
        caller.ingestLabels(requested), id -> caller.mayChange(store.labels(id)));
  }

  @Override
  public Set<String> labels(String documentId) {
    Objects.requireNonNull(documentId, "documentId");
    return lifecycle.call(
        () ->
            auditor.call(
                "document.labels",
                List.of(documentId),
                () -> {
                  caller.require(Permission.READ);
                  if (store.document(documentId).isEmpty() || !visible(documentId)) {
                    throw new NotFoundException("document", documentId);
                  }
                  return new java.util.TreeSet<>(store.labels(documentId));
                },
                l -> Auditor.Entry.of(List.of(documentId)).with("labels", l.size())));
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
