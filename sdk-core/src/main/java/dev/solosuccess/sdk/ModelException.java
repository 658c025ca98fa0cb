package dev.solosuccess.sdk;

/** A model could not be loaded or failed while running. */
public class ModelException extends SoloException {

  private static final long serialVersionUID = 1L;

  private final String modelId;

  public ModelException(String message, String modelId, Throwable cause) {
    super(message, cause);
    this.modelId = modelId;
  }

  /** The model involved, such as {@code all-minilm-l6-v2}. */
  public String modelId() {
    return modelId;
  }

  @Override
  public String code() {
    return "model";
  }
}
