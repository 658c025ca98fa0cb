package dev.solosuccess.engine.internal.llm;

import dev.solosuccess.engine.ChatMessage;
import dev.solosuccess.engine.ChatReply;
import dev.solosuccess.engine.ChatRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI Chat Completions wire format: the request body, a whole reply, and the chunks of a
 * streamed one. Stateless; thread-safe.
 */
public final class ChatWire {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ChatWire() {}

  /**
   * The request body. Deterministic for equal requests (the response cache and the audit's payload
   * hash rely on it); temperature 0, since an answer should not change between two identical
   * questions.
   */
  public static byte[] requestBody(String model, ChatRequest request, int maxTokens, boolean stream) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage m : request.messages()) {
      messages.addObject().put("role", m.role().wireName()).put("content", m.content());
    }
    body.put("max_tokens", request.maxTokens() > 0 ? request.maxTokens() : maxTokens);
    body.put("temperature", 0);
    if (stream) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    }
    return JSON.writeValueAsBytes(body);
  }

  /** Thrown for a reply that is not a Chat Completions response; never quotes the reply. */
  static final class MalformedReply extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedReply(String what) {
      super(what);
    }
  }

  /** A whole (non-streamed) reply. */
  static ChatReply reply(byte[] body, String requestedModel) throws MalformedReply {
    JsonNode root = parse(body);
    JsonNode content = root.path("choices").path(0).path("message").path("content");
    if (!content.isString()) {
      throw new MalformedReply("it has no choices[0].message.content string");
    }
    return new ChatReply(
        content.asString(),
        root.path("model").asString(requestedModel),
        root.path("usage").path("prompt_tokens").asInt(-1),
        root.path("usage").path("completion_tokens").asInt(-1),
        false);
  }

  /** One {@code data:} event of a streamed reply. */
  record Chunk(String delta, String model, int promptTokens, int completionTokens) {}

  static Chunk chunk(String data) throws MalformedReply {
    JsonNode root = parse(data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (!root.isObject()) {
      throw new MalformedReply("a streamed event is not a JSON object");
    }
    JsonNode delta = root.path("choices").path(0).path("delta").path("content");
    JsonNode usage = root.path("usage");
    return new Chunk(
        delta.isString() ? delta.asString() : "",
        root.path("model").isString() ? root.path("model").asString() : null,
        usage.path("prompt_tokens").asInt(-1),
        usage.path("completion_tokens").asInt(-1));
  }

  private static JsonNode parse(byte[] body) throws MalformedReply {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      // The parser's message quotes the input, which may echo what was sent: not repeated.
      throw new MalformedReply("it is not valid JSON");
    }
  }
}
