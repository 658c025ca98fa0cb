package dev.solosuccess.engine.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.ClosedException;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LimitExceededException;
import dev.solosuccess.sdk.ModelException;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.SoloException;
import dev.solosuccess.sdk.StorageException;
import dev.solosuccess.sdk.UnsupportedFormatException;
import dev.solosuccess.sdk.UpstreamException;
import dev.solosuccess.sdk.internal.wire.Problems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's problems ({@link Problem}) and the remote client's reading of them ({@link
 * Problems#exception}) agree: every exception type of the SDK comes back as the same type with the
 * same message and context; what must not leave the server (a storage path, an unexpected
 * failure's message) does not.
 */
class ProblemWireTest {

  static RuntimeException roundTrip(Throwable e) {
    Problem p = Problem.of(e);
    return Problems.exception(p.status(), Json.bytes(p.body()));
  }

  @Test
  void everyExceptionComesBackAsItself() {
    List<RuntimeException> thrown = List.of(
        new InvalidInputException("limit must be in 1..1000, got 0"),
        new InvalidInputException("cannot read x: no such file", "x", null),
        new AccessDeniedException("a reader may not delete documents"),
        new NotFoundException("document", "doc-9"),
        new UnsupportedFormatException("no parser for x.bin", "x.bin", "application/octet-stream"),
        new LimitExceededException("file too large", "big.pdf", "maxFileBytes", 10, 20),
        new LimitExceededException("rate limit", "requestsPerSecond", 5, 6, Duration.ofSeconds(3)),
        new UpstreamException("chat model unavailable", "api.openai.com", 503, true, null),
        new UpstreamException("chat model refused", "api.openai.com", 400, false, null),
        new ModelException("model failed", "bge", null),
        new ClosedException("engine is closed"));
    for (RuntimeException e : thrown) {
      RuntimeException back = roundTrip(e);
      assertThat(back).as(e.toString()).isExactlyInstanceOf(e.getClass()).hasMessage(e.getMessage());
      switch (e) {
        case LimitExceededException l -> {
          LimitExceededException b = (LimitExceededException) back;
          assertThat(List.of(b.limitName(), b.limit(), b.actual(), b.retryAfter()))
              .isEqualTo(List.of(l.limitName(), l.limit(), l.actual(), l.retryAfter()));
        }
        case UnsupportedFormatException u -> {
          assertThat(((UnsupportedFormatException) back).format()).isEqualTo(u.format());
          assertThat(((UnsupportedFormatException) back).source()).isEqualTo(u.source());
        }
        case InvalidInputException i ->
            assertThat(((InvalidInputException) back).source()).isEqualTo(i.source());
        case NotFoundException n -> {
          assertThat(((NotFoundException) back).kind()).isEqualTo(n.kind());
          assertThat(((NotFoundException) back).id()).isEqualTo(n.id());
        }
        case UpstreamException u -> {
          UpstreamException b = (UpstreamException) back;
          assertThat(List.of(b.host(), b.status(), b.retriable()))
              .isEqualTo(List.of(u.host(), u.status(), u.retriable()));
        }
        case ModelException m -> assertThat(((ModelException) back).modelId()).isEqualTo(m.modelId());
        default -> { }
      }
    }
  }

  @Test
  void whatMustNotLeaveTheServerDoesNot() {
    RuntimeException storage = roundTrip(
        new StorageException("cannot write /data/patient-smith.h2", Path.of("/data/patient-smith.h2"), null));
    assertThat(storage).isExactlyInstanceOf(StorageException.class).hasMessage("storage failure");
    assertThat(((StorageException) storage).path()).isEmpty();
    RuntimeException unexpected = roundTrip(new NullPointerException("secret patient name"));
    assertThat(unexpected).isExactlyInstanceOf(SoloException.class).hasMessage("internal error");
  }
}
