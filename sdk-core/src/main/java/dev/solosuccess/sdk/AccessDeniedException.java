package dev.solosuccess.sdk;

/**
 * The caller may not do this: no principal is bound while security is configured, the API key is
 * unknown or revoked, the caller's role does not allow the operation, or a break-glass session
 * expired. The message never holds an API key.
 */
public class AccessDeniedException extends SoloException {

  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return "access-denied";
  }
}
