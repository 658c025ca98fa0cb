package dev.solosuccess.sdk;

/**
 * A file whose content is identical (same SHA-256) to a document stored under another source.
 *
 * @param source the file
 * @param originalId the document that already holds the content
 * @param originalSource that document's source
 * @param kept whether the file was stored anyway, as a document of its own (its chunks and vectors
 *     copied, nothing re-embedded), or skipped
 */
public record DuplicateFile(String source, String originalId, String originalSource, boolean kept) {}
