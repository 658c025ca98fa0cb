package dev.solosuccess.engine;

import dev.solosuccess.sdk.InvalidInputException;
import java.util.Objects;

/**
 * One message of a chat.
 *
 * @param role who speaks
 * @param content what is said
 */
public record ChatMessage(Role role, String content) {

  /** The roles of the Chat Completions format. */
  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT;

    /** The name on the wire: {@code system}, {@code user}, {@code assistant}. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ChatMessage {
    Objects.requireNonNull(role, "role");
    if (content == null) {
      throw new InvalidInputException("the content of a " + role.wireName() + " message is null");
    }
  }

  public static ChatMessage system(String content) {
    return new ChatMessage(Role.SYSTEM, content);
  }

  public static ChatMessage user(String content) {
    return new ChatMessage(Role.USER, content);
  }

  @Override
  public String toString() {
    // The content may hold what was retrieved from documents: never in logs.
    return "ChatMessage[" + role.wireName() + ", " + content.length() + " characters]";
  }
}
