package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.server.ApiRoutes;
import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.internal.wire.Problems;
import io.javalin.Javalin;
import java.net.URI;

/**
 * A bare server for {@link ApiRoutes} on loopback (plain HTTP): Bearer keys resolved with {@code
 * engine.authenticate}, exceptions written as problems. It stands in for {@code SoloServer} where a
 * test needs only the routes. Not thread-safe to start and stop; serves concurrently.
 */
final class TestApiServer implements AutoCloseable {

  private final Javalin app;

  TestApiServer(SoloEngine engine) {
    ApiRoutes api = new ApiRoutes(ctx -> ctx.attribute("solo.client"));
    app = Javalin.create(config -> {
      api.register(config, 64 << 20);
      config.routes.before("/api/*", ctx -> {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
          throw new AccessDeniedException("an API key is needed (Authorization: Bearer <key>)");
        }
        SoloClient client = engine.authenticate(auth.substring("Bearer ".length()).strip());
        ctx.attribute("solo.client", client);
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        Problems.Problem p = Problems.of(e);
        ctx.status(p.status()).contentType(Problems.MEDIA_TYPE).result(p.body());
      });
    });
    app.start("127.0.0.1", 0);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + app.port());
  }

  @Override
  public void close() {
    app.stop();
  }
}
