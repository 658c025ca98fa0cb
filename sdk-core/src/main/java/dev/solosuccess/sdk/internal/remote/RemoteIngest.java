package dev.solosuccess.sdk.internal.remote;

import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.DuplicateFile;
import dev.solosuccess.sdk.IngestListener;
import dev.solosuccess.sdk.IngestProgress;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestStage;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.internal.files.RegularFiles;
import dev.solosuccess.sdk.LimitExceededException;
import dev.solosuccess.sdk.SkippedFile;
import dev.solosuccess.sdk.SoloException;
import dev.solosuccess.sdk.internal.files.FileWalker;
import dev.solosuccess.sdk.internal.files.Globs;
import dev.solosuccess.sdk.internal.wire.Wire;
import dev.solosuccess.sdk.internal.wire.WireMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * A batch ingest against a server: the folders are walked here exactly as the engine walks them
 * ({@link FileWalker}, same order, same include/exclude rules), and the files (then the in-memory
 * sources) are uploaded a few at a time to {@code POST /api/v1/ingest}: the listener hears of each
 * file as its upload is stored, a file the server skips does not stop the batch, and a group over
 * the server's request limit is sent again one file at a time. Summaries of the uploads add up to
 * the batch's. A ZIP archive is uploaded whole and opened by the server, as the engine opens a
 * file. Stateless; thread-safe.
 */
final class RemoteIngest {

  private static final MediaType OCTETS = MediaType.get("application/octet-stream");

  /**
   * Files per upload: enough for the server to embed several documents per model call (one file
   * per call made ingesting the example corpus 1.5 times slower than in the process).
   */
  static final int MAX_BATCH_FILES = 16;

  /** Bytes per upload, well under the server's default request limit (32 MiB). */
  static final long MAX_BATCH_BYTES = 8L << 20;

  /** A source to send: its bytes, or its file streamed as the request is written. */
  record Upload(DocumentSource source, RequestBody body, long size) {}

  private final RemoteHttp http;

  RemoteIngest(RemoteHttp http) {
    this.http = http;
  }

  IngestSummary run(IngestRequest request) {
    http.checkOpen();
    long start = System.nanoTime();
    Globs globs = new Globs(request.include(), request.exclude());
    List<Path> files = FileWalker.files(request.paths(), request.recursive(), null, globs);
    int total = files.size() + request.sources().size();
    Batch b = new Batch(request, total, start);
    request.listener().started(total);
    for (Path f : files) {
      b.one(DocumentSource.of(f));
    }
    for (DocumentSource s : request.sources()) {
      b.one(s);
    }
    b.flush();
    return new IngestSummary(b.ingested, b.unchanged, b.skipped, b.duplicates, b.chunks,
        b.truncated, b.cached, b.stages, Duration.ofNanos(System.nanoTime() - start));
  }

  private final class Batch {
    final IngestRequest request;
    final IngestListener listener;
    int total; // grows when the server finds documents inside an uploaded archive
    final long start;
    final List<Document> ingested = new ArrayList<>();
    final List<Document> unchanged = new ArrayList<>();
    final List<SkippedFile> skipped = new ArrayList<>();
    final List<DuplicateFile> duplicates = new ArrayList<>();
    final Map<IngestStage, Duration> stages = new EnumMap<>(IngestStage.class);
    final List<Upload> queue = new ArrayList<>();
    long queuedBytes;
    int done;
    int chunks;
    int truncated;
    int cached;

    Batch(IngestRequest request, int total, long start) {
      this.request = request;
      this.listener = request.listener();
      this.total = total;
      this.start = start;
    }

