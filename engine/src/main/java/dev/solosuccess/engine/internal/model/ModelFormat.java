package dev.solosuccess.engine.internal.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What runs a model's graph: the backend a model folder's descriptor selects. */
public enum ModelFormat {
  /** An ONNX graph, run by ONNX Runtime ({@link OnnxEmbeddingModel}). */
  ONNX("onnx", "model.onnx"),
  /** A TorchScript module, run by PyTorch through DJL. */
  TORCHSCRIPT("torchscript", "model.pt");

  private final String label;
  private final String defaultFile;

  ModelFormat(String label, String defaultFile) {
    this.label = label;
    this.defaultFile = defaultFile;
  }

  /** The name in a model descriptor: {@code onnx} or {@code torchscript}. */
  public String label() {
    return label;
  }

  /** The model file of a folder whose descriptor names none. */
  public String defaultFile() {
    return defaultFile;
  }

  /** The format with this descriptor name, ignoring case. */
  public static Optional<ModelFormat> of(String label) {
    return Arrays.stream(values())
        .filter(f -> f.label.equals(label.toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
