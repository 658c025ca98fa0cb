package dev.solosuccess.sdk;

import java.util.List;

/**
 * An extractive summary: the document's most central sentences, in document order.
 *
 * @param documentId the summarized document
 * @param sentences the picked sentences, in the order they appear in the document
 * @param candidates how many sentences of the document were considered
 */
public record Summary(String documentId, List<SummarySentence> sentences, int candidates) {

  public Summary {
    sentences = List.copyOf(sentences);
  }

  /** The sentences joined by spaces. */
  public String text() {
    return String.join(" ", sentences.stream().map(SummarySentence::text).toList());
  }
}
