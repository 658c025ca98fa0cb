package dev.solosuccess.engine;

/**
 * A chat model's reply.
 *
 * @param text the reply
 * @param model the model that answered, as the server names it
 * @param promptTokens the tokens the server counted in the request ({@code usage}), or -1 if it
 *     did not say
 * @param completionTokens the tokens of the reply, or -1 if the server did not say
 * @param cached whether the reply came from the engine's response cache (nothing was sent)
 */
public record ChatReply(
    String text, String model, int promptTokens, int completionTokens, boolean cached) {

  /** This reply, marked as read from the cache. */
  public ChatReply fromCache() {
    return new ChatReply(text, model, promptTokens, completionTokens, true);
  }

  @Override
  public String toString() {
    return "ChatReply[" + model + ", " + text.length() + " characters, tokens " + promptTokens
        + "/" + completionTokens + (cached ? ", cached" : "") + "]";
  }
}
