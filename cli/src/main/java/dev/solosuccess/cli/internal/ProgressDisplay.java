package dev.solosuccess.cli.internal;

import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DuplicateFile;
import dev.solosuccess.sdk.IngestListener;
import dev.solosuccess.sdk.IngestProgress;
import dev.solosuccess.sdk.SkippedFile;
import java.io.PrintWriter;

/**
 * Ingestion progress on stderr when it is not a terminal: one plain line per document, which logs
 * and pipes keep readable. A terminal gets {@link ProgressBarDisplay}.
 */
final class ProgressDisplay implements IngestListener {

  private final PrintWriter err;

  ProgressDisplay(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void started(int files) {
    err.println("ingesting " + files + (files == 1 ? " file" : " files"));
    err.flush();
  }

  @Override
  public void ingested(Document d, IngestProgress p) {
    line(p, "ingested " + Sources.display(d.source()) + " (" + d.chunks()
        + (d.chunks() == 1 ? " chunk)" : " chunks)"));
  }

  @Override
  public void unchanged(Document d, IngestProgress p) {
    line(p, "unchanged " + Sources.display(d.source()));
  }

  @Override
  public void duplicate(DuplicateFile d, IngestProgress p) {
    if (!d.kept()) {
      line(p, "duplicate " + Sources.display(d.source()) + " of "
          + Sources.display(d.originalSource()) + ": skipped");
    }
  }

  @Override
  public void skipped(SkippedFile s, IngestProgress p) {
    line(p, "skipped " + Sources.display(s.source()) + ": " + s.reason());
  }

  private void line(IngestProgress p, String text) {
    err.println("[" + p.done() + "/" + p.total() + "] " + text);
    err.flush();
  }
}
