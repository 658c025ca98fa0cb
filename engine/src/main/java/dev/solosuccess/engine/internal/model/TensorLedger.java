package dev.solosuccess.engine.internal.model;

import ai.onnxruntime.OnnxValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers every native value a model creates or receives (input tensors and the outputs of each
 * run), so that a test can ask ONNX Runtime, value by value, whether each was closed. The engine
 * runs with {@link #OFF}, which remembers nothing.
 */
class TensorLedger {

  /** Remembers nothing. */
  static final TensorLedger OFF =
      new TensorLedger() {
        @Override
        <T extends OnnxValue> T track(T value) {
          return value;
        }
      };

  private final List<OnnxValue> values = new ArrayList<>();

  /** Records {@code value} and returns it. */
  synchronized <T extends OnnxValue> T track(T value) {
    if (value != null) {
      values.add(value);
    }
    return value;
  }

  /** Values recorded so far. */
  synchronized int tracked() {
    return values.size();
  }

  /** Recorded values that ONNX Runtime has not closed: each one leaks native memory. */
  synchronized int open() {
    int open = 0;
    for (OnnxValue v : values) {
      if (v instanceof ai.onnxruntime.OnnxTensorLike t && !t.isClosed()) {
        open++;
      }
    }
    return open;
  }
}
