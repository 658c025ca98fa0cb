package dev.solosuccess.sdk;

/**
 * An embedding model as the engine runs it.
 *
 * @param id the model's name, such as {@code all-minilm-l6-v2}
 * @param dimension the length of its vectors
 * @param maxTokens the most word pieces it reads, special tokens included; longer input is truncated
 */
public record ModelInfo(String id, int dimension, int maxTokens) {}
