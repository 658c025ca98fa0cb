/**
 * The SoloSuccess SDK: the API an application codes against, whether the engine runs in its own
 * process ({@code SoloEngine} in module {@code dev.solosuccess.engine}) or behind {@code solo serve}.
 *
 * <p>No ONNX Runtime, DJL, Lucene or H2 type appears here; this module has no dependency at all.
 */
module dev.solosuccess.sdk {
  exports dev.solosuccess.sdk;
}
