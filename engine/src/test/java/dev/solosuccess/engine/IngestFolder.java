package dev.solosuccess.engine;

import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.SkippedFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Child JVM of {@link HostileFilesTest} and {@link BoundedMemoryTest}: opens an engine on {@code
 * args[0]} (with maxDocumentBytes {@code args[2]} when given), ingests the folder {@code args[1]}
 * in one batch and prints the summary, one tab-separated line per document:
 * {@code INGESTED source}, {@code SKIPPED source code reason}, then {@code MAX_HEAP bytes} and
 * {@code PEAK_HEAP bytes} (the sum of the heap pools' peaks, an upper bound).
 */
public final class IngestFolder {

  private IngestFolder() {}

  public static void main(String[] args) {
    EngineConfig.Builder config = EngineConfig.builder(Path.of(args[0]));
    if (args.length > 2) {
      config.maxDocumentBytes(Long.parseLong(args[2]));
    }
    try (SoloEngine engine = SoloEngine.open(config.build())) {
      IngestSummary summary = engine.documents().ingest(IngestRequest.of(Path.of(args[1])));
      for (Document d : summary.ingested()) {
        System.out.println("INGESTED\t" + d.source());
      }
      for (SkippedFile s : summary.skipped()) {
        System.out.println(
            "SKIPPED\t" + s.source() + "\t" + s.code() + "\t" + s.reason().replaceAll("\\s", " "));
      }
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.println("MAX_HEAP\t" + Runtime.getRuntime().maxMemory());
      System.out.println("PEAK_HEAP\t" + peak);
      System.out.println("ELAPSED_MS\t" + summary.elapsed().toMillis());
    }
  }
}
