package dev.solosuccess.cli.internal;

import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DuplicateFile;
import dev.solosuccess.sdk.IngestListener;
import dev.solosuccess.sdk.IngestProgress;
import dev.solosuccess.sdk.SkippedFile;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Ingestion progress on a terminal: a progress bar on stderr with documents done, rate and time
 * left; the reasons of skipped files are printed above it as they happen. Closing it finishes the
 * bar. Used by one ingesting thread.
 */
final class ProgressBarDisplay implements IngestListener, AutoCloseable {

  private ProgressBar bar;

  @Override
  public void started(int files) {
    bar =
        new ProgressBarBuilder()
            .setTaskName("Ingesting")
            .setInitialMax(files)
            .setUnit(" docs", 1)
            .showSpeed()
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setUpdateIntervalMillis(200)
            .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
  }

  @Override
  public void fileStarted(String source, IngestProgress p) {
    update(p, Sources.display(source));
  }

  @Override
  public void ingested(Document d, IngestProgress p) {
    update(p, null);
  }

  @Override
  public void unchanged(Document d, IngestProgress p) {
    update(p, null);
  }

  @Override
  public void duplicate(DuplicateFile d, IngestProgress p) {
    update(p, null);
  }

  @Override
  public void skipped(SkippedFile s, IngestProgress p) {
    if (bar != null) {
      // Above the bar, so the reason stays on screen.
      System.err.print("\r\u001B[2K");
      System.err.println("skipped " + Sources.display(s.source()) + ": " + s.reason());
    }
    update(p, null);
  }

  private void update(IngestProgress p, String current) {
    if (bar == null) {
      return;
    }
    if (p.total() != bar.getMax()) {
      bar.maxHint(p.total()); // archive entries add documents as they are found
    }
    bar.stepTo(p.done());
    String message = "  " + p.chunks() + " chunks";
    if (current != null) {
      String name = current.length() > 40 ? "…" + current.substring(current.length() - 39) : current;
      message += "  " + name;
    }
    bar.setExtraMessage(message);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
