package dev.solosuccess.engine.internal.parse;

import dev.solosuccess.sdk.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plain text file too large to read whole, parsed as a stream: its encoding comes from its first
 * 64 KiB (as {@link TextDecoder} names it), and its characters go to the {@link BlockBuilder} a
 * buffer at a time, so the parse stops at maxExtractedChars or parseTimeout having held at most the
 * extracted text in memory, never the file. Blank lines separate paragraphs, as in {@link
 * PlainTextParser}. Stateless.
 */
final class StreamedText {

  private static final int HEAD_BYTES = 64 * 1024;

  private StreamedText() {}

  static ParsedDocument parse(Path file, TikaFormats tika, ParseGuard guard) {
    String source = guard.source();
    try (InputStream in = new GuardedInputStream(Files.newInputStream(file), guard)) {
      byte[] head;
      try (InputStream first = Files.newInputStream(file)) {
        head = first.readNBytes(HEAD_BYTES);
      }
      TextDecoder.HeadEncoding enc = TextDecoder.decodeHead(head, source, tika.encodingDetector());
      in.skipNBytes(enc.bomBytes());
      Reader reader = new InputStreamReader(in, enc.charset().newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE));
      BlockBuilder out = new BlockBuilder(guard);
      Paragraphs paragraphs = new Paragraphs(out);
      char[] buf = new char[16 * 1024];
      for (int n = reader.read(buf); n >= 0; n = reader.read(buf)) {
        paragraphs.add(buf, n);
      }
      paragraphs.end();
      return out.build(DocInfo.NONE, false);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + source + ": " + e.getMessage(), source, e);
    }
  }

  /** Splits characters into paragraphs at blank lines, passing them on a run at a time. */
  private static final class Paragraphs {
    private final BlockBuilder out;
    private final StringBuilder run = new StringBuilder();
    private boolean lineBlank = true; // nothing but spaces on the current line so far
    private boolean hasText; // the open paragraph holds more than spaces
    private boolean afterCr;

    Paragraphs(BlockBuilder out) {
      this.out = out;
    }

    void add(char[] buf, int n) {
      for (int i = 0; i < n; i++) {
        char c = buf[i];
        if (c == '\n' && afterCr) {
          afterCr = false; // the \n of \r\n: the line ended at the \r
          continue;
        }
        afterCr = c == '\r';
        if (c == '\n' || c == '\r') {
          if (lineBlank && hasText) {
            end(); // a blank line
          } else {
            run.append('\n');
          }
          lineBlank = true;
          continue;
        }
        run.append(c);
        if (!Character.isWhitespace(c)) {
          lineBlank = false;
          hasText = true;
        }
      }
      flushRun();
    }

    /** Closes the open paragraph. */
    void end() {
      flushRun();
      out.endBlock();
      hasText = false;
    }

    private void flushRun() {
      if (!run.isEmpty()) {
        out.text(run.toString());
        run.setLength(0);
      }
    }
  }
}
