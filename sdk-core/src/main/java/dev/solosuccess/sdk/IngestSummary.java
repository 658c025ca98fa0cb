package dev.solosuccess.sdk;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a batch ingestion.
 *
 * @param ingested documents stored (new or replaced), in the order they were stored
 * @param unchanged documents whose stored content was already identical
 * @param skipped files not stored, with reasons
 * @param chunks chunks stored by this batch
 * @param elapsed wall time of the batch
 */
public record IngestSummary(
    List<Document> ingested,
    List<Document> unchanged,
    List<SkippedFile> skipped,
    int chunks,
    Duration elapsed) {

  public IngestSummary {
    ingested = List.copyOf(ingested);
    unchanged = List.copyOf(unchanged);
    skipped = List.copyOf(skipped);
  }

  /** Files considered: ingested, unchanged and skipped. */
  public int files() {
    return ingested.size() + unchanged.size() + skipped.size();
  }
}
