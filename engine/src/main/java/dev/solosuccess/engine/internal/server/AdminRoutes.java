package dev.solosuccess.engine.internal.server;

import static dev.solosuccess.engine.internal.server.ApiRoute.JSON;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import dev.solosuccess.sdk.AuditEntry;
import dev.solosuccess.sdk.AuditHead;
import dev.solosuccess.sdk.AuditVerification;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.IssuedKey;
import dev.solosuccess.sdk.Principal;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.internal.wire.WireMessages;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;

/**
 * The caller, break-glass, the audit trail and principals: {@code /api/v1/me}, {@code
 * /break-glass}, {@code /audit/...}, {@code /users}. Stateless apart from the break-glass sessions;
 * thread-safe.
 */
final class AdminRoutes {

  private final Function<Context, SoloClient> caller;
  private final Function<Context, SoloClient> principalOnly; // never a break-glass session
  private final BreakGlassSessions sessions;

  AdminRoutes(Function<Context, SoloClient> caller, Function<Context, SoloClient> principalOnly,
      BreakGlassSessions sessions) {
    this.caller = caller;
    this.principalOnly = principalOnly;
    this.sessions = sessions;
  }

  void addTo(List<ApiRoute> routes) {
    routes.add(new ApiRoute(GET, "/api/v1/me", "The principal the API key acts as", null, null,
        Principal.class, 200, List.of(), ctx -> Calls.reply(ctx, caller.apply(ctx).principal())));
    routes.add(new ApiRoute(POST, "/api/v1/break-glass",
        "Starts emergency access (audited); send the token in X-Solo-Break-Glass", JSON,
        WireMessages.BreakGlass.class, WireMessages.BreakGlassSession.class, 201, List.of(), ctx -> {
          WireMessages.BreakGlass b = Calls.body(ctx, WireMessages.BreakGlass.class);
          Calls.reply(ctx, 201, sessions.start(principalOnly.apply(ctx), b.reason(), b.ttl()));
        }));
    routes.add(new ApiRoute(GET, "/api/v1/audit/head", "The last audit entry's sequence and hash",
        null, null, AuditHead.class, 200, List.of(),
        ctx -> Calls.reply(ctx, caller.apply(ctx).audit().head())));
    routes.add(new ApiRoute(GET, "/api/v1/audit/verify",
        "Checks the hash chain (against a kept head if sequence and hash are given)", null, null,
        AuditVerification.class, 200, List.of("sequence", "hash"), ctx -> {
          String hash = ctx.queryParam("hash");
          String sequence = ctx.queryParam("sequence");
          if ((hash == null) != (sequence == null)) {
            throw new InvalidInputException("verify against a head needs both sequence and hash");
          }
          Calls.reply(ctx, hash == null
              ? caller.apply(ctx).audit().verify()
              : caller.apply(ctx).audit().verify(
                  new AuditHead(Calls.longParam(ctx, "sequence", 0), hash)));
        }));
    routes.add(new ApiRoute(GET, "/api/v1/audit/entries",
        "Entries after a sequence number (after) or from an instant (since), at most limit", null,
        null, new TypeReference<List<AuditEntry>>() {}.getType(), 200,
        List.of("after", "since", "limit"), ctx -> {
          int limit = Calls.intParam(ctx, "limit", 100);
          Instant since = Calls.instantParam(ctx, "since");
          Calls.reply(ctx, since != null
              ? caller.apply(ctx).audit().entriesSince(since, limit)
              : caller.apply(ctx).audit().entries(Calls.longParam(ctx, "after", 0), limit));
        }));
    routes.add(new ApiRoute(POST, "/api/v1/users", "Adds a principal and issues its API key",
        JSON, WireMessages.AddUser.class, IssuedKey.class, 201, List.of(), ctx -> {
          WireMessages.AddUser u = Calls.body(ctx, WireMessages.AddUser.class);
          Calls.reply(ctx, 201, caller.apply(ctx).users().add(
              u.name(), u.role(), u.labels() == null ? java.util.Set.of() : u.labels(), u.kind()));
        }));
    routes.add(new ApiRoute(GET, "/api/v1/users", "Every principal, revoked ones included", null,
        null, new TypeReference<List<Principal>>() {}.getType(), 200, List.of(),
        ctx -> Calls.reply(ctx, caller.apply(ctx).users().list())));
    routes.add(new ApiRoute(POST, "/api/v1/users/{name}/revoke", "Revokes a principal's key",
        null, null, Void.class, 204, List.of(), ctx -> {
          caller.apply(ctx).users().revoke(ctx.pathParam("name"));
          Calls.noContent(ctx);
        }));
  }
}
