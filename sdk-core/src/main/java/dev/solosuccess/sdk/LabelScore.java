package dev.solosuccess.sdk;

/**
 * A label and how well a text matches it.
 *
 * @param label the label's name
 * @param score for zero-shot classification ({@link ZeroShotResult}), the cosine similarity between
 *     the text and the label's description, -1 to 1; for a trained classifier ({@link
 *     Classification}), the probability of the label, 0 to 1
 */
public record LabelScore(String label, double score) {}
