package dev.solosuccess.sdk;

/**
 * A file a batch ingestion did not store, and why.
 *
 * @param source the file's path
 * @param code a stable, machine-readable reason: {@link SoloException#code()} of the error
 * @param reason a message for people, naming the problem
 */
public record SkippedFile(String source, String code, String reason) {}
