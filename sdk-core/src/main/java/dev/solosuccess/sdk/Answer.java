package dev.solosuccess.sdk;

import java.util.List;

/**
 * The answer to a question over the ingested documents.
 *
 * <p>An extractive answer ({@link #generated()} false) is made of the retrieved sentences that best
 * support the question, each cited. A generated answer comes from the chat model of the LLM
 * fallback, given the question and the numbered retrieved chunks; its citations are the chunks it
 * cited that were in fact retrieved, and it carries no URL that is not in those chunks.
 *
 * @param question the question as asked
 * @param text the answer; empty when nothing relevant was retrieved
 * @param confidence how well the best retrieved sentence supports the question, 0 to 1 (see {@link
 *     AnswerOptions#threshold()}); for a generated answer, the confidence of the extractive answer
 *     it replaced
 * @param citations the sources of the answer, in the order of their markers
 * @param generated whether the text came from the chat model
 * @param model the chat model that wrote the text, or null for an extractive answer
 */
public record Answer(
    String question,
    String text,
    double confidence,
    List<Citation> citations,
    boolean generated,
    String model) {

  public Answer {
    citations = List.copyOf(citations);
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in 0..1, got " + confidence);
    }
  }
}
