package dev.solosuccess.engine.internal.answer;

import dev.solosuccess.engine.ChatModel;
import dev.solosuccess.engine.ChatReply;
import dev.solosuccess.engine.ChatRequest;
import dev.solosuccess.engine.LlmFallback;
import dev.solosuccess.engine.internal.Auditor;
import dev.solosuccess.engine.internal.llm.ChatCache;
import dev.solosuccess.engine.internal.llm.ChatWire;
import dev.solosuccess.engine.internal.model.EmbeddingModel;
import dev.solosuccess.engine.internal.model.Sha256;
import dev.solosuccess.engine.internal.phi.Deidentifier;
import dev.solosuccess.engine.internal.store.HitRow;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.sdk.Answer;
import dev.solosuccess.sdk.AnswerOptions;
import dev.solosuccess.sdk.Generation;
import dev.solosuccess.sdk.Grouping;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.RedactionOptions;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SearchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers questions: hybrid retrieval through the engine's {@link SearchService} (so every limit
 * on the caller's searches limits the context too), an {@link Extractive} answer with its
 * confidence, and, when asked for and configured, a generated answer from the chat model given the
 * (redacted) question and numbered chunks, its citations and URLs {@link Citations checked}
 * against what was retrieved. Replies are cached by the SHA-256 of the request body. Thread-safe.
 */
public final class Answerer {

  private final SearchService search;
  private final MetadataStore store;
  private final Extractive extractive;
  private final Deidentifier deidentifier;
  private final RedactionOptions redaction;
  private final ChatModel chat; // null: no fallback configured
  private final LlmFallback fallback; // null with chat
  private final ChatCache cache;

  public Answerer(
      SearchService search,
      MetadataStore store,
      EmbeddingModel model,
      Deidentifier deidentifier,
      RedactionOptions redaction,
      ChatModel chat,
      LlmFallback fallback,
      ChatCache cache) {
    this.search = search;
    this.store = store;
    this.extractive = new Extractive(model);
    this.deidentifier = deidentifier;
    this.redaction = redaction;
    this.chat = chat;
    this.fallback = fallback;
    this.cache = cache;
  }

  /** Most replies the chat cache keeps: a year of questions for a small team. */
  static final long CHAT_CACHE_ENTRIES = 100_000;

  /**
   * The answerer of an engine: with the configured fallback's chat model (registered with {@code
   * resources} to be closed with the engine), whose every request is audited as {@code
   * llm.request} (host, payload hash, attempts, token counts, outcome; never text).
   */
  public static Answerer open(
      dev.solosuccess.engine.EngineConfig config,
      SearchService search,
      MetadataStore store,
      EmbeddingModel model,
      Deidentifier deidentifier,
      Auditor auditor,
      java.util.function.Consumer<AutoCloseable> resources) {
    LlmFallback fallback = config.llmFallback().orElse(null);
    if (fallback == null) {
      return new Answerer(
          search, store, model, deidentifier, config.phiRedaction(), null, null, ChatCache.NONE);
    }
    if (!fallback.egress().allows(fallback.host())) { // built() checks it; a config is final
      throw new InvalidInputException(
          "the egress policy does not allow host '" + fallback.host() + "'");
    }
    var chat =
        dev.solosuccess.engine.internal.llm.OpenAiChatModel.create(
            fallback,
            (host, sha, attempts, prompt, completion, outcome) ->
                auditor.append(
                    "llm.request",
                    Auditor.Entry.none()
                        .with("host", host)
                        .with("payloadSha256", sha)
                        .with("attempts", attempts)
                        .with("promptTokens", prompt)
                        .with("completionTokens", completion),
                    outcome));
    resources.accept(chat);
    return new Answerer(
        search, store, model, deidentifier, config.phiRedaction(), chat, fallback,
        fallback.cacheResponses() ? store.chatCache(CHAT_CACHE_ENTRIES) : ChatCache.NONE);
  }

  /** The answer and what the audit entry of the call records about it. */
  public record Outcome(Answer answer, List<String> documents, String payloadSha256, boolean cached) {}

