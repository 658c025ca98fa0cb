package dev.solosuccess.engine;

import dev.solosuccess.sdk.InvalidInputException;
import java.util.List;

/**
 * What is sent to a {@link ChatModel}.
 *
 * @param messages the chat so far, at least one message
 * @param maxTokens the most tokens of the reply ({@code max_tokens}), or 0 for the model's
 *     configured default ({@link LlmFallback#maxTokens()})
 */
public record ChatRequest(List<ChatMessage> messages, int maxTokens) {

  public ChatRequest {
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new InvalidInputException("a chat request needs at least one message");
    }
    if (maxTokens < 0) {
      throw new InvalidInputException("maxTokens must be >= 0, got " + maxTokens);
    }
  }

  public static ChatRequest of(ChatMessage... messages) {
    return new ChatRequest(List.of(messages), 0);
  }

  @Override
  public String toString() {
    return "ChatRequest[" + messages.size() + " messages, maxTokens " + maxTokens + "]";
  }
}
