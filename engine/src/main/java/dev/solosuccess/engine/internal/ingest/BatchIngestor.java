package dev.solosuccess.engine.internal.ingest;

import dev.solosuccess.sdk.internal.files.Globs;
import dev.solosuccess.sdk.internal.files.FileWalker;

import dev.solosuccess.engine.internal.EngineWriter;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DuplicateFile;
import dev.solosuccess.sdk.IngestListener;
import dev.solosuccess.sdk.IngestProgress;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestStage;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.ModelException;
import dev.solosuccess.sdk.SkippedFile;
import dev.solosuccess.sdk.SoloException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingests the documents of a request as a pipeline: parse threads read, admit, parse and chunk a
 * window of documents ahead; this thread takes them in order, embeds the chunks of several documents
 * in one model call (length-sorted batches fill better across documents), and stores each document
 * in its own transaction.
 *
 * <p>A document that cannot be ingested (bad input, a limit, a model failure on its content) is
 * skipped with its reason and the batch goes on; a storage failure ends the batch, since every later
 * document would fail the same way. Each stored document is durable when the listener hears of it,
 * so a batch that is killed and run again skips what it stored (unchanged content) and goes on.
 */
public final class BatchIngestor {

  private static final System.Logger LOG = System.getLogger(BatchIngestor.class.getName());

  /** Chunks embedded per model call: enough for full, length-sorted batches of 32. */
  private static final int EMBED_GROUP_CHUNKS = 256;

  private final Ingestor ingestor;
  private final EngineWriter writer;
  private final Path dataDir;
  private final int threads;
  private final ArchiveReader.Limits archiveLimits;

  public BatchIngestor(
      Ingestor ingestor,
      EngineWriter writer,
      Path dataDir,
      int threads,
      int maxArchiveDepth,
      int maxArchiveEntries,
      int maxCompressionRatio) {
    this.ingestor = ingestor;
    this.writer = writer;
    this.dataDir = dataDir;
    this.threads = threads;
    this.archiveLimits =
        new ArchiveReader.Limits(
            maxArchiveDepth, maxArchiveEntries, ingestor.maxDocumentBytes(), maxCompressionRatio);
  }

  /** What a parse thread made of one document. */
  private sealed interface Result {}

  private record Ready(Ingestor.Prepared prepared) implements Result {}

  private record Decided(Ingestor.Admission admission) implements Result {}

  private record Failed(SkippedFile skipped) implements Result {}

  private record Pending(String source, Future<Result> result) {}

