package dev.solosuccess.engine;

/**
 * What ingestion does with a file whose content (SHA-256) is already stored under another source.
 * Either way the duplicate is reported in the batch summary.
 */
public enum DuplicatePolicy {
  /**
   * Store it as a document of its own, copying the original's chunks and vectors (nothing is parsed
   * or embedded again), so a search filtered on its own metadata or source still finds it. The
   * default: nothing the caller asked for goes missing.
   */
  KEEP,
  /** Do not store it; searches return the original only. */
  SKIP
}
