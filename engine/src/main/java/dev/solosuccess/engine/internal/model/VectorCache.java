package dev.solosuccess.engine.internal.model;

/**
 * Stored vectors of earlier model runs, keyed by the model's identity ({@link ModelSpec#key()}) and
 * the SHA-256 of the exact model input (prefix included). A cache may forget entries at any time;
 * failures to read or write it are not the caller's problem (the model runs instead). An entry put
 * is returned by every later {@link #getAll} of the same cache object, even if it is written to
 * disk later. Thread-safe; {@link #close()} writes what is pending.
 */
public interface VectorCache extends AutoCloseable {

  /**
   * Removes the entries of these inputs, if any, and returns once no write of them can land after
   * this call (erasure). Returns how many entries were removed from the store.
   */
  default int deleteAll(String modelKey, byte[][] inputs) {
    return 0;
  }

  /** A cache that holds nothing. */
  VectorCache NONE =
      new VectorCache() {
        @Override
        public Entry[] getAll(String modelKey, byte[][] inputs) {
          return new Entry[inputs.length];
        }

        @Override
        public void putAll(String modelKey, byte[][] inputs, Entry[] entries) {}

        @Override
        public void close() {}
      };

  /**
   * A cached model output.
   *
   * @param vector the vector, as the model returned it
   * @param truncated whether the input was longer than the model's limit
   */
  record Entry(float[] vector, boolean truncated) {}

  /**
   * The stored entry of each input, or null where there is none.
   *
   * @param modelKey {@link ModelSpec#key()}
   * @param inputs SHA-256 digests (32 bytes) of the model inputs
   */
  Entry[] getAll(String modelKey, byte[][] inputs);

  /** Stores entries, evicting the least recently used beyond the cache's bound. */
  void putAll(String modelKey, byte[][] inputs, Entry[] entries);

  /** Writes what is pending and stops writing; idempotent. */
  @Override
  void close();
}
