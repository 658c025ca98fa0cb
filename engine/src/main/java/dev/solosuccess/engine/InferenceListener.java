package dev.solosuccess.engine;

import java.time.Duration;

/**
 * Hears about every run of the engine's models: for metrics, audit logs and tests that must know
 * whether a model ran. Called on the thread that ran the model, after it returned; keep it quick.
 * An exception thrown here fails the call that ran the model. Implementations must be thread-safe.
 *
 * <pre>{@code
 * LongAdder embedded = new LongAdder();
 * EngineConfig.builder(dir)
 *     .inferenceListener(new InferenceListener() {
 *       public void embedded(String model, int inputs, Duration elapsed) { embedded.add(inputs); }
 *     })
 *     .build();
 * }</pre>
 */
public interface InferenceListener {

  /** A listener that ignores every event. */
  InferenceListener NONE = new InferenceListener() {};

  /**
   * The embedding model ran.
   *
   * @param modelId the model
   * @param inputs texts embedded in this call (document chunks or a query)
   * @param elapsed tokenization and model time of the call
   */
  default void embedded(String modelId, int inputs, Duration elapsed) {}

  /**
   * Inputs were answered without a model run: from the embedding cache (their vectors were
   * computed before, by this model, for the same input text), or because an equal input of the same
   * call was embedded. Inputs of the call that the model did run for are reported to {@link
   * #embedded} only, so the two together count every input of ingest and search.
   *
   * @param modelId the model whose vectors were reused
   * @param inputs texts answered without a model run in this call
   */
  default void embeddedFromCache(String modelId, int inputs) {}
}
