package dev.solosuccess.sdk.internal.remote;

import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentService;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.ErasureReceipt;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.internal.wire.Wire;
import dev.solosuccess.sdk.internal.wire.WireMessages;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.MultipartBody;
import tools.jackson.core.type.TypeReference;

/**
 * {@link DocumentService} over {@code /api/v1/documents}: a {@link DocumentSource} is uploaded
 * (streamed from disk if it names a file), an {@link IngestRequest} is walked here and uploaded file by file
 * ({@link RemoteIngest}). Thread-safe.
 */
final class RemoteDocuments implements DocumentService {

  private static final TypeReference<List<Document>> DOCUMENTS = new TypeReference<>() {};
  private static final TypeReference<List<Chunk>> CHUNKS = new TypeReference<>() {};
  private static final TypeReference<List<String>> LABELS = new TypeReference<>() {};

  private final RemoteHttp http;
  private final RemoteIngest batch;

  RemoteDocuments(RemoteHttp http) {
    this.http = http;
    this.batch = new RemoteIngest(http);
  }

  @Override
  public Document ingest(DocumentSource source) {
    Objects.requireNonNull(source, "source");
    http.checkOpen();
    RemoteIngest.Upload upload = RemoteIngest.prepare(source);
    MultipartBody body = new MultipartBody.Builder()
        .setType(MultipartBody.FORM)
        .addFormDataPart(WireMessages.SOURCE_FIELD, null, okhttp3.RequestBody.create(
            Wire.write(RemoteIngest.part(source)), RemoteHttp.JSON))
        .addFormDataPart(WireMessages.FILE_FIELD, "document", upload.body())
        .build();
    return http.upload(http.url("documents").build(), body, Document.class);
  }

  @Override
  public IngestSummary ingest(IngestRequest request) {
    Objects.requireNonNull(request, "request");
    return batch.run(request);
  }

  /**
   * The URL of a document's resource. "." and ".." are no document's id (DocumentSource refuses
   * them) and URLs resolve them away, so they are answered here as the engine answers a missing id.
   */
  private okhttp3.HttpUrl.Builder document(String documentId, String... rest) {
    Objects.requireNonNull(documentId, "documentId");
    if (documentId.equals(".") || documentId.equals("..")) {
      http.checkOpen();
      throw new NotFoundException("document", documentId);
    }
    okhttp3.HttpUrl.Builder u = http.url("documents", documentId);
    for (String r : rest) {
      u.addPathSegment(r);
    }
    return u;
  }

  @Override
  public Optional<Document> get(String documentId) {
    try {
      return Optional.of(http.get(document(documentId).build(), Document.class));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Document> list() {
    return http.get(http.url("documents").build(), DOCUMENTS);
  }

  @Override
  public long count() {
    return http.get(http.url("document-count").build(), WireMessages.Count.class).count();
  }

  @Override
  public List<Chunk> chunks(String documentId) {
    return http.get(document(documentId, "chunks").build(), CHUNKS);
  }

  @Override
  public Set<String> labels(String documentId) {
    List<String> labels = http.get(document(documentId, "labels").build(), LABELS);
    return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(labels));
  }

  @Override
  public String text(String documentId) {
    return http.get(document(documentId, "text").build(), WireMessages.Text.class).text();
  }

  @Override
  public void delete(String documentId) {
    http.delete(document(documentId).build());
  }

  @Override
  public ErasureReceipt erase(String documentId) {
    return http.post(document(documentId, "erase").build(), (Object) null, ErasureReceipt.class);
  }

  @Override
  public ErasureReceipt eraseWhere(String key, String value) {
    return http.post(http.url("erasures").build(), new WireMessages.EraseWhere(key, value),
        ErasureReceipt.class);
  }
}
