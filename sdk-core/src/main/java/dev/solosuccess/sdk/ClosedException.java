package dev.solosuccess.sdk;

/** A call reached a client, or a part of one, that was already closed. */
public class ClosedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public ClosedException(String message) {
    super(message);
  }

  /** A stable name of the error kind, as {@link SoloException#code()} gives for its types. */
  public String code() {
    return "closed";
  }
}
