package dev.solosuccess.engine.internal.security;

import dev.solosuccess.engine.internal.Auditor;
import dev.solosuccess.engine.internal.Lifecycle;
import dev.solosuccess.sdk.IssuedKey;
import dev.solosuccess.sdk.Principal;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.UserService;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * {@link UserService} of an in-process engine for one caller. Every change is audited ({@code
 * users.add}, {@code users.revoke}) with the principal's name, role and labels, never its key.
 * Thread-safe.
 */
public final class EngineUsers implements UserService {

  private final Lifecycle lifecycle;
  private final Security security;
  private final Caller caller;
  private final Auditor auditor;

  public EngineUsers(Lifecycle lifecycle, Security security, Caller caller, Auditor auditor) {
    this.lifecycle = lifecycle;
    this.security = security;
    this.caller = caller;
    this.auditor = auditor;
  }

  @Override
  public IssuedKey add(String name, Role role, Set<String> labels, PrincipalKind kind) {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(kind, "kind");
    return lifecycle.call(
        () ->
            auditor.call(
                "users.add",
                List.of(),
                () -> {
                  caller.require(Permission.ADMINISTER);
                  Principal.checkName(name);
                  // Unbound, the local administrator may add only the first principal.
                  return security.add(name, role, labels, kind, caller.unbound());
                },
                k ->
                    Auditor.Entry.none()
                        .with("principal", k.principal().name())
                        .with("role", role.name().toLowerCase(Locale.ROOT))
                        .with("kind", kind.name().toLowerCase(Locale.ROOT))
                        .with("labels", String.join(",", k.principal().labels()))));
  }

  @Override
  public List<Principal> list() {
    return lifecycle.call(
        () ->
            auditor.call(
                "users.list",
                List.of(),
                () -> {
                  caller.require(Permission.ADMINISTER);
                  return security.list();
                },
                r -> Auditor.Entry.none().with("principals", r.size())));
  }

  @Override
  public void revoke(String name) {
    lifecycle.run(
        () ->
            auditor.call(
                "users.revoke",
                List.of(),
                () -> {
                  caller.require(Permission.ADMINISTER);
                  security.revoke(name);
                  return name;
                },
                n -> Auditor.Entry.none().with("principal", n)));
  }
}
