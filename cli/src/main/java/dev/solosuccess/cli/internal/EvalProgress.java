package dev.solosuccess.cli.internal;

import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.IngestListener;
import dev.solosuccess.sdk.IngestProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Ingest progress of {@code solo eval} on stderr: a line per tenth of the corpus, with the rate,
 * rather than one per document (a corpus has thousands).
 */
final class EvalProgress implements IngestListener {

  private final PrintWriter err;
  private int nextLine;

  EvalProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void started(int files) {
    err.println("ingesting " + files + " documents");
    err.flush();
    nextLine = Math.max(1, files / 10);
  }

  @Override
  public void ingested(Document d, IngestProgress p) {
    line(p);
  }

  @Override
  public void unchanged(Document d, IngestProgress p) {
    line(p);
  }

  private void line(IngestProgress p) {
    if (p.done() < nextLine && p.done() != p.total()) {
      return;
    }
    double s = p.elapsed().toNanos() / 1e9;
    err.printf(Locale.ROOT, "[%d/%d] %.0f documents/s, %.0f s%n", p.done(), p.total(),
        s > 0 ? p.done() / s : 0.0, s);
    err.flush();
    nextLine = p.done() + Math.max(1, p.total() / 10);
  }
}
