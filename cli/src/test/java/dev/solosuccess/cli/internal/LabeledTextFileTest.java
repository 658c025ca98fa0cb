package dev.solosuccess.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LabeledText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example files of {@code solo classify train}, without an engine. */
class LabeledTextFileTest {

  @TempDir Path dir;

  @Test
  void csvQuotingHeadersInEitherOrderAndLineBreaksInsideFields() throws IOException {
    Path file =
        write(
            "t.csv",
            "\uFEFFLabel , Text\r\n"
                + "billing,\"Charged twice, on Monday\"\r\n"
                + "coffee,\"He said \"\"bitter\"\"\"\r\n"
                + "\r\n"
                + "shipping,\"Line one\nline two\"\n"
                + "account,  no final line break  ");
    assertThat(LabeledTextFile.read(file))
        .containsExactly(
            new LabeledText("Charged twice, on Monday", "billing"),
            new LabeledText("He said \"bitter\"", "coffee"),
            new LabeledText("Line one\nline two", "shipping"),
            new LabeledText("no final line break", "account"));
  }

  @Test
  void withoutAHeaderTextComesFirstAndJsonLinesAreFoundByContent() throws IOException {
    assertThat(LabeledTextFile.read(write("t.csv", "Where is it?,shipping\n")))
        .containsExactly(new LabeledText("Where is it?", "shipping"));
    Path json = write("examples.txt", "  {\"label\": \"x\", \"text\": \"é, ü\", \"extra\": 1}\n");
    assertThat(LabeledTextFile.read(json)).containsExactly(new LabeledText("é, ü", "x"));
  }

  @Test
  void textThatIsNotUtf8IsRefused() throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "caf\u00e9,x\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> LabeledTextFile.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + " is not UTF-8 text");
  }

  @Test
  void aQuoteAfterAClosedQuoteIsRefusedWithItsLine() throws IOException {
    Path file = write("q.csv", "a,b\n\"closed\" more,x\n");
    assertThatThrownBy(() -> LabeledTextFile.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + " line 2: text after a closing quote; double a quote inside a quoted"
            + " field");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
