package dev.solosuccess.sdk;

/**
 * A label and how well a text matches it.
 *
 * @param label the label's name
 * @param score cosine similarity between the text and the label's description, -1 to 1
 */
public record LabelScore(String label, double score) {}
