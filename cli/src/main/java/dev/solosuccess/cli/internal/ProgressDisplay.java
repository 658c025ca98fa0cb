package dev.solosuccess.cli.internal;

import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.IngestListener;
import dev.solosuccess.sdk.IngestProgress;
import dev.solosuccess.sdk.SkippedFile;
import java.io.PrintWriter;

/**
 * Ingestion progress on stderr: on a terminal, one line redrawn in place (files, percent, chunks,
 * current file); otherwise one plain line per file, which logs and pipes keep readable.
 */
final class ProgressDisplay implements IngestListener {

  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private long lastDraw;
  private int width;

  ProgressDisplay(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void started(int files) {
    if (!terminal) {
      err.println("ingesting " + files + (files == 1 ? " file" : " files"));
      err.flush();
    }
  }

  @Override
  public void fileStarted(String source, IngestProgress p) {
    if (terminal) {
      draw(p, source, false);
    }
  }

  @Override
  public void ingested(Document d, IngestProgress p) {
    line(p, d.source(), "ingested " + Sources.display(d.source()) + " (" + d.chunks()
        + (d.chunks() == 1 ? " chunk)" : " chunks)"));
  }

  @Override
  public void unchanged(Document d, IngestProgress p) {
    line(p, d.source(), "unchanged " + Sources.display(d.source()));
  }

  @Override
  public void skipped(SkippedFile s, IngestProgress p) {
    line(p, s.source(), "skipped " + Sources.display(s.source()) + ": " + s.reason());
  }

  private void line(IngestProgress p, String source, String text) {
    if (terminal) {
      if (text.startsWith("skipped")) {
        clear();
        err.println(text); // reasons stay on screen
      }
      draw(p, source, p.done() == p.total());
    } else {
      err.println("[" + p.done() + "/" + p.total() + "] " + text);
      err.flush();
    }
  }

  private void draw(IngestProgress p, String current, boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    int percent = p.total() == 0 ? 100 : (int) (100L * p.done() / p.total());
    String text =
        String.format(
            "[%d/%d] %3d%%  %d chunks  %.1f s  %s",
            p.done(), p.total(), percent, p.chunks(), p.elapsed().toMillis() / 1000.0,
            Sources.display(current));
    if (text.length() > 100) {
      text = text.substring(0, 99) + "…";
    }
    clear();
    err.print(text);
    width = text.length();
    err.flush();
  }

  private void clear() {
    if (width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      width = 0;
    }
  }

  /** Ends the redrawn line, so that what follows starts on a line of its own. */
  void finish() {
    if (terminal && width > 0) {
      err.println();
      err.flush();
      width = 0;
    }
  }
}
