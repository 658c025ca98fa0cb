package dev.solosuccess.engine;

import java.util.function.Consumer;

/**
 * A chat model: messages in, a reply out. The engine's LLM fallback talks to one through the OpenAI
 * Chat Completions wire format ({@link #openAi(LlmFallback)}), which OpenAI, Azure OpenAI, vLLM,
 * Ollama and llama.cpp servers all speak.
 *
 * <p>Implementations are thread-safe. What they send is exactly what the request holds: redaction
 * and the egress policy are the caller's business (the engine's answer path applies them).
 *
 * <pre>{@code
 * ChatModel gpt = ChatModel.openAi(LlmFallback.builder(URI.create("https://api.openai.com/v1"),
 *     EgressPolicy.allowing("api.openai.com")).build());
 * ChatReply r = gpt.chat(ChatRequest.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi")));
 * }</pre>
 */
public interface ChatModel {

  /** The model name sent with each request, such as {@code gpt-4o}. */
  String model();

  /**
   * Sends the request and waits for the whole reply.
   *
   * @throws dev.solosuccess.sdk.UpstreamException if the server fails after the configured
   *     retries, or replies with something unusable
   */
  ChatReply chat(ChatRequest request);

  /**
   * Sends the request and hands each piece of the reply to {@code deltas} as it arrives (server-sent
   * events), then returns the whole reply. The default sends one piece, the whole reply.
   *
   * @throws dev.solosuccess.sdk.UpstreamException as {@link #chat}
   */
  default ChatReply stream(ChatRequest request, Consumer<String> deltas) {
    ChatReply reply = chat(request);
    deltas.accept(reply.text());
    return reply;
  }

  /**
   * A client of an OpenAI-compatible Chat Completions endpoint, with the retries, timeouts, size
   * cap and token limit of {@code config}. It holds a connection pool: share it. No response cache
   * (the engine adds its own in the data folder) and no audit (the engine audits its calls).
   */
  static ChatModel openAi(LlmFallback config) {
    return dev.solosuccess.engine.internal.llm.OpenAiChatModel.create(
        config, dev.solosuccess.engine.internal.llm.EgressRecorder.NONE);
  }
}
