package dev.solosuccess.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExceptionCodesTest {

  static Stream<Arguments> exceptions() {
    return Stream.of(
        Arguments.of(new SoloException("m"), "error"),
        Arguments.of(new InvalidInputException("m"), "invalid-input"),
        Arguments.of(new UnsupportedFormatException("m", "a.docx", ".docx"), "unsupported-format"),
        Arguments.of(
            new LimitExceededException("m", "big.pdf", "maxDocumentBytes", 10, 11),
            "limit-exceeded"),
        Arguments.of(new NotFoundException("document", "d-1"), "not-found"),
        Arguments.of(new StorageException("m", Path.of("data"), null), "storage"),
        Arguments.of(new ModelException("m", "all-minilm-l6-v2", null), "model"),
        Arguments.of(new AccessDeniedException("m"), "access-denied"));
  }

  @ParameterizedTest
  @MethodSource("exceptions")
  void eachKindHasItsStableCode(SoloException e, String code) {
    assertThat(e.code()).isEqualTo(code);
    assertThat(e).isInstanceOf(RuntimeException.class);
  }

  @Test
  void aRateLimitSaysWhenToRetry() {
    LimitExceededException e =
        new LimitExceededException("m", "keyFailures", 5, 6, java.time.Duration.ofSeconds(2));
    assertThat(e.code()).isEqualTo("limit-exceeded");
    assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(2));
    assertThat(new LimitExceededException("m", "s", "l", 1, 2).retryAfter()).isEmpty();
  }

  @Test
  void codesAreDistinct() {
    List<String> codes = exceptions().map(a -> ((SoloException) a.get()[0]).code()).toList();

    assertThat(codes).doesNotHaveDuplicates();
  }

  @Test
  void invalidInputKindsAreInvalidInput() {
    assertThat(new UnsupportedFormatException("m", "s", "f"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(new LimitExceededException("m", "s", "l", 1, 2))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void exceptionsCarryTheirContext() {
    UnsupportedFormatException format =
        new UnsupportedFormatException("no parser", "a.docx", ".docx");
    assertThat(format.format()).isEqualTo(".docx");
    assertThat(format.source()).contains("a.docx");
    assertThat(format.getMessage()).isEqualTo("no parser");

    LimitExceededException limit =
        new LimitExceededException("too big", "big.pdf", "maxDocumentBytes", 10, 11);
    assertThat(limit.limitName()).isEqualTo("maxDocumentBytes");
    assertThat(limit.limit()).isEqualTo(10);
    assertThat(limit.actual()).isEqualTo(11);
    assertThat(limit.source()).contains("big.pdf");

    NotFoundException notFound = new NotFoundException("document", "d-1");
    assertThat(notFound.kind()).isEqualTo("document");
    assertThat(notFound.id()).isEqualTo("d-1");
    assertThat(notFound.getMessage()).isEqualTo("no document with id 'd-1'");

    IllegalStateException cause = new IllegalStateException("disk");
    StorageException storage = new StorageException("cannot write", Path.of("data"), cause);
    assertThat(storage.path()).contains(Path.of("data"));
    assertThat(storage.getCause()).isSameAs(cause);
    assertThat(new StorageException("m", null, null).path()).isEmpty();

    ModelException model = new ModelException("cannot load", "all-minilm-l6-v2", cause);
    assertThat(model.modelId()).isEqualTo("all-minilm-l6-v2");
    assertThat(model.getCause()).isSameAs(cause);

    assertThat(new InvalidInputException("m").source()).isEmpty();
    assertThat(new SoloException("m", cause).getCause()).isSameAs(cause);
  }

  @Test
  void closedExceptionIsAnIllegalStateException() {
    assertThat(new ClosedException("closed"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("closed");
  }
}
