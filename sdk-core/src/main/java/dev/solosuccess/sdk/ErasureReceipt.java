package dev.solosuccess.sdk;

import java.time.Duration;
import java.util.List;

/**
 * What an erasure removed: the documents, their chunks with text and vectors from the store and
 * the index (whose segments holding them were rewritten), their cached vectors, and the audit
 * entry that records it. The store's file is rewritten when the engine closes, so that no page of
 * the erased rows stays in it.
 *
 * @param documentIds the documents erased
 * @param chunks chunks removed from the store and the index
 * @param cacheEntries cached vectors removed
 * @param auditSequence the sequence number of the audit entry of this erasure
 * @param took how long it took
 */
public record ErasureReceipt(
    List<String> documentIds, long chunks, long cacheEntries, long auditSequence, Duration took) {

  public ErasureReceipt {
    documentIds = List.copyOf(documentIds);
  }
}
