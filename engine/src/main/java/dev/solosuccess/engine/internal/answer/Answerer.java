package dev.solosuccess.engine.internal.answer;

import dev.solosuccess.engine.ChatReply;
import dev.solosuccess.engine.ChatRequest;
import dev.solosuccess.engine.LlmFallback;
import dev.solosuccess.engine.internal.Auditor;
import dev.solosuccess.engine.internal.llm.ChatWire;
import dev.solosuccess.engine.internal.llm.EgressRecorder;
import dev.solosuccess.engine.internal.model.Sha256;
import dev.solosuccess.engine.internal.store.HitRow;
import dev.solosuccess.sdk.Answer;
import dev.solosuccess.sdk.AnswerOptions;
import dev.solosuccess.sdk.Generation;
import dev.solosuccess.sdk.Grouping;
import dev.solosuccess.sdk.InvalidInputException;
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
 * against what was retrieved. Replies are cached by the SHA-256 of the request body. One per
 * caller ({@link AnswerParts#bind}): it searches as the caller and audits as the caller. Thread-safe.
 */
public final class Answerer {

  private final SearchService search;
  private final AnswerParts parts;
  private final EgressRecorder recorder;

  Answerer(SearchService search, AnswerParts parts, Auditor auditor) {
    this.search = search;
    this.parts = parts;
    // Every request that leaves the host: where, the hash of what, how it ended; never text.
    this.recorder =
        (host, sha, attempts, prompt, completion, outcome) ->
            auditor.append(
                "llm.request",
                Auditor.Entry.none()
                    .with("host", host)
                    .with("payloadSha256", sha)
                    .with("attempts", attempts)
                    .with("promptTokens", prompt)
                    .with("completionTokens", completion),
                outcome);
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
    Extractive.Result local = parts.extractive().answer(question, retrieved, options.sentences());
    boolean generate =
        parts.chat() != null
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
    Map<String, HitRow> rows = parts.store().hitRows(hits.stream().map(SearchHit::chunkId).toList());
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
    LlmFallback fallback = parts.fallback();
    var chat = parts.chat();
    boolean redact = fallback.egress().redactPhi();
    List<String> sources = retrieved.stream().map(r -> r.chunk().text()).toList();
    String asked = question;
    if (redact) {
      Payload.Texts sent = Payload.redact(parts.deidentifier(), parts.redaction(), question, sources);
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
    ChatReply reply = parts.cache().get(key).orElse(null);
    boolean cached = reply != null;
    if (reply == null) {
      reply = chat.send(request, fallback.streaming() ? delta -> {} : null, recorder);
      parts.cache().put(key, chat.model(), reply, documents);
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

}
