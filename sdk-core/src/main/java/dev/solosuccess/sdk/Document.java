package dev.solosuccess.sdk;

import java.time.Instant;

/**
 * A stored document: what was ingested, not its text (see {@link DocumentService#chunks(String)}).
 *
 * @param id stable identifier: given by the caller, or derived from the source
 * @param source where the document came from: an absolute file path, or the name the caller gave
 * @param mediaType the detected format, such as {@code text/markdown} or {@code application/pdf}
 * @param sha256 hex SHA-256 of the source bytes
 * @param metadata the caller's key-value pairs
 * @param extracted what the parser found in the document itself, such as {@code title}, {@code
 *     author}, {@code created}, {@code content_type} and {@code language}; search filters match
 *     the merge of both, the caller's winning on equal keys
 * @param characters length of the extracted text
 * @param pages page count, or 0 for formats without pages
 * @param chunks number of chunks
 * @param sequence the store's sequence number of the change that wrote this version
 * @param ingestedAt when this version was stored
 */
public record Document(
    String id,
    String source,
    String mediaType,
    String sha256,
    Metadata metadata,
    Metadata extracted,
    int characters,
    int pages,
    int chunks,
    long sequence,
    Instant ingestedAt) {}
