package dev.solosuccess.sdk;

/**
 * The root of every error the SoloSuccess API throws; unchecked. Catch a subtype to act on it:
 *
 * <ul>
 *   <li>{@link InvalidInputException}: fix the input ({@link UnsupportedFormatException}, {@link
 *       LimitExceededException} say how); retrying as is fails again.
 *   <li>{@link NotFoundException}: the named thing does not exist (or the caller may not see it,
 *       which reads the same).
 *   <li>{@link AccessDeniedException}: bind a principal, or one whose role allows the call.
 *   <li>{@link StorageException}: the data folder failed; nothing of the failed call was committed.
 *   <li>{@link ModelException}: a model could not be loaded or run.
 *   <li>{@link UpstreamException}: a remote service the engine called (the LLM fallback's chat
 *       model) failed; {@link UpstreamException#retriable()} says whether trying later may help.
 * </ul>
 *
 * <p>Messages name the offending value; {@link #code()} is a stable name for scripts and HTTP
 * problem types.
 */
public class SoloException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SoloException(String message) {
    super(message);
  }

  public SoloException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A stable, kebab-case name of the error kind, such as {@code not-found}. */
  public String code() {
    return "error";
  }
}
