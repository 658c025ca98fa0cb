package dev.solosuccess.sdk;

/** When {@link InferenceService#answer} asks the chat model of the LLM fallback. */
public enum Generation {
  /** Never: the answer is extractive, however low its confidence. */
  NEVER,
  /** When the extractive answer's confidence is under the threshold and a fallback is configured. */
  WHEN_UNSURE,
  /** Always, when a fallback is configured; otherwise the answer stays extractive. */
  ALWAYS
}