  public IngestSummary run(IngestRequest request, IngestScope scope) {
    long start = System.nanoTime();
    Globs globs = new Globs(request.include(), request.exclude());
    List<Path> files = FileWalker.files(request.paths(), request.recursive(), dataDir, globs);
    int named = files.size() + request.sources().size();
    Run run = new Run(request.listener(), named, start, scope);
    run.listener.started(named);
    WorkSource work =
        new WorkSource(
            files, request.sources(), ingestor, archiveLimits, globs, request.metadata());
    ExecutorService pool = Executors.newFixedThreadPool(threads, new ParseThreads());
    Deque<Pending> window = new ArrayDeque<>();
    int ahead = threads * 2 + 2;
    try {
      while (true) {
        while (window.size() < ahead) {
          WorkSource.Work w = work.next();
          if (w == null) {
            break;
          }
          window.add(submit(pool, w, run.stats, scope));
        }
        run.total = named + work.discovered();
        if (window.isEmpty()) {
          break;
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new SoloException(
              "ingestion interrupted after " + run.done + " of " + run.total + " documents");
        }
        Pending head = window.poll();
        run.listener.fileStarted(head.source(), run.progress());
        run.handle(head.source(), await(head));
      }
      run.flush();
    } catch (RuntimeException e) {
      try {
        writer.commitIndex(); // keep what was ingested before the failure
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      pool.shutdownNow();
    }
    run.stats.time(IngestStage.INDEX, () -> {
      writer.commitIndex();
      return null;
    });
    return new IngestSummary(
        run.ingested, run.unchanged, run.skipped, run.duplicates, run.chunks,
        run.stats.truncatedChunks(), run.stats.cachedChunks(), run.stats.stages(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private Pending submit(
      ExecutorService pool, WorkSource.Work w, IngestStats stats, IngestScope scope) {
    return switch (w) {
      case WorkSource.Skipped s ->
          new Pending(s.skipped().source(), CompletableFuture.completedFuture(new Failed(s.skipped())));
      case WorkSource.Source s ->
          new Pending(s.source().name(), pool.submit(() -> prepare(s, stats, scope)));
    };
  }

  /** Runs on a parse thread. */
  private Result prepare(WorkSource.Source w, IngestStats stats, IngestScope scope) {
    String name = w.source().name();
    try {
      SourceReader.Content content = stats.time(IngestStage.READ, () -> ingestor.read(w.source()));
      Ingestor.Admission a =
          stats.time(IngestStage.READ, () -> ingestor.admit(w.source(), content, scope));
      if (a instanceof Ingestor.Fresh f) {
        if (f.format().reader() == dev.solosuccess.engine.internal.parse.Formats.Reader.ARCHIVE) {
          return new Failed(new SkippedFile(name, "unsupported-format",
              name + " is a ZIP archive without a .zip name; rename it to open its entries"));
        }
        return new Ready(ingestor.prepare(f, stats));
      }
      return new Decided(a);
    } catch (InvalidInputException | ModelException | AccessDeniedException e) {
      return new Failed(new SkippedFile(name, e.code(), e.getMessage()));
    } catch (SoloException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // A parser bug on one odd file must not stop the batch.
      LOG.log(Level.WARNING, "unexpected failure on " + name, e);
      return new Failed(new SkippedFile(name, "internal-error", e.toString()));
    }
  }

  private Result await(Pending p) {
    // The parse guards its own deadline; this bound only catches a parser that stopped checking.
    long limitMs = ingestor.parseTimeout().toMillis() * 2 + 30_000;
    try {
      return p.result().get(limitMs, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.result().cancel(true);
      throw new SoloException("ingestion interrupted while parsing " + p.source());
    } catch (TimeoutException e) {
      p.result().cancel(true);
      LOG.log(Level.WARNING, "the parser of " + p.source() + " ignored its deadline");
      return new Failed(new SkippedFile(p.source(), "limit-exceeded",
          "parsing " + p.source() + " took longer than " + limitMs + " ms and was abandoned"));
    } catch (CancellationException e) {
      return new Failed(new SkippedFile(p.source(), "internal-error", "parse cancelled"));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // a storage failure while admitting
      }
      throw new SoloException("parsing " + p.source() + " failed: " + e.getCause(), e.getCause());
    }
  }

  /** The state of one batch, on the ingesting thread. */
  private final class Run {
    final IngestListener listener;
    final long start;
    final IngestScope scope;
    final IngestStats stats = new IngestStats();
    final List<Document> ingested = new ArrayList<>();
    final List<Document> unchanged = new ArrayList<>();
    final List<SkippedFile> skipped = new ArrayList<>();
    final List<DuplicateFile> duplicates = new ArrayList<>();
    final List<Ingestor.Prepared> group = new ArrayList<>();
    final Set<String> groupContent = new HashSet<>();
    int groupChunks;
    int chunks;
    int done;
    int total;

    Run(IngestListener listener, int total, long start, IngestScope scope) {
      this.scope = scope;
      this.listener = listener;
      this.total = total;
      this.start = start;
    }

    IngestProgress progress() {
      return new IngestProgress(done, total, chunks, Duration.ofNanos(System.nanoTime() - start));
    }

    void handle(String source, Result r) {
      switch (r) {
        case Failed f -> skip(f.skipped());
        case Decided d -> decided(source, d.admission());
        case Ready ready -> {
          Ingestor.Fresh f = ready.prepared().fresh();
          if (groupContent.contains(f.sha256())) {
            flush(); // the same content is waiting in the group: store it first, then compare
          }
          Optional<Document> original = ingestor.originalOf(f.sha256(), f.id(), scope);
          if (original.isPresent()) {
            decided(source, new Ingestor.Duplicate(f.id(), f.source(), f.metadata(),
                original.get()));
            return;
          }
          group.add(ready.prepared());
          groupContent.add(f.sha256());
          groupChunks += ready.prepared().chunkTexts().size();
          if (groupChunks >= EMBED_GROUP_CHUNKS) {
            flush();
          }
        }
      }
    }

    private void decided(String source, Ingestor.Admission a) {
      try {
        switch (a) {
          case Ingestor.Unchanged u -> {
            unchanged.add(u.document());
            done++;
            listener.unchanged(u.document(), progress());
          }
          case Ingestor.MetadataChanged m ->
              stored(writer.replaceMetadata(m.id(), m.metadata(), scope.labels()));
          case Ingestor.Duplicate d -> {
            Ingestor.Outcome o = ingestor.storeDuplicate(d, stats, scope);
            boolean kept = o.status() == Ingestor.Status.DUPLICATE_KEPT;
            DuplicateFile dup =
                new DuplicateFile(d.source(), d.original().id(), d.original().source(), kept);
            duplicates.add(dup);
            if (kept) {
              stored(o.document());
            } else {
              done++;
            }
            listener.duplicate(dup, progress());
          }
          case Ingestor.Fresh f -> throw new IllegalStateException("fresh work is prepared first");
        }
      } catch (InvalidInputException | ModelException e) {
        skip(new SkippedFile(source, e.code(), e.getMessage()));
      }
    }

    private void stored(Document d) {
      ingested.add(d);
      chunks += d.chunks();
      done++;
      listener.ingested(d, progress());
      stats.time(IngestStage.INDEX, () -> {
        writer.commitIndexIfDue();
        return null;
      });
    }

    private void skip(SkippedFile s) {
      skipped.add(s);
      done++;
      listener.skipped(s, progress());
    }

    /** Embeds the waiting documents together, then stores each. */
    void flush() {
      if (group.isEmpty()) {
        return;
      }
      List<Ingestor.Prepared> docs = List.copyOf(group);
      group.clear();
      groupContent.clear();
      groupChunks = 0;
      List<float[][]> vectors;
      try {
        vectors = ingestor.embed(docs, stats);
      } catch (ModelException e) {
        // One document's text broke the model: embed one at a time to find it.
        for (Ingestor.Prepared p : docs) {
          try {
            storeOne(p, ingestor.embed(List.of(p), stats).get(0));
          } catch (ModelException | InvalidInputException one) {
            skip(new SkippedFile(p.fresh().source(), one.code(), one.getMessage()));
          }
        }
        return;
      }
      for (int i = 0; i < docs.size(); i++) {
        storeOne(docs.get(i), vectors.get(i));
      }
    }

    private void storeOne(Ingestor.Prepared p, float[][] vectors) {
      try {
        stored(ingestor.store(p, vectors, stats, scope));
      } catch (InvalidInputException e) {
        skip(new SkippedFile(p.fresh().source(), e.code(), e.getMessage()));
      }
    }
  }

  /** Named daemon threads: a parser stuck past its deadline must not keep the JVM alive. */
  private static final class ParseThreads implements ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "solo-parse-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
