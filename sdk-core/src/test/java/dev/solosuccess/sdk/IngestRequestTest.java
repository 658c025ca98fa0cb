package dev.solosuccess.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestRequestTest {

  @Test
  void ofUsesTheDefaults() {
    IngestRequest r = IngestRequest.of(Path.of("docs"), Path.of("notes.md"));

    assertThat(r.paths()).containsExactly(Path.of("docs"), Path.of("notes.md"));
    assertThat(r.recursive()).isTrue();
    assertThat(r.metadata()).isEqualTo(Metadata.empty());
    assertThat(r.listener()).isSameAs(IngestListener.NONE);
  }

  @Test
  void builderSetsEveryField() {
    IngestListener listener = new IngestListener() {};
    IngestRequest r =
        IngestRequest.builder()
            .path(Path.of("a"))
            .paths(List.of(Path.of("b"), Path.of("c")))
            .metadata(Metadata.of("team", "hr"))
            .recursive(false)
            .listener(listener)
            .build();

    assertThat(r.paths()).containsExactly(Path.of("a"), Path.of("b"), Path.of("c"));
    assertThat(r.metadata()).isEqualTo(Metadata.of("team", "hr"));
    assertThat(r.recursive()).isFalse();
    assertThat(r.listener()).isSameAs(listener);
  }

  @Test
  void anEmptyRequestIsRefused() {
    assertThatThrownBy(IngestRequest::of)
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least one path or source");
    assertThatThrownBy(() -> IngestRequest.builder().build())
        .isExactlyInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new IngestRequest(null, Metadata.empty(), true, IngestListener.NONE, List.of(), List.of()))
        .isExactlyInstanceOf(InvalidInputException.class);
  }

  @Test
  void pathsAreCopied() {
    List<Path> paths = new ArrayList<>(List.of(Path.of("a")));
    IngestRequest r = new IngestRequest(paths, Metadata.empty(), true, IngestListener.NONE, List.of(), List.of());

    paths.add(Path.of("b"));

    assertThat(r.paths()).containsExactly(Path.of("a"));
    assertThatThrownBy(() -> r.paths().add(Path.of("c")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullsAreRefused() {
    assertThatThrownBy(() -> IngestRequest.builder().path(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("path");
    assertThatThrownBy(() -> IngestRequest.builder().metadata(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> IngestRequest.builder().listener(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new IngestRequest(List.of(Path.of("a")), null, true, IngestListener.NONE, List.of(), List.of()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void globsAreCheckedWhenBuilt() {
    IngestRequest r =
        IngestRequest.builder().path(Path.of("a")).include("*.pdf").exclude("drafts/**").build();
    assertThat(r.include()).containsExactly("*.pdf");
    assertThat(r.exclude()).containsExactly("drafts/**");
    assertThatThrownBy(() -> IngestRequest.builder().path(Path.of("a")).include("[unclosed").build())
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("include pattern '[unclosed'");
    assertThatThrownBy(() -> IngestRequest.builder().path(Path.of("a")).exclude(" ").build())
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("exclude patterns must not be blank");
  }

  @Test
  void theNoOpListenerAcceptsEveryEvent() {
    IngestProgress progress = new IngestProgress(0, 1, 0, Duration.ZERO);
    IngestListener.NONE.started(1);
    IngestListener.NONE.fileStarted("a", progress);
    IngestListener.NONE.skipped(new SkippedFile("a", "invalid-input", "no text"), progress);
    assertThat(IngestListener.NONE).isNotNull();
  }

  @Test
  void sourcesAloneMakeARequest() {
    DocumentSource a = DocumentSource.ofText("notes/a", "Alpha.").withId("a");
    List<DocumentSource> sources = new ArrayList<>(List.of(a));
    IngestRequest r =
        IngestRequest.builder()
            .sources(sources)
            .source(DocumentSource.ofText("notes/b", "Beta."))
            .build();
    sources.clear();

    assertThat(r.paths()).isEmpty();
    assertThat(r.sources()).extracting(DocumentSource::name).containsExactly("notes/a", "notes/b");
    assertThat(r.sources().get(0).id()).contains("a");
    assertThatThrownBy(() -> r.sources().add(a)).isInstanceOf(UnsupportedOperationException.class);
  }
}
