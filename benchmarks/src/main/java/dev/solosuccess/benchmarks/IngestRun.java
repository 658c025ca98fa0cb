package dev.solosuccess.benchmarks;

import dev.solosuccess.sdk.IngestStage;
import dev.solosuccess.sdk.IngestSummary;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One timed batch ingest and what it was given, with the figures derived from it.
 *
 * <p>READ, PARSE and CHUNK run on the engine's parse threads, in parallel with the ingest thread,
 * and are summed over those threads; EMBED, STORE and INDEX run one after another on the ingest
 * thread. The ingest thread's remaining wall time ({@link #ingestThreadOtherSeconds()}) is what it
 * spent waiting for parsed documents, walking the folder and telling the listener.
 *
 * @param corpus {@code scifact} or {@code mixed}
 * @param input what the folder held, in words
 * @param files files in the folder
 * @param bytes their size on disk
 * @param formats files per extension
 * @param setupSeconds writing the folder (not part of the measurement)
 * @param openSeconds opening the engine on a fresh data folder (not part of the measurement)
 * @param parseThreads the engine's parse threads
 * @param summary what the engine reported; its {@code elapsed()} is the measured wall time
 * @param loadBefore one-minute load average before the ingest (-1 where unknown)
 * @param loadAfter one-minute load average after it
 * @param modelAloneSeconds the same chunks embedded again through the public API, nothing else
 *     running, in groups like the ingest's; -1 when not measured
 */
record IngestRun(
    String corpus,
    String input,
    int files,
    long bytes,
    Map<String, Integer> formats,
    double setupSeconds,
    double openSeconds,
    int parseThreads,
    IngestSummary summary,
    double loadBefore,
    double loadAfter,
    double modelAloneSeconds) {

  /** The stages that run on the parse threads. */
  static final Set<IngestStage> PARSE_THREAD_STAGES =
      EnumSet.of(IngestStage.READ, IngestStage.PARSE, IngestStage.CHUNK);

  /** The target: embedding takes at least this share of the ingest wall time. */
  static final double TARGET_EMBED_SHARE = 0.85;

  double wallSeconds() {
    return summary.elapsed().toNanos() / 1e9;
  }

  int documents() {
    return summary.ingested().size();
  }

  double documentsPerSecond() {
    return documents() / wallSeconds();
  }

  double chunksPerSecond() {
    return summary.chunks() / wallSeconds();
  }

  double seconds(IngestStage stage) {
    return summary.stages().get(stage).toNanos() / 1e9;
  }

  double share(IngestStage stage) {
    return seconds(stage) / wallSeconds();
  }

  double embedShare() {
    return share(IngestStage.EMBED);
  }

  /** Everything that is not the model, relative to the model: (wall − embed) / embed. */
  double otherOverEmbed() {
    double embed = seconds(IngestStage.EMBED);
    return (wallSeconds() - embed) / embed;
  }

  boolean targetMet() {
    return embedShare() >= TARGET_EMBED_SHARE;
  }

  /** Wall time of the ingest thread outside EMBED, STORE and INDEX. */
  double ingestThreadOtherSeconds() {
    return wallSeconds() - seconds(IngestStage.EMBED) - seconds(IngestStage.STORE)
        - seconds(IngestStage.INDEX);
  }

  /** How busy the parse threads were: their summed stage time over their summed wall time. */
  double parseThreadsBusy() {
    double busy = 0;
    for (IngestStage s : PARSE_THREAD_STAGES) {
      busy += seconds(s);
    }
    return busy / (wallSeconds() * parseThreads);
  }

  boolean hasModelAlone() {
    return modelAloneSeconds >= 0;
  }

  /** Ingest wall time over the model alone on the same chunks, minus one. */
  double overModelAlone() {
    return wallSeconds() / modelAloneSeconds - 1;
  }
}
