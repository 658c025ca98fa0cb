package dev.solosuccess.cli.internal;

import dev.solosuccess.engine.ReindexListener;
import dev.solosuccess.engine.ReindexProgress;
import java.io.PrintWriter;

/**
 * Re-embedding progress on stderr when it is not a terminal: a line when it starts, one per tenth
 * of the chunks, and one when the index is rebuilt, which logs and pipes keep readable.
 */
final class ReindexProgressLines implements ReindexListener {

  private final PrintWriter err;
  private long nextLine;

  ReindexProgressLines(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void started(String fromModel, String toModel, long chunks) {
    err.println("re-embedding " + chunks + " chunks: " + fromModel + " -> " + toModel);
    err.flush();
  }

  @Override
  public void progress(ReindexProgress p) {
    if (p.chunksDone() >= nextLine || p.chunksDone() == p.chunks()) {
      err.println("[" + p.chunksDone() + "/" + p.chunks() + "] chunks re-embedded ("
          + p.cachedChunks() + " from the cache)");
      err.flush();
      nextLine = p.chunksDone() + Math.max(1, p.chunks() / 10);
    }
  }

  @Override
  public void indexing(long documents) {
    err.println("rebuilding the search index (" + documents + " documents)");
    err.flush();
  }
}
