package dev.solosuccess.engine.internal.ingest;

import dev.solosuccess.sdk.IngestStage;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Time spent per ingestion stage, summed over threads, truncated chunks, and chunks answered by the
 * embedding cache. Thread-safe.
 */
public final class IngestStats {

  private final EnumMap<IngestStage, LongAdder> nanos = new EnumMap<>(IngestStage.class);
  private final LongAdder truncated = new LongAdder();
  private final LongAdder cached = new LongAdder();

  public IngestStats() {
    for (IngestStage s : IngestStage.values()) {
      nanos.put(s, new LongAdder());
    }
  }

  public <T> T time(IngestStage stage, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      nanos.get(stage).add(System.nanoTime() - start);
    }
  }

  public void truncated(int chunks) {
    truncated.add(chunks);
  }

  public int truncatedChunks() {
    return truncated.intValue();
  }

  public void cached(int chunks) {
    cached.add(chunks);
  }

  public int cachedChunks() {
    return cached.intValue();
  }

  public Map<IngestStage, Duration> stages() {
    EnumMap<IngestStage, Duration> out = new EnumMap<>(IngestStage.class);
    nanos.forEach((s, n) -> out.put(s, Duration.ofNanos(n.sum())));
    return out;
  }
}
