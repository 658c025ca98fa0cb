package dev.solosuccess.sdk;

import java.util.List;
import java.util.Set;

/**
 * Principals (people and services) and their API keys. Only an {@link Role#ADMIN} may use it, with
 * one exception: while a data folder has no principal at all, the engine's local administrator
 * may add the first one, which must be an admin (the bootstrap). From then on the data folder's
 * security is configured, and the engine answers only callers bound to a principal. Every change
 * is audited. Thread-safe.
 */
public interface UserService {

  /**
   * Adds a principal and issues its API key, shown only in the returned value.
   *
   * @param labels access labels; empty for a principal that sees every document
   * @throws InvalidInputException if the name or a label is not valid, the name is taken, or the
   *     first principal is not an admin
   * @throws AccessDeniedException if the caller is not an admin
   */
  IssuedKey add(String name, Role role, Set<String> labels, PrincipalKind kind);

  /** Every principal, revoked ones included, by name; never a key. */
  List<Principal> list();

  /**
   * Revokes a principal's key: authenticating with it fails at once, and clients already bound to
   * it fail on their next call.
   *
   * @throws NotFoundException if there is no such principal
   * @throws InvalidInputException if it is the last admin that is not revoked
   */
  void revoke(String name);
}
