package dev.solosuccess.engine.internal.security;

import dev.solosuccess.engine.internal.store.AuditLog;
import dev.solosuccess.engine.internal.store.PrincipalTable;
import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.IssuedKey;
import dev.solosuccess.sdk.Principal;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access control state of one open data folder: whether security is configured (a principal
 * exists), which principals are revoked, and authentication by API key with throttling. Every
 * authentication, successful or not, is audited (never with the key; a failure names the key id
 * only when the key was well formed). Thread-safe.
 */
public final class Security {

  private static final System.Logger LOG = System.getLogger(Security.class.getName());
  private static final byte[] NO_HASH = new byte[32];

  private final PrincipalTable table;
  private final AuditLog log;
  private final AuthThrottle throttle;
  private final ApiKeys keys = new ApiKeys();
  private volatile boolean configured;
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();

  public Security(PrincipalTable table, AuditLog log, AuthThrottle throttle) {
    this.table = table;
    this.log = log;
    this.throttle = throttle;
    for (Principal p : table.list()) {
      if (p.revoked()) {
        revoked.add(p.name());
      }
    }
    this.configured = table.any();
    if (!configured) {
      LOG.log(
          System.Logger.Level.INFO,
          "no security configured for this data folder: every call acts as the single local"
              + " administrator '" + Principal.LOCAL_ADMIN + "' (add a principal to turn access"
              + " control on)");
    }
  }

  /** Whether the data folder has principals, so that unbound calls are refused. */
  public boolean configured() {
    return configured;
  }

  public boolean revoked(String name) {
    return revoked.contains(name);
  }

  /**
   * The principal of an API key.
   *
   * @throws AccessDeniedException if the key is unknown, malformed or revoked
   * @throws dev.solosuccess.sdk.LimitExceededException if too many attempts failed lately
   */
  public Principal authenticate(String apiKey) {
    throttle.checkGlobal();
    Optional<String> keyId = ApiKeys.keyId(apiKey);
    Optional<PrincipalTable.Row> row = keyId.flatMap(table::byKeyId);
    if (row.isPresent()) {
      throttle.checkKey(row.get().failures(), row.get().lockedUntilMs());
    }
    // The hash is compared even for an unknown key id, so both cost the same.
    boolean ok =
        ApiKeys.matches(apiKey == null ? "" : apiKey, row.map(PrincipalTable.Row::keyHash).orElse(NO_HASH))
            && row.isPresent();
    if (!ok) {
      throttle.failed();
      if (row.isPresent()) {
        int failures = row.get().failures() + 1;
        table.recordFailure(
            row.get().principal().name(), failures, throttle.lockedUntil(failures));
      }
      audit("anonymous", keyId.map(id -> "{\"keyId\":\"" + id + "\"}").orElse("{}"), "denied");
      throw new AccessDeniedException("the API key is not valid");
    }
    Principal p = row.get().principal();
    if (p.revoked() || revoked(p.name())) {
      audit(p.name(), "{}", "denied");
      throw new AccessDeniedException("the API key of principal " + p.name() + " was revoked");
    }
    if (row.get().failures() > 0) {
      table.clearFailures(p.name());
    }
    audit(p.name(), "{}", "ok");
    return p;
  }

  /**
   * Adds a principal with a new key.
   *
   * @param bootstrap only while there is no principal (the local administrator's first admin)
   */
  public IssuedKey add(
      String name, Role role, Set<String> labels, PrincipalKind kind, boolean bootstrap) {
    if (".".equals(name) || "..".equals(name)) {
      // a URL (solo serve's /users/{name}/revoke) would resolve it away; refused for new ones
      // only, so a folder that has one still opens
      throw new InvalidInputException("a principal name must not be '.' or '..', got '" + name + "'");
    }
    Principal p =
        new Principal(
            name, kind, role, labels, Instant.now().truncatedTo(ChronoUnit.MILLIS), false);
    ApiKeys.Issued issued = keys.issue();
    table.add(p, issued.keyId(), issued.hash(), bootstrap);
    configured = true;
    return new IssuedKey(p, issued.key());
  }

  public List<Principal> list() {
    return table.list();
  }

  public void revoke(String name) {
    table.revoke(name);
    revoked.add(name);
  }

  private void audit(String actor, String detail, String outcome) {
    log.append(actor, "auth", List.of(), detail, outcome);
  }
}