    IngestProgress progress() {
      return new IngestProgress(done, total, chunks, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Queues a file for upload (a file that cannot be read is skipped here). */
    void one(DocumentSource source) {
      if (Thread.currentThread().isInterrupted()) {
        throw new SoloException("ingestion interrupted after " + done + " of " + total + " documents");
      }
      listener.fileStarted(source.name(), progress());
      Upload upload;
      try {
        upload = prepare(source);
      } catch (InvalidInputException e) {
        skip(new SkippedFile(source.name(), e.code(), e.getMessage()));
        return;
      }
      if (!queue.isEmpty() && queuedBytes + upload.size() > MAX_BATCH_BYTES) {
        flush();
      }
      queue.add(upload);
      queuedBytes += upload.size();
      if (queue.size() >= MAX_BATCH_FILES) {
        flush();
      }
    }

    void flush() {
      List<Upload> batch = List.copyOf(queue);
      queue.clear();
      queuedBytes = 0;
      if (!batch.isEmpty()) {
        upload(batch);
      }
    }

    private void upload(List<Upload> batch) {
      IngestSummary r;
      try {
        r = send(batch);
      } catch (LimitExceededException e) {
        if (e.retryAfter().isPresent()) {
          throw e; // the rate limit: the caller decides when to go on
        }
        if (batch.size() > 1) { // the batch is over the server's request limit: one at a time
          batch.forEach(u -> upload(List.of(u)));
        } else {
          skip(new SkippedFile(batch.get(0).source().name(), e.code(), e.getMessage()));
        }
        return;
      }
      int results = r.ingested().size() + r.unchanged().size() + r.duplicates().size()
          + r.skipped().size();
      total += Math.max(0, results - batch.size()); // an archive's entries, less the archive
      truncated += r.truncatedChunks();
      cached += r.cachedChunks();
      r.stages().forEach((stage, d) -> stages.merge(stage, d, Duration::plus));
      for (Document d : r.ingested()) {
        ingested.add(d);
        done++;
        chunks += d.chunks();
        listener.ingested(d, progress());
      }
      for (Document d : r.unchanged()) {
        unchanged.add(d);
        done++;
        listener.unchanged(d, progress());
      }
      for (DuplicateFile d : r.duplicates()) {
        duplicates.add(d);
        done++;
        listener.duplicate(d, progress());
      }
      for (SkippedFile s : r.skipped()) {
        skip(s);
      }
    }

    private IngestSummary send(List<Upload> batch) {
      List<WireMessages.SourcePart> parts = batch.stream().map(u -> part(u.source())).toList();
      MultipartBody.Builder body = new MultipartBody.Builder()
          .setType(MultipartBody.FORM)
          .addFormDataPart(WireMessages.REQUEST_FIELD, null, RequestBody.create(Wire.write(
              new WireMessages.IngestParts(request.metadata(), request.labels(), parts)),
              RemoteHttp.JSON));
      for (Upload u : batch) {
        body.addFormDataPart(WireMessages.FILE_FIELD, "document", u.body());
      }
      return http.upload(http.url("ingest").build(), body.build(), IngestSummary.class);
    }

    private void skip(SkippedFile s) {
      skipped.add(s);
      done++;
      listener.skipped(s, progress());
    }
  }

  /** What the server needs besides the bytes. */
  static WireMessages.SourcePart part(DocumentSource s) {
    return new WireMessages.SourcePart(
        s.name(), s.id().orElse(null), s.mediaType().orElse(null), s.metadata());
  }

  /**
   * The upload of a source: an in-memory source's bytes, or a file streamed from disk (never held
   * in memory whole). A file that cannot be read is refused as the engine refuses it (same
   * messages).
   */
  static Upload prepare(DocumentSource source) {
    if (source.content().isPresent()) {
      byte[] content = source.content().get();
      return new Upload(source, RequestBody.create(content, OCTETS), content.length);
    }
    Path file = source.path().orElseThrow();
    String name = source.name();
    RegularFiles.require(file, name);
    if (!Files.isReadable(file)) {
      throw new InvalidInputException("cannot read " + name + ": permission denied", name, null);
    }
    try {
      return new Upload(source, RequestBody.create(file.toFile(), OCTETS), Files.size(file));
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + name + ": " + e, name, e);
    }
  }
}
