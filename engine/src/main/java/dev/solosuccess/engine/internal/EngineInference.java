package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.engine.internal.model.OnnxEmbeddingModel;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.InferenceService;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@link InferenceService} of an in-process engine. Thread-safe. */
public final class EngineInference implements InferenceService {

  /** Most texts per call: enough for any batch job, bounded so one call cannot exhaust memory. */
  static final int MAX_TEXTS = 100_000;

  private final Lifecycle lifecycle;
  private final OnnxEmbeddingModel model;
  private final ModelInfo info;

  public EngineInference(Lifecycle lifecycle, OnnxEmbeddingModel model) {
    this.lifecycle = lifecycle;
    this.model = model;
    ModelSpec spec = model.spec();
    this.info = new ModelInfo(spec.id(), spec.dimension(), spec.maxTokens());
  }

  @Override
  public ModelInfo embeddingModel() {
    return info;
  }

  @Override
  public List<Embedding> embedAll(List<String> texts, EmbeddingKind kind) {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(kind, "kind");
    return lifecycle.call(
        () -> {
          if (texts.size() > MAX_TEXTS) {
            throw new InvalidInputException(
                "at most " + MAX_TEXTS + " texts per call, got " + texts.size());
          }
          for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t == null || t.isBlank()) {
              throw new InvalidInputException(
                  "text " + i + " is " + (t == null ? "null" : "blank")
                      + "; there is nothing to embed");
            }
          }
          if (texts.isEmpty()) {
            return List.of();
          }
          float[][] vectors = model.embed(texts, kind).vectors();
          List<Embedding> out = new ArrayList<>(vectors.length);
          for (float[] v : vectors) {
            out.add(new Embedding(info.id(), v));
          }
          return out;
        });
  }
}
