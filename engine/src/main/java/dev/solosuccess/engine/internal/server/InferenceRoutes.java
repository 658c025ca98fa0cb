package dev.solosuccess.engine.internal.server;

import static dev.solosuccess.engine.internal.server.ApiRoute.JSON;
import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import dev.solosuccess.sdk.Answer;
import dev.solosuccess.sdk.AnswerOptions;
import dev.solosuccess.sdk.Classification;
import dev.solosuccess.sdk.ClassifierReport;
import dev.solosuccess.sdk.ClassifierTraining;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.LimitExceededException;
import dev.solosuccess.sdk.ModelInfo;
import dev.solosuccess.sdk.Redaction;
import dev.solosuccess.sdk.RedactionOptions;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SearchResults;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.Summary;
import dev.solosuccess.sdk.ZeroShotResult;
import dev.solosuccess.sdk.internal.wire.WireMessages;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;

/**
 * Search and inference: {@code /api/v1/search}, {@code /embed}, {@code /summarize}, {@code
 * /classify}, {@code /classifiers}, {@code /redact}, {@code /answer}. Arguments go to the engine as
 * they arrive, so its checks and messages hold for remote callers. Stateless; thread-safe.
 */
final class InferenceRoutes {

  private final Function<Context, SoloClient> caller;
  private final int maxTopK;

  InferenceRoutes(Function<Context, SoloClient> caller, int maxTopK) {
    this.caller = caller;
    this.maxTopK = maxTopK;
  }

  private void checkTopK(String what, int asked) {
    if (asked > maxTopK) {
      throw new LimitExceededException(what + " must be at most " + maxTopK + " on this server, got "
          + asked, null, "maxTopK", maxTopK, asked);
    }
  }

  void addTo(List<ApiRoute> routes) {
    routes.add(new ApiRoute(POST, "/api/v1/search",
        "Lexical, semantic or hybrid search with filters; explanations per hit", JSON,
        SearchRequest.class, SearchResults.class, 200, List.of(),
        ctx -> {
          SearchRequest request = Calls.body(ctx, SearchRequest.class);
          checkTopK("limit", request.limit());
          Calls.reply(ctx, client(ctx).search().search(request));
        }));
    routes.add(new ApiRoute(GET, "/api/v1/embedding-model",
        "The embedding model of documents and queries", null, null, ModelInfo.class, 200,
        List.of(), ctx -> Calls.reply(ctx, client(ctx).inference().embeddingModel())));
    routes.add(new ApiRoute(POST, "/api/v1/embed",
        "Embeds texts as passages or queries, exactly as the engine embeds them", JSON,
        WireMessages.Embed.class, new TypeReference<List<Embedding>>() {}.getType(), 200,
        List.of(), ctx -> {
          WireMessages.Embed e = Calls.body(ctx, WireMessages.Embed.class);
          Calls.reply(ctx, client(ctx).inference().embedAll(
              e.texts(), e.kind() == null ? EmbeddingKind.PASSAGE : e.kind()));
        }));
    routes.add(new ApiRoute(POST, "/api/v1/summarize",
        "An extractive summary of a stored document", JSON, WireMessages.Summarize.class,
        Summary.class, 200, List.of(), ctx -> {
          WireMessages.Summarize s = Calls.body(ctx, WireMessages.Summarize.class);
          Calls.reply(ctx, client(ctx).inference().summarize(s.documentId(), s.sentences()));
        }));
    routes.add(new ApiRoute(POST, "/api/v1/classify/zero-shot",
        "Ranks labels by similarity to their descriptions, no training", JSON,
        WireMessages.ZeroShot.class, ZeroShotResult.class, 200, List.of(), ctx -> {
          WireMessages.ZeroShot z = Calls.body(ctx, WireMessages.ZeroShot.class);
          Calls.reply(ctx, client(ctx).inference().classifyZeroShot(z.text(), z.labels()));
        }));
    routes.add(new ApiRoute(POST, "/api/v1/classify", "Labels texts with a trained classifier",
        JSON, WireMessages.Classify.class, new TypeReference<List<Classification>>() {}.getType(),
        200, List.of(), ctx -> {
          WireMessages.Classify c = Calls.body(ctx, WireMessages.Classify.class);
          String name = c.classifier() == null ? ClassifierTraining.DEFAULT_NAME : c.classifier();
          Calls.reply(ctx, client(ctx).inference().classifyAll(name, c.texts()));
        }));
    routes.add(new ApiRoute(POST, "/api/v1/classifiers",
        "Trains (or replaces) a classifier on labelled texts", JSON, ClassifierTraining.class,
        ClassifierReport.class, 201, List.of(), ctx -> Calls.reply(ctx, 201,
            client(ctx).inference().trainClassifier(Calls.body(ctx, ClassifierTraining.class)))));
    routes.add(new ApiRoute(GET, "/api/v1/classifiers", "The trained classifiers, by name", null,
        null, new TypeReference<List<ClassifierReport>>() {}.getType(), 200, List.of(),
        ctx -> Calls.reply(ctx, client(ctx).inference().classifiers())));
    routes.add(new ApiRoute(DELETE, "/api/v1/classifiers/{name}", "Deletes a trained classifier",
        null, null, Void.class, 204, List.of(), ctx -> {
          client(ctx).inference().deleteClassifier(ctx.pathParam("name"));
          Calls.noContent(ctx);
        }));
    routes.add(new ApiRoute(POST, "/api/v1/redact",
        "Finds protected health information in a text and masks it", JSON,
        WireMessages.Redact.class, Redaction.class, 200, List.of(), ctx -> {
          WireMessages.Redact r = Calls.body(ctx, WireMessages.Redact.class);
          Calls.reply(ctx, client(ctx).inference().redact(
              r.text(), r.options() == null ? RedactionOptions.defaults() : r.options()));
        }));
    routes.add(new ApiRoute(POST, "/api/v1/answer",
        "Answers a question from the documents, with citations", JSON, WireMessages.Ask.class,
        Answer.class, 200, List.of(), ctx -> {
          WireMessages.Ask a = Calls.body(ctx, WireMessages.Ask.class);
          if (a.options() != null) {
            checkTopK("chunks", a.options().chunks());
          }
          Calls.reply(ctx, client(ctx).inference().answer(
              a.question(), a.options() == null ? AnswerOptions.defaults() : a.options()));
        }));
  }

  private SoloClient client(Context ctx) {
    return caller.apply(ctx);
  }
}
