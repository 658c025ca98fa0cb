/**
 * The SoloSuccess SDK: the API an application codes against, whether the engine runs in its own
 * process ({@code SoloEngine} in module {@code dev.solosuccess.engine}) or behind {@code solo serve}
 * ({@link dev.solosuccess.sdk.SoloClient#connect}).
 *
 * <p>No ONNX Runtime, DJL, Lucene or H2 type appears here. The module depends on Jackson 3 (the
 * JSON wire format of {@code solo serve}) and OkHttp (the remote client); neither appears in the
 * API. The wire format ({@code ...sdk.internal.wire}) is shared with the engine's server routes and
 * exported to the engine only; the remote client ({@code ...sdk.internal.remote}) is not exported.
 */
module dev.solosuccess.sdk {
  requires tools.jackson.databind;
  requires okhttp3;

  exports dev.solosuccess.sdk;
  exports dev.solosuccess.sdk.internal.wire to
      dev.solosuccess.engine;
  // the folder walk and include/exclude globs of a batch ingest, shared with the engine
  exports dev.solosuccess.sdk.internal.files to
      dev.solosuccess.engine;

  // Jackson reads and writes the value records (and their nested records) reflectively
  opens dev.solosuccess.sdk to
      tools.jackson.databind;
  opens dev.solosuccess.sdk.internal.wire to
      tools.jackson.databind;
}
