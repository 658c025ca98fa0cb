package dev.solosuccess.sdk;

import java.time.Duration;

/**
 * How far a batch ingestion has come.
 *
 * @param done files finished (ingested, unchanged or skipped)
 * @param total files in the batch
 * @param chunks chunks stored so far
 * @param elapsed time since the batch started
 */
public record IngestProgress(int done, int total, int chunks, Duration elapsed) {}
