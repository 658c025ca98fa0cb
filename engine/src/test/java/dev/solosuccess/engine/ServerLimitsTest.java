package dev.solosuccess.engine;

import static dev.solosuccess.engine.ServerFixture.call;
import static dev.solosuccess.engine.ServerFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.ServerFixture.Reply;
import io.javalin.config.RoutesConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-key rate limit and the concurrency limit, on a real server: a burst at ten times one
 * key's limit gets 429 problems with {@code Retry-After} while another key's requests all succeed;
 * with one request slot taken, the next request is refused at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerLimitsTest {

  /** Requests per key per minute: a minute, so that no token comes back during the burst. */
  private static final int LIMIT = 5;

  @TempDir static Path dir;
  ServerFixture fixture;
  final OkHttpClient http = ServerFixture.http();

  @BeforeAll
  void setUp() {
    fixture = new ServerFixture(dir.resolve("data"));
  }

  @AfterAll
  void tearDown() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aBurstAtTenTimesTheLimitIsThrottledForThatKeyOnly() throws Exception {
    ServerConfig config = ServerFixture.plain().rateLimit(LIMIT, Duration.ofMinutes(1)).build();
    try (SoloServer server = fixture.serve(config);
        ExecutorService pool = Executors.newFixedThreadPool(16)) {
      List<Future<Reply>> burst = new ArrayList<>();
      for (int i = 0; i < LIMIT * 10; i++) {
        burst.add(pool.submit(() -> call(http, request(server, "/v1/models", fixture.readerAKey).build())));
      }
      List<Future<Reply>> other = new ArrayList<>();
      for (int i = 0; i < LIMIT - 1; i++) {
        other.add(pool.submit(() -> call(http, request(server, "/v1/models", fixture.readerBKey).build())));
      }
      int ok = 0;
      int limited = 0;
      for (Future<Reply> f : burst) {
        Reply r = f.get(60, TimeUnit.SECONDS);
        if (r.status() == 200) {
          ok++;
        } else {
          ServerHttpTest.assertProblem(r, 429, "limit-exceeded");
          assertThat(r.json().get("limit").asString()).isEqualTo("rateLimit");
          long retryAfter = Long.parseLong(r.headers().get("Retry-After"));
          assertThat(retryAfter).isBetween(1L, 60L);
          assertThat(r.json().get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
          limited++;
        }
      }
      assertThat(ok).as("requests served of the burst").isEqualTo(LIMIT);
      assertThat(limited).isEqualTo(LIMIT * 9);
      for (Future<Reply> f : other) {
        assertThat(f.get(60, TimeUnit.SECONDS).status()).as("the other key").isEqualTo(200);
      }
    }
  }

  @Test
  void requestsBeyondTheConcurrencyLimitAreRefusedAtOnce() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Consumer<RoutesConfig> blocking =
        routes ->
            routes.get(
                "/test/block",
                ctx -> {
                  entered.countDown();
                  release.await(60, TimeUnit.SECONDS);
                  ctx.result("done");
                });
    ServerConfig config = ServerFixture.plain().maxConcurrentRequests(1).build();
    try (SoloServer server = SoloServer.start(fixture.engine, config, List.of(blocking));
        ExecutorService pool = Executors.newSingleThreadExecutor()) {
      Future<Reply> first =
          pool.submit(() -> call(http, request(server, "/test/block", fixture.readerAKey).build()));
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      Reply second = call(http, request(server, "/healthz", null).build());
      ServerHttpTest.assertProblem(second, 429, "limit-exceeded");
      assertThat(second.json().get("limit").asString()).isEqualTo("maxConcurrentRequests");
      assertThat(second.headers().get("Retry-After")).isEqualTo("1");
      release.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(call(http, request(server, "/healthz", null).build()).status()).isEqualTo(200);
    }
  }

  @Test
  void closingLetsRequestsInFlightFinish() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Consumer<RoutesConfig> blocking =
        routes ->
            routes.get(
                "/test/slow",
                ctx -> {
                  entered.countDown();
                  release.await(60, TimeUnit.SECONDS);
                  ctx.result("finished");
                });
    SoloServer server =
        SoloServer.start(fixture.engine, ServerFixture.plain().build(), List.of(blocking));
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      Future<Reply> inFlight =
          pool.submit(() -> call(http, request(server, "/test/slow", fixture.readerAKey).build()));
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      Future<?> closing = pool.submit(server::close);
      Thread.sleep(500);
      assertThat(closing.isDone()).as("close waits for the request in flight").isFalse();
      release.countDown();
      closing.get(30, TimeUnit.SECONDS);
      Reply r = inFlight.get(30, TimeUnit.SECONDS);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("finished");
    } finally {
      release.countDown();
      server.close();
    }
  }
}
