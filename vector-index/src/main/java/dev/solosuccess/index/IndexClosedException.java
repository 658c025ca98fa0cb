package dev.solosuccess.index;

/** A call reached an index that was already closed. */
public class IndexClosedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public IndexClosedException(String message) {
    super(message);
  }
}
