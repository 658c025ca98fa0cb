package dev.solosuccess.engine.internal.store;

/**
 * One entry of the change log: every write to a document, in commit order. Derived stores replay the
 * entries after the last sequence they applied.
 *
 * @param sequence strictly increasing, in commit order
 * @param documentId the document written
 * @param deleted whether the change deleted it (a tombstone)
 */
public record Change(long sequence, String documentId, boolean deleted) {}
