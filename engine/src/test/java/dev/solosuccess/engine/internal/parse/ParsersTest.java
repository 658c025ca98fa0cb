package dev.solosuccess.engine.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.UnsupportedFormatException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Format detection, decoding, normalization and the four parsers. */
class ParsersTest {

  static final TikaFormats TIKA = new TikaFormats();
  static final Parsers PARSERS = new Parsers(TIKA);

  static ExtractedText extract(String mediaType, byte[] content, String name) {
    return PARSERS.parse(
        Formats.detect(mediaType, name, content, TIKA), content, ParseGuard.unlimited(name));
  }

  static Path examples() {
    String root = System.getProperty("solo.repo.root");
    return Path.of(root != null ? root : "..").resolve("examples/data");
  }

  @Test
  void detectsByMediaTypeThenExtensionThenContent() {
    byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Formats.detect("text/markdown; charset=utf-8", "x.txt", pdf, TIKA).reader())
        .isEqualTo(Formats.Reader.MARKDOWN);
    assertThat(Formats.detect(null, "/a/b/Report.PDF", new byte[0], TIKA).reader())
        .isEqualTo(Formats.Reader.PDF);
    assertThat(Formats.detect(null, "notes.markdown", new byte[0], TIKA).reader())
        .isEqualTo(Formats.Reader.MARKDOWN);
    assertThat(Formats.detect(null, "scan", pdf, TIKA).reader())
        .isEqualTo(Formats.Reader.PDF);
    assertThat(Formats.detect(null, "page", "  <!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8), TIKA).reader())
        .isEqualTo(Formats.Reader.HTML);
    assertThat(Formats.detect(null, "README", "plain words".getBytes(StandardCharsets.UTF_8), TIKA).reader())
        .isEqualTo(Formats.Reader.TEXT);
    assertThatThrownBy(() -> Formats.detect(null, "blob", new byte[] {0, 1, 2, 3}, TIKA))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageContaining("blob");
    assertThatThrownBy(() -> Formats.detect(null, "setup.exe", new byte[0], TIKA))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageContaining(".exe files are not supported")
        .hasMessageContaining(".md");
  }

  @Test
  void decodesUtf8BomsUtf16AndLegacyEightBitText() {
    String text = "Zoë's café — crème brûlée";
    assertThat(TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8), "a").text()).isEqualTo(text);
    byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
    assertThat(TextDecoder.decode(bom, "a").text()).isEqualTo(text);
    byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
    assertThat(TextDecoder.decode(le, "a").text()).isEqualTo(text);
    assertThat(TextDecoder.decode("plain ascii words here".getBytes(StandardCharsets.UTF_16BE), "a").text())
        .isEqualTo("plain ascii words here");
    String latin = "Zoë's café, crème brûlée";
    TextDecoder.Decoded d = TextDecoder.decode(latin.getBytes(Charset.forName("ISO-8859-1")), "a");
    assertThat(d.text()).isEqualTo(latin);
    assertThat(d.charset().name()).isEqualTo("windows-1252");
    String smartQuotes = "\u201Cquoted\u201D \u2013 dash";
    assertThat(TextDecoder.decode(smartQuotes.getBytes(Charset.forName("windows-1252")), "a").text())
        .isEqualTo(smartQuotes);
    assertThatThrownBy(() -> TextDecoder.decode(new byte[] {1, 2, 3, 4, 5, 6, 0, 7, 8, 9}, "junk.txt"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("junk.txt holds binary data");
  }

  @Test
  void normalizesWhitespaceAndInvisibleCharacters() {
    String raw = "  Title\r\n\r\n\r\n\r\nFirst\tline  with   spaces\u00AD\u200B\nsecond\u00A0line\f\u0007end  ";
    assertThat(TextNormalizer.normalize(raw))
        .isEqualTo("Title\n\nFirst line with spaces\nsecond line\nend");
    assertThat(TextNormalizer.normalize("e\u0301")).isEqualTo("é");
  }

  @Test
  void markdownBecomesTheTextAReaderSees() {
    String md =
        "# Refunds *and* returns\n\nSee the [policy](https://x.test/p) and ![logo](l.png).\n\n"
            + "| Item | Days |\n|---|---:|\n| Bags | 30 |\n\n```\ncode **stays**\n```\n"
            + "> quoted _text_ and snake_case_name\n\n* item one\n---\n[ref]: https://x.test\n";
    String text = extract(null, md.getBytes(StandardCharsets.UTF_8), "m.md").text();
    assertThat(text)
        .isEqualTo(
            "Refunds and returns\n\nSee the policy and logo.\n\nItem | Days\nBags | 30\n\n"
                + "code **stays**\n\nquoted text and snake_case_name\n\n- item one");
  }

  @Test
  void htmlBecomesTextWithoutScriptsStylesOrNavigation() throws IOException {
    byte[] html = Files.readAllBytes(examples().resolve("customer-faq.html"));
    String text = extract(null, html, "customer-faq.html").text();
    String raw = new String(html, StandardCharsets.UTF_8);
    assertThat(raw).contains("<script").contains("<style").contains("<nav");
    assertThat(text).contains("KestrelGuest").doesNotContain("<").doesNotContain("function").doesNotContain("{");
    assertThat(text.lines().findFirst().orElseThrow()).isNotBlank();
  }

  @Test
  void pdfTextKeepsItsPages() throws IOException {
    byte[] pdf = Files.readAllBytes(examples().resolve("policies/workplace-safety-manual.pdf"));
    ExtractedText t = extract(null, pdf, "manual.pdf");
    assertThat(t.pageCount()).isEqualTo(4);
    assertThat(t.pages()).extracting(ExtractedText.Span::page).containsExactly(1, 2, 3, 4);
    ExtractedText.Span two = t.pages().get(1);
    assertThat(t.text().substring(two.start(), two.end())).contains("23 kg");
    ExtractedText.Span one = t.pages().get(0);
    assertThat(t.text().substring(one.start(), one.end())).doesNotContain("23 kg");
  }

  @Test
  void aCorruptPdfIsRefusedWithTheReason() {
    byte[] broken = "%PDF-1.4\nthis is not a pdf".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> extract(null, broken, "broken.pdf"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("broken.pdf is not a readable PDF");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
