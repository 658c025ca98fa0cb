package dev.solosuccess.sdk.internal.remote;

import dev.solosuccess.sdk.IssuedKey;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.Principal;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.UserService;
import dev.solosuccess.sdk.internal.wire.WireMessages;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.type.TypeReference;

/** {@link UserService} over {@code /api/v1/users}. Thread-safe. */
final class RemoteUsers implements UserService {

  private static final TypeReference<List<Principal>> PRINCIPALS = new TypeReference<>() {};

  private final RemoteHttp http;

  RemoteUsers(RemoteHttp http) {
    this.http = http;
  }

  @Override
  public IssuedKey add(String name, Role role, Set<String> labels, PrincipalKind kind) {
    return http.post(http.url("users").build(),
        new WireMessages.AddUser(name, role, labels, kind), IssuedKey.class);
  }

  @Override
  public List<Principal> list() {
    return http.get(http.url("users").build(), PRINCIPALS);
  }

  @Override
  public void revoke(String name) {
    Objects.requireNonNull(name, "name");
    if (name.equals(".") || name.equals("..")) {
      // no principal can be added under it (and a URL would resolve it away)
      http.checkOpen();
      throw new NotFoundException("principal", name);
    }
    http.postNoReply(http.url("users", name, "revoke").build(), null);
  }
}
