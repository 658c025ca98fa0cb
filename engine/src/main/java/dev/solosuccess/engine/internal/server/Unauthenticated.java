package dev.solosuccess.engine.internal.server;

/**
 * No usable API key came with a request: none, a malformed one, an unknown or a revoked one. Only
 * the server raises it (the engine says {@link dev.solosuccess.sdk.AccessDeniedException}); it
 * becomes a 401 with {@code WWW-Authenticate: Bearer}. The message never holds the key.
 */
final class Unauthenticated extends RuntimeException {

  private static final long serialVersionUID = 1L;

  Unauthenticated(String message) {
    super(message, null, false, false);
  }
}
