package dev.solosuccess.engine;

import dev.solosuccess.sdk.InvalidInputException;

/**
 * A document retrieved for a query, as a line of a TREC run.
 *
 * @param documentId the document's id in the test collection
 * @param score the retrieval score; higher is better. Evaluation reads it as {@code trec_eval}
 *     does, as a 32-bit float
 */
public record RankedDocument(String documentId, double score) {

  public RankedDocument {
    if (documentId == null || documentId.isBlank()) {
      throw new InvalidInputException("documentId must not be blank");
    }
    if (!Double.isFinite(score)) {
      throw new InvalidInputException(
          "score of " + documentId + " must be finite, got " + score);
    }
  }
}
