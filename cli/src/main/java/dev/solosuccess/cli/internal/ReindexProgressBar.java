package dev.solosuccess.cli.internal;

import dev.solosuccess.engine.ReindexListener;
import dev.solosuccess.engine.ReindexProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Re-embedding progress on a terminal: a bar of chunks on stderr with rate and time left. Closing
 * it finishes the bar. Used by one thread.
 */
final class ReindexProgressBar implements ReindexListener, AutoCloseable {

  private ProgressBar bar;

  @Override
  public void started(String fromModel, String toModel, long chunks) {
    bar =
        new ProgressBarBuilder()
            .setTaskName("Re-embedding")
            .setInitialMax(chunks)
            .setUnit(" chunks", 1)
            .showSpeed()
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setUpdateIntervalMillis(200)
            .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
    bar.setExtraMessage("  " + fromModel + " -> " + toModel);
  }

  @Override
  public void progress(ReindexProgress p) {
    if (bar != null) {
      bar.stepTo(p.chunksDone());
      bar.setExtraMessage("  " + p.cachedChunks() + " from the cache");
    }
  }

  @Override
  public void indexing(long documents) {
    if (bar != null) {
      bar.setExtraMessage("  rebuilding the index");
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