  public Outcome answer(String question, AnswerOptions options) {
    if (question == null || question.isBlank()) {
      throw new InvalidInputException("the question must not be blank");
    }
    if (question.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new InvalidInputException(
          "the question must be at most " + SearchRequest.MAX_QUERY_LENGTH + " characters, got "
              + question.length());
    }
    List<Retrieved> retrieved = retrieve(question, options);
    List<String> documents =
        retrieved.stream().map(r -> r.chunk().documentId()).distinct().toList();
    if (retrieved.isEmpty()) {
      return new Outcome(new Answer(question, "", 0, List.of(), false, null), documents, "", false);
    }
    Extractive.Result local = extractive.answer(question, retrieved, options.sentences());
    boolean generate =
        chat != null
            && (options.generation() == Generation.ALWAYS
                || (options.generation() == Generation.WHEN_UNSURE
                    && local.confidence() < options.threshold()));
    if (!generate) {
      String text = String.join(" ", local.picked().stream().map(s -> oneLine(s.text())).toList());
      return new Outcome(
          new Answer(
              question, text, local.confidence(), Extractive.citations(local.picked()), false,
              null),
          documents, "", false);
    }
    return generated(question, retrieved, local.confidence(), documents);
  }

  private List<Retrieved> retrieve(String question, AnswerOptions options) {
    List<SearchHit> hits =
        search
            .search(
                SearchRequest.builder(question)
                    .mode(SearchMode.HYBRID)
                    .grouping(Grouping.CHUNK)
                    .limit(options.chunks())
                    .filter(options.filter())
                    .build())
            .hits();
    Map<String, HitRow> rows = store.hitRows(hits.stream().map(SearchHit::chunkId).toList());
    List<Retrieved> out = new ArrayList<>();
    for (SearchHit h : hits) {
      HitRow row = rows.get(h.chunkId());
      if (row != null) { // deleted between the search and now
        out.add(new Retrieved(out.size() + 1, row.chunk(), h.source()));
      }
    }
    return out;
  }

  private Outcome generated(
      String question, List<Retrieved> retrieved, double confidence, List<String> documents) {
    boolean redact = fallback.egress().redactPhi();
    List<String> sources = retrieved.stream().map(r -> r.chunk().text()).toList();
    String asked = question;
    if (redact) {
      Payload.Texts sent = Payload.redact(deidentifier, redaction, question, sources);
      asked = sent.question();
      sources = sent.sources();
    }
    ChatRequest request = Prompt.build(asked, sources);
    // The key is the body without streaming: a streamed and a whole reply are the same reply.
    byte[] key =
        Sha256.digest()
            .digest(ChatWire.requestBody(chat.model(), request, fallback.maxTokens(), false));
    String sent =
        Sha256.hex(
            ChatWire.requestBody(chat.model(), request, fallback.maxTokens(), fallback.streaming()));
    ChatReply reply = fallback.cacheResponses() ? cache.get(key).orElse(null) : null;
    boolean cached = reply != null;
    if (reply == null) {
      reply = fallback.streaming() ? chat.stream(request, delta -> {}) : chat.chat(request);
      if (fallback.cacheResponses()) {
        cache.put(key, chat.model(), reply, documents);
      }
    }
    Citations.Checked checked = Citations.check(reply.text(), retrieved);
    return new Outcome(
        new Answer(question, checked.text(), confidence, checked.citations(), true, reply.model()),
        documents, sent, cached);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** The audit detail of an answer: counts and hashes, never the question or the text. */
  public static Auditor.Entry describe(Outcome o) {
    Auditor.Entry e =
        Auditor.Entry.of(o.documents())
            .with("citations", o.answer().citations().size())
            .with("generated", o.answer().generated() ? 1 : 0);
    if (o.answer().generated()) {
      e.with("model", o.answer().model()).with("payloadSha256", o.payloadSha256())
          .with("cached", o.cached() ? 1 : 0);
    }
    return e;
  }

  /** Whether a chat model is configured. */
  public boolean hasFallback() {
    return chat != null;
  }
}
