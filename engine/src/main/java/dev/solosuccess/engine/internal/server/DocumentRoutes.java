package dev.solosuccess.engine.internal.server;

import static dev.solosuccess.engine.internal.server.ApiRoute.JSON;
import static dev.solosuccess.engine.internal.server.ApiRoute.MULTIPART;
import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.ErasureReceipt;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.internal.wire.Wire;
import dev.solosuccess.sdk.internal.wire.WireMessages;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;

/**
 * {@code /api/v1/documents} and {@code /api/v1/ingest}: uploads (multipart: a JSON field describing
 * the source(s), then the file part(s)), reads, deletes and erasures. Uploads are read into memory:
 * the server's multipart settings must keep parts in memory so no document reaches a temp file.
 * Stateless; thread-safe.
 */
final class DocumentRoutes {

  private final Function<Context, SoloClient> caller;

  DocumentRoutes(Function<Context, SoloClient> caller) {
    this.caller = caller;
  }

  void addTo(List<ApiRoute> routes) {
    routes.add(new ApiRoute(POST, "/api/v1/documents",
        "Ingests one document: multipart with a 'source' JSON field (name, id, mediaType, metadata)"
            + " and one 'file' part; replaces a document of the same id",
        MULTIPART, WireMessages.SourcePart.class, Document.class, 201, List.of(), this::upload));
    routes.add(new ApiRoute(POST, "/api/v1/ingest",
        "Ingests a batch: multipart with a 'request' JSON field (metadata, labels, sources) and one"
            + " 'file' part per source, in order; files that cannot be ingested are skipped",
        MULTIPART, WireMessages.IngestParts.class, IngestSummary.class, 200, List.of(), this::batch));
    routes.add(new ApiRoute(GET, "/api/v1/documents", "Every document the caller sees, by source",
        null, null, new TypeReference<List<Document>>() {}.getType(), 200, List.of(),
        ctx -> Calls.reply(ctx, client(ctx).documents().list())));
    // not /documents/count: that is the document whose id is "count"
    routes.add(new ApiRoute(GET, "/api/v1/document-count", "How many documents the caller sees",
        null, null, WireMessages.Count.class, 200, List.of(),
        ctx -> Calls.reply(ctx, new WireMessages.Count(client(ctx).documents().count()))));
    routes.add(new ApiRoute(GET, "/api/v1/documents/{id}", "One document (404 if absent)",
        null, null, Document.class, 200, List.of(), ctx -> {
          String id = ctx.pathParam("id");
          Document d = client(ctx).documents().get(id)
              .orElseThrow(() -> new NotFoundException("document", id));
          Calls.reply(ctx, d);
        }));
    routes.add(new ApiRoute(GET, "/api/v1/documents/{id}/chunks", "A document's chunks, in order",
        null, null, new TypeReference<List<Chunk>>() {}.getType(), 200, List.of(),
        ctx -> Calls.reply(ctx, client(ctx).documents().chunks(ctx.pathParam("id")))));
    routes.add(new ApiRoute(GET, "/api/v1/documents/{id}/text", "A document's extracted text",
        null, null, WireMessages.Text.class, 200, List.of(),
        ctx -> Calls.reply(ctx, new WireMessages.Text(client(ctx).documents().text(ctx.pathParam("id"))))));
    routes.add(new ApiRoute(GET, "/api/v1/documents/{id}/labels",
        "A document's access labels, sorted", null, null,
        new TypeReference<List<String>>() {}.getType(), 200, List.of(),
        ctx -> Calls.reply(ctx, client(ctx).documents().labels(ctx.pathParam("id")))));
    routes.add(new ApiRoute(DELETE, "/api/v1/documents/{id}",
        "Deletes a document from the store and every index", null, null, Void.class, 204,
        List.of(), ctx -> {
          client(ctx).documents().delete(ctx.pathParam("id"));
          Calls.noContent(ctx);
        }));
    routes.add(new ApiRoute(POST, "/api/v1/documents/{id}/erase",
        "Erases a document for good (text, chunks, vectors, cache entries)", null, null,
        ErasureReceipt.class, 200, List.of(),
        ctx -> Calls.reply(ctx, client(ctx).documents().erase(ctx.pathParam("id")))));
    routes.add(new ApiRoute(POST, "/api/v1/erasures",
        "Erases every document whose metadata key equals the value", JSON,
        WireMessages.EraseWhere.class, ErasureReceipt.class, 200, List.of(), ctx -> {
          WireMessages.EraseWhere w = Calls.body(ctx, WireMessages.EraseWhere.class);
          Calls.reply(ctx, client(ctx).documents().eraseWhere(w.key(), w.value()));
        }));
  }

  private SoloClient client(Context ctx) {
    return caller.apply(ctx);
  }

  private void upload(Context ctx) {
    WireMessages.SourcePart part = field(ctx, WireMessages.SOURCE_FIELD, WireMessages.SourcePart.class);
    List<UploadedFile> files = ctx.uploadedFiles(WireMessages.FILE_FIELD);
    if (files.size() != 1) {
      throw new InvalidInputException(
          "an upload needs exactly one '" + WireMessages.FILE_FIELD + "' part, got " + files.size());
    }
    DocumentSource source = source(part, files.get(0));
    Calls.reply(ctx, 201, client(ctx).documents().ingest(source));
  }

  private void batch(Context ctx) {
    WireMessages.IngestParts parts = field(ctx, WireMessages.REQUEST_FIELD, WireMessages.IngestParts.class);
    List<UploadedFile> files = ctx.uploadedFiles(WireMessages.FILE_FIELD);
    List<WireMessages.SourcePart> described = parts.sources() == null ? List.of() : parts.sources();
    if (files.size() != described.size()) {
      throw new InvalidInputException("a batch needs one '" + WireMessages.FILE_FIELD
          + "' part per source: " + described.size() + " sources, " + files.size() + " files");
    }
    List<DocumentSource> sources = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      sources.add(source(described.get(i), files.get(i)));
    }
    IngestRequest.Builder b = IngestRequest.builder().sources(sources);
    if (parts.metadata() != null) {
      b.metadata(parts.metadata());
    }
    if (parts.labels() != null) {
      b.labels(parts.labels());
    }
    Calls.reply(ctx, client(ctx).documents().ingest(b.build()));
  }

  private static <T> T field(Context ctx, String name, Class<T> type) {
    String json = ctx.formParam(name);
    if (json == null || json.isBlank()) {
      throw new InvalidInputException("the upload needs a '" + name + "' JSON field");
    }
    return Wire.read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  private static DocumentSource source(WireMessages.SourcePart part, UploadedFile file) {
    byte[] content;
    try (InputStream in = file.content()) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new InvalidInputException("cannot read an uploaded part: " + e.getClass().getSimpleName());
    }
    DocumentSource s = DocumentSource.ofBytes(part.name(), content);
    if (part.id() != null) {
      s = s.withId(part.id());
    }
    if (part.mediaType() != null) {
      s = s.withMediaType(part.mediaType());
    }
    if (part.metadata() != null) {
      s = s.withMetadata(part.metadata());
    }
    return s;
  }
}
