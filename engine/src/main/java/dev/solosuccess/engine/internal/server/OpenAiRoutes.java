package dev.solosuccess.engine.internal.server;

import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LimitExceededException;
import dev.solosuccess.sdk.ModelInfo;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.SoloClient;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI-compatible {@code POST /v1/embeddings} and {@code GET /v1/models}, in OpenAI's documented
 * wire format, so that existing OpenAI clients embed with the engine's local model. The vectors
 * are exactly the SDK's {@code inference().embedAll(texts)} (passages); {@code usage} counts the
 * word pieces the model read. The one model is the engine's embedding model; another name is a
 * 404. Token-array inputs are refused (the tokenizer is the engine's business).
 *
 * <p>Stateless apart from its collaborators; thread-safe.
 */
final class OpenAiRoutes {

  /** Inputs per request at most, as OpenAI allows. */
  static final int MAX_INPUTS = 2_048;

  private final Function<Context, SoloClient> caller;
  private final ToIntFunction<String> passageTokens;
  private final long createdEpochSecond;

  OpenAiRoutes(
      Function<Context, SoloClient> caller,
      ToIntFunction<String> passageTokens,
      long createdEpochSecond) {
    this.caller = caller;
    this.passageTokens = passageTokens;
    this.createdEpochSecond = createdEpochSecond;
  }

  void register(RoutesConfig routes) {
    routes.post("/v1/embeddings", this::embeddings, Access.API_KEY);
    routes.get("/v1/models", this::models, Access.API_KEY);
    routes.get("/v1/models/{model}", this::model, Access.API_KEY);
  }

  private void models(Context ctx) {
    ModelInfo m = caller.apply(ctx).inference().embeddingModel();
    ctx.json(Map.of("object", "list", "data", List.of(modelObject(m.id()))));
  }

  private void model(Context ctx) {
    ModelInfo m = caller.apply(ctx).inference().embeddingModel();
    String asked = ctx.pathParam("model");
    if (!asked.equals(m.id())) {
      throw new NotFoundException("model", asked);
    }
    ctx.json(modelObject(m.id()));
  }

  private Map<String, Object> modelObject(String id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("object", "model");
    m.put("created", createdEpochSecond);
    m.put("owned_by", "solosuccess");
    return m;
  }

  private void embeddings(Context ctx) {
    JsonNode body = RequestBodies.object(ctx);
    SoloClient client = caller.apply(ctx);
    ModelInfo model = client.inference().embeddingModel();
    JsonNode modelNode = body.get("model");
    if (modelNode == null || !modelNode.isString()) {
      throw new InvalidInputException("'model' is required: this server has " + model.id());
    }
    if (!modelNode.asString().equals(model.id())) {
      throw new NotFoundException("model", modelNode.asString());
    }
    String format = body.has("encoding_format") ? body.get("encoding_format").asString() : "float";
    if (!format.equals("float") && !format.equals("base64")) {
      throw new InvalidInputException(
          "'encoding_format' must be float or base64, got '" + format + "'");
    }
    if (body.has("dimensions") && body.get("dimensions").asInt() != model.dimension()) {
      throw new InvalidInputException(
          "'dimensions' must be " + model.dimension() + " for " + model.id() + ", got "
              + body.get("dimensions"));
    }
    List<String> texts = inputs(body.get("input"));
    List<Embedding> vectors = client.inference().embedAll(texts);
    List<Map<String, Object>> data = new ArrayList<>(vectors.size());
    long tokens = 0;
    for (int i = 0; i < vectors.size(); i++) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("object", "embedding");
      item.put("index", i);
      float[] v = vectors.get(i).vector();
      item.put("embedding", format.equals("base64") ? base64(v) : v);
      data.add(item);
      tokens += passageTokens.applyAsInt(texts.get(i));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("object", "list");
    out.put("data", data);
    out.put("model", model.id());
    out.put("usage", Map.of("prompt_tokens", tokens, "total_tokens", tokens));
    ctx.json(out);
  }

  private static List<String> inputs(JsonNode input) {
    if (input == null || input.isNull()) {
      throw new InvalidInputException("'input' is required: a string or an array of strings");
    }
    if (input.isString()) {
      return List.of(input.asString());
    }
    if (!input.isArray() || input.isEmpty()) {
      throw new InvalidInputException("'input' must be a string or a non-empty array of strings");
    }
    if (input.size() > MAX_INPUTS) {
      throw new LimitExceededException(
          "'input' holds " + input.size() + " texts; at most " + MAX_INPUTS + " per request",
          null,
          "maxEmbeddingInputs",
          MAX_INPUTS,
          input.size());
    }
    List<String> texts = new ArrayList<>(input.size());
    for (JsonNode n : input) {
      if (!n.isString()) {
        throw new InvalidInputException(
            "'input' must hold strings; token arrays are not supported, send the text");
      }
      texts.add(n.asString());
    }
    return texts;
  }

  /** Little-endian float32 bytes in base64, as OpenAI's {@code encoding_format: base64}. */
  static String base64(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) {
      b.putFloat(x);
    }
    return Base64.getEncoder().encodeToString(b.array());
  }
}
