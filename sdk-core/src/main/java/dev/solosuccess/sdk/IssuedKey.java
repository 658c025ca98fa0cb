package dev.solosuccess.sdk;

import java.util.Objects;

/**
 * A new principal and its API key, returned once by {@link UserService#add}: the engine keeps only
 * the key's SHA-256, so a lost key cannot be shown again (revoke the principal and add a new one).
 *
 * @param principal the principal as stored
 * @param apiKey the secret to hand to its owner; {@link #toString()} leaves it out
 */
public record IssuedKey(Principal principal, String apiKey) {

  public IssuedKey {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(apiKey, "apiKey");
  }

  @Override
  public String toString() {
    return "IssuedKey[principal=" + principal + ", apiKey=(hidden)]";
  }
}
