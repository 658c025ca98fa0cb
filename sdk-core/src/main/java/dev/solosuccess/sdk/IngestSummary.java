package dev.solosuccess.sdk;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a batch ingestion.
 *
 * @param ingested documents stored (new or replaced), in the order they were stored
 * @param unchanged documents whose stored content was already identical
 * @param skipped files not stored, with reasons
 * @param duplicates files whose content another source already holds; a kept duplicate is also
 *     in {@code ingested}
 * @param chunks chunks stored by this batch
 * @param truncatedChunks chunks longer than the model's input, embedded from their beginning only
 *     (the built-in chunkers never produce one; a non-zero count means text was not fully embedded)
 * @param cachedChunks chunks whose vectors did not need a model run: found in the engine's
 *     embedding cache (embedded before with the same text and model), or equal to another chunk of
 *     the same embedding call
 * @param stages time spent in each stage, summed over the threads that ran it (parsing runs on
 *     several threads, so the sum may exceed {@code elapsed})
 * @param elapsed wall time of the batch
 */
public record IngestSummary(
    List<Document> ingested,
    List<Document> unchanged,
    List<SkippedFile> skipped,
    List<DuplicateFile> duplicates,
    int chunks,
    int truncatedChunks,
    int cachedChunks,
    Map<IngestStage, Duration> stages,
    Duration elapsed) {

  public IngestSummary {
    ingested = List.copyOf(ingested);
    unchanged = List.copyOf(unchanged);
    skipped = List.copyOf(skipped);
    duplicates = List.copyOf(duplicates);
    EnumMap<IngestStage, Duration> all = new EnumMap<>(IngestStage.class);
    for (IngestStage s : IngestStage.values()) {
      all.put(s, stages.getOrDefault(s, Duration.ZERO));
    }
    stages = Collections.unmodifiableMap(all);
  }

  /**
   * Documents considered: ingested, unchanged, skipped and duplicates that were skipped. An archive
   * counts once per entry.
   */
  public int files() {
    return ingested.size() + unchanged.size() + skipped.size()
        + (int) duplicates.stream().filter(d -> !d.kept()).count();
  }
}
