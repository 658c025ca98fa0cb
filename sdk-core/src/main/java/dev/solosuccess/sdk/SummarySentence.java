package dev.solosuccess.sdk;

/**
 * A sentence picked for an extractive summary.
 *
 * @param text the sentence as it stands in the document's extracted text
 * @param startOffset its first character in {@link DocumentService#text(String)}
 * @param endOffset one past its last character
 * @param score its centrality: cosine similarity to the centroid of the document's sentences
 */
public record SummarySentence(String text, int startOffset, int endOffset, double score) {}
