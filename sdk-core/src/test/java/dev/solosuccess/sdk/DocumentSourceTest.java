package dev.solosuccess.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentSourceTest {

  @Test
  void ofTextHoldsTheUtf8BytesOfTheText() {
    String text = "Naïve café — 日本語 🚀";

    DocumentSource s = DocumentSource.ofText("notes/standup", text);

    assertThat(s.content())
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(new String(s.content().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(s.name()).isEqualTo("notes/standup");
    assertThat(s.mediaType()).contains("text/plain");
    assertThat(s.path()).isEmpty();
    assertThat(s.id()).isEmpty();
    assertThat(s.metadata()).isEqualTo(Metadata.empty());
  }

  @Test
  void contentIsACopyEachTime() {
    byte[] bytes = {1, 2, 3};
    DocumentSource s = DocumentSource.ofBytes("data.bin", bytes);

    bytes[0] = 9;
    s.content().orElseThrow()[1] = 9;

    assertThat(s.content()).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
    assertThat(s.mediaType()).as("ofBytes leaves detection to the name").isEmpty();
  }

  @Test
  void ofPathUsesTheAbsoluteNormalizedPath() {
    Path relative = Path.of("docs", "..", "docs", ".", "handbook.pdf");

    DocumentSource s = DocumentSource.of(relative);

    Path expected = Path.of("").toAbsolutePath().resolve("docs").resolve("handbook.pdf");
    assertThat(s.path()).contains(expected);
    assertThat(s.name()).isEqualTo(expected.toString());
    assertThat(s.path().orElseThrow().isAbsolute()).isTrue();
    assertThat(s.content()).isEmpty();
    assertThat(s.mediaType()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "doc-1",
        "a",
        "notes:2026@team_x.v2",
        "...",
        ".hidden",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678"
      })
  void withIdAcceptsIdsOfTheDocumentedAlphabet(String id) {
    DocumentSource s = DocumentSource.ofText("n", "t").withId(id);

    assertThat(s.id()).contains(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        "has space",
        "slash/id",
        "hash#1",
        "ü",
        "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
      })
  void withIdRefusesOtherIdsNamingThem(String id) {
    DocumentSource s = DocumentSource.ofText("n", "t");

    assertThatThrownBy(() -> s.withId(id))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'" + id + "'");
    assertThatThrownBy(() -> s.withId(null))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'null'");
  }

  @Test
  void withMethodsReturnCopiesAndKeepTheOtherFields() {
    DocumentSource original = DocumentSource.ofText("notes", "hello");

    DocumentSource changed =
        original
            .withId("n-1")
            .withMetadata(Metadata.of("team", "hr"))
            .withMediaType("  text/markdown ");

    assertThat(original.id()).isEmpty();
    assertThat(original.metadata()).isEqualTo(Metadata.empty());
    assertThat(original.mediaType()).contains("text/plain");
    assertThat(changed.id()).contains("n-1");
    assertThat(changed.metadata()).isEqualTo(Metadata.of("team", "hr"));
    assertThat(changed.mediaType()).contains("text/markdown");
    assertThat(changed.name()).isEqualTo("notes");
    assertThat(changed.content())
        .hasValueSatisfying(b -> assertThat(b).isEqualTo("hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(changed.toString()).isEqualTo("DocumentSource[notes, id=n-1]");
    assertThat(changed.withMetadata(Metadata.of("lang", "de")).metadata())
        .isEqualTo(Metadata.of("lang", "de"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void blankMediaTypesAndNamesAreRefused(String blank) {
    DocumentSource s = DocumentSource.ofText("n", "t");

    assertThatThrownBy(() -> s.withMediaType(blank))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("media type");
    assertThatThrownBy(() -> DocumentSource.ofText(blank, "t"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("source name");
    assertThatThrownBy(() -> DocumentSource.ofBytes(blank, new byte[1]))
        .isExactlyInstanceOf(InvalidInputException.class);
  }

  @Test
  void sourceNamesAreLimitedTo4096Characters() {
    assertThat(DocumentSource.ofText("n".repeat(4096), "t").name()).hasSize(4096);

    assertThatThrownBy(() -> DocumentSource.ofText("n".repeat(4097), "t"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("got 4097");
  }

  @Test
  void nullArgumentsAreRefused() {
    assertThatThrownBy(() -> DocumentSource.of(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DocumentSource.ofText("n", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DocumentSource.ofBytes("n", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DocumentSource.ofText("n", "t").withMetadata(null))
        .isInstanceOf(NullPointerException.class);
  }
}
