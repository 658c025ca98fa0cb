package dev.solosuccess.engine.internal.answer;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.LlmFallback;
import dev.solosuccess.engine.internal.Auditor;
import dev.solosuccess.engine.internal.llm.ChatCache;
import dev.solosuccess.engine.internal.llm.EgressRecorder;
import dev.solosuccess.engine.internal.llm.OpenAiChatModel;
import dev.solosuccess.engine.internal.model.EmbeddingModel;
import dev.solosuccess.engine.internal.phi.Deidentifier;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.RedactionOptions;
import dev.solosuccess.sdk.SearchService;
import java.util.function.Consumer;

/**
 * What every caller's {@link Answerer} shares: the store (chunk text), the extractive scorer, the
 * redactor and its options, and, when an LLM fallback is configured, its chat client (one
 * connection pool) and reply cache. Immutable and thread-safe.
 *
 * @param chat the fallback's client, or null when none is configured
 * @param fallback its configuration, null with {@code chat}
 */
public record AnswerParts(
    MetadataStore store,
    Extractive extractive,
    Deidentifier deidentifier,
    RedactionOptions redaction,
    OpenAiChatModel chat,
    LlmFallback fallback,
    ChatCache cache) {

  /** Most replies the chat cache keeps: a year of questions for a small team. */
  static final long CHAT_CACHE_ENTRIES = 100_000;

  /**
   * The parts of an engine: with the configured fallback's chat client, registered with {@code
   * resources} to be closed with the engine.
   */
  public static AnswerParts open(
      EngineConfig config,
      MetadataStore store,
      EmbeddingModel model,
      Deidentifier deidentifier,
      Consumer<AutoCloseable> resources) {
    LlmFallback fallback = config.llmFallback().orElse(null);
    if (fallback == null) {
      return new AnswerParts(
          store, new Extractive(model), deidentifier, config.phiRedaction(), null, null,
          ChatCache.NONE);
    }
    if (!fallback.egress().allows(fallback.host())) { // build() checked it already
      throw new InvalidInputException(
          "the egress policy does not allow host '" + fallback.host() + "'");
    }
    OpenAiChatModel chat = OpenAiChatModel.create(fallback, EgressRecorder.NONE);
    resources.accept(chat);
    return new AnswerParts(
        store, new Extractive(model), deidentifier, config.phiRedaction(), chat, fallback,
        fallback.cacheResponses() ? store.chatCache(CHAT_CACHE_ENTRIES) : ChatCache.NONE);
  }

  /** The answerer of one caller: searching through its search, auditing as it. */
  public Answerer bind(SearchService search, Auditor auditor) {
    return new Answerer(search, this, auditor);
  }
}
