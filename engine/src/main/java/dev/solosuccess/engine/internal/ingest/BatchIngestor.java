package dev.solosuccess.engine.internal.ingest;

import dev.solosuccess.engine.internal.EngineWriter;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.IngestListener;
import dev.solosuccess.sdk.IngestProgress;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.ModelException;
import dev.solosuccess.sdk.SkippedFile;
import dev.solosuccess.sdk.SoloException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingests the files of a request one after another. A file that cannot be ingested (bad input, or a
 * model failure on its content) is skipped with its reason and the batch goes on; a storage failure
 * ends the batch, since every later file would fail the same way. Each stored file is durable as it
 * is reported; the index is committed every few documents and at the end.
 */
public final class BatchIngestor {

  private static final System.Logger LOG = System.getLogger(BatchIngestor.class.getName());

  private final Ingestor ingestor;
  private final EngineWriter writer;
  private final Path dataDir;

  public BatchIngestor(Ingestor ingestor, EngineWriter writer, Path dataDir) {
    this.ingestor = ingestor;
    this.writer = writer;
    this.dataDir = dataDir;
  }

  public IngestSummary run(IngestRequest request) {
    long start = System.nanoTime();
    List<Path> files = FileWalker.files(request.paths(), request.recursive(), dataDir);
    IngestListener listener = request.listener();
    listener.started(files.size());
    List<Document> ingested = new ArrayList<>();
    List<Document> unchanged = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    int chunks = 0;
    try {
      for (Path file : files) {
        if (Thread.currentThread().isInterrupted()) {
          throw new SoloException(
              "ingestion interrupted after " + (ingested.size() + unchanged.size()
                  + skipped.size()) + " of " + files.size() + " files");
        }
        String source = file.toString();
        int done = ingested.size() + unchanged.size() + skipped.size();
        listener.fileStarted(source, progress(done, files.size(), chunks, start));
        SkippedFile skip = null;
        Ingestor.Outcome outcome = null;
        try {
          outcome = ingestor.ingest(DocumentSource.of(file).withMetadata(request.metadata()));
        } catch (InvalidInputException | ModelException e) {
          skip = new SkippedFile(source, e.code(), e.getMessage());
        } catch (SoloException e) {
          throw e; // storage: every later file would fail the same way
        } catch (RuntimeException e) {
          // A parser bug on one odd file must not stop the batch.
          LOG.log(Level.WARNING, "unexpected failure on " + source, e);
          skip = new SkippedFile(source, "internal-error", e.toString());
        }
        // Listener calls stay outside the try: a listener's exception aborts the batch, as
        // IngestListener documents, instead of passing for a problem with the file.
        if (skip != null) {
          skipped.add(skip);
          listener.skipped(skip, progress(done + 1, files.size(), chunks, start));
        } else if (outcome.status() == Ingestor.Status.STORED) {
          ingested.add(outcome.document());
          chunks += outcome.document().chunks();
          listener.ingested(outcome.document(), progress(done + 1, files.size(), chunks, start));
          writer.commitIndexIfDue();
        } else {
          unchanged.add(outcome.document());
          listener.unchanged(outcome.document(), progress(done + 1, files.size(), chunks, start));
        }
      }
    } catch (RuntimeException e) {
      try {
        writer.commitIndex(); // keep what was ingested before the failure
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    writer.commitIndex();
    return new IngestSummary(
        ingested, unchanged, skipped, chunks, Duration.ofNanos(System.nanoTime() - start));
  }

  private static IngestProgress progress(int done, int total, int chunks, long start) {
    return new IngestProgress(done, total, chunks, Duration.ofNanos(System.nanoTime() - start));
  }
}
