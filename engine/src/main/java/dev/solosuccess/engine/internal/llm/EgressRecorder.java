package dev.solosuccess.engine.internal.llm;

/**
 * Told of every call that sent a request off the host, once per call (after its retries): where
 * it went, the SHA-256 of the exact body sent, the token counts the server reported, and how it
 * ended. Never the text. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface EgressRecorder {

  /**
   * @param host the destination host
   * @param payloadSha256 hex SHA-256 of the request body
   * @param attempts how many HTTP requests were made (1 + retries)
   * @param promptTokens tokens of the request as the server counted them, or -1
   * @param completionTokens tokens of the reply, or -1
   * @param outcome {@code ok}, or the code of the failure ({@code upstream-unavailable} ...)
   */
  void sent(
      String host,
      String payloadSha256,
      int attempts,
      int promptTokens,
      int completionTokens,
      String outcome);

  EgressRecorder NONE = (host, sha, attempts, prompt, completion, outcome) -> {};
}
