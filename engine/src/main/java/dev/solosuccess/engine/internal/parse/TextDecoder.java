package dev.solosuccess.engine.internal.parse;

import dev.solosuccess.sdk.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;

/**
 * Bytes of a text file to a string, detecting the encoding rather than assuming it: a byte order
 * mark wins; otherwise strict UTF-8 if the bytes are valid UTF-8 (which legacy 8-bit text almost
 * never is); otherwise UTF-16 when every other byte is zero; otherwise Windows-1252, the superset
 * of ISO-8859-1 that legacy Western text uses, unless the bytes do not look like Western text
 * (mostly non-ASCII letters, or bytes Windows-1252 leaves undefined): then Tika's encoding
 * detectors name the legacy encoding (Shift_JIS, Windows-1251, GBK...). Content that is still
 * mostly control characters is binary, not text, and refused. Thread-safe.
 */
public final class TextDecoder {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Answers from a detector that add nothing to the Windows-1252 default. */
  private static final Set<String> WESTERN =
      Set.of("windows-1252", "ISO-8859-1", "ISO-8859-15", "US-ASCII", "UTF-8");

  /** Bytes that Windows-1252 does not define: text holding them is in some other encoding. */
  private static final Set<Integer> UNDEFINED_IN_1252 = Set.of(0x81, 0x8D, 0x8F, 0x90, 0x9D);

  private TextDecoder() {}

  /**
   * The decoded text and the charset used.
   *
   * @param text the text, without a byte order mark
   * @param charset the detected encoding
   */
  public record Decoded(String text, Charset charset) {}

  /** Decodes without a detector for non-Western legacy encodings: those decode as Windows-1252. */
  public static Decoded decode(byte[] bytes, String source) {
    return decode(bytes, source, null);
  }

  /**
   * @param legacy names the encoding of 8-bit text that does not look Western, or {@code null}
   * @throws InvalidInputException if the content is binary data rather than text
   */
  public static Decoded decode(byte[] bytes, String source, EncodingDetector legacy) {
    Decoded d = decodeUnchecked(bytes, legacy);
    if (looksBinary(d.text())) {
      throw new InvalidInputException(
          source + " holds binary data, not text (decoded as " + d.charset() + ")", source, null);
    }
    return d;
  }

  /**
   * The encoding of a text file from its first bytes, for a file too large to decode whole: as
   * {@link #decode}, except that a UTF-8 sequence cut by the end of the head still counts as UTF-8.
   * Bytes after the head that are not valid in the encoding are decoded as U+FFFD.
   *
   * @param head the file's first bytes
   * @return the encoding, and the length of the byte order mark to skip
   * @throws InvalidInputException if the head is binary data rather than text
   */
  public static HeadEncoding decodeHead(byte[] head, String source, EncodingDetector legacy) {
    int bom = 0;
    if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      bom = 3;
    } else if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
        || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
      bom = 2;
    }
    int whole = head.length - cutUtf8Sequence(head);
    Decoded d = decode(java.util.Arrays.copyOf(head, whole), source, legacy);
    return new HeadEncoding(d.charset(), bom);
  }

  /**
   * @param charset the encoding of the whole file
   * @param bomBytes bytes of the byte order mark at its start, 0 if none
   */
  public record HeadEncoding(Charset charset, int bomBytes) {}

  /** Bytes at the end of {@code b} that begin a UTF-8 sequence longer than what follows them. */
  private static int cutUtf8Sequence(byte[] b) {
    for (int back = 1; back <= Math.min(3, b.length); back++) {
      int c = b[b.length - back] & 0xFF;
      if (c < 0x80) {
        return 0;
      }
      if (c >= 0xC0) {
        int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        return need > back ? back : 0;
      }
    }
    return 0;
  }

  private static Decoded decodeUnchecked(byte[] b, EncodingDetector legacy) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return new Decoded(
          new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return new Decoded(
          new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return new Decoded(
          new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
    }
    String utf8 = strict(b, StandardCharsets.UTF_8);
    if (utf8 != null && utf8.indexOf('\0') < 0) {
      return new Decoded(utf8, StandardCharsets.UTF_8);
    }
    Charset utf16 = utf16WithoutBom(b);
    if (utf16 != null) {
      return new Decoded(new String(b, utf16), utf16);
    }
    if (legacy != null && !looksWestern(b)) {
      Charset detected = detect(legacy, b);
      if (detected != null) {
        String s = strict(b, detected);
        if (s != null) {
          return new Decoded(s, detected);
        }
      }
    }
    return new Decoded(new String(b, WINDOWS_1252), WINDOWS_1252);
  }

  /**
   * Western text in Windows-1252 is mostly ASCII letters with an accented one here and there;
   * text whose letters are mostly high bytes (Cyrillic, Greek, CJK double bytes) is not.
   */
  private static boolean looksWestern(byte[] b) {
    int n = Math.min(b.length, 64 * 1024);
    int asciiLetters = 0;
    int high = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c >= 0x80) {
        if (UNDEFINED_IN_1252.contains(c)) {
          return false;
        }
        high++;
      } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
        asciiLetters++;
      }
    }
    return high < 4 || high * 10 < (asciiLetters + high) * 3;
  }

  /** The detector's answer when it is a non-Western encoding that keeps ASCII as ASCII. */
  private static Charset detect(EncodingDetector detector, byte[] b) {
    Charset c;
    try {
      c = detector.detect(new ByteArrayInputStream(b), new Metadata());
    } catch (IOException | RuntimeException e) {
      return null; // no opinion: the Windows-1252 default stands
    }
    if (c == null || WESTERN.contains(c.name()) || !asciiCompatible(c)) {
      return null;
    }
    return c;
  }

  private static boolean asciiCompatible(Charset c) {
    String ascii = "The quick brown fox, 0123456789.\n";
    try {
      return ascii.equals(new String(ascii.getBytes(StandardCharsets.US_ASCII), c));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The text, or {@code null} if the bytes are not valid in {@code charset}. */
  private static String strict(byte[] b, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** UTF-16 text of mostly ASCII has a zero in every other byte. */
  private static Charset utf16WithoutBom(byte[] b) {
    if (b.length < 4 || b.length % 2 != 0) {
      return null;
    }
    int n = Math.min(b.length, 4096);
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i + 1 < n; i += 2) {
      if (b[i] == 0) {
        evenZeros++;
      }
      if (b[i + 1] == 0) {
        oddZeros++;
      }
    }
    int pairs = n / 2;
    if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /** More than 2% control characters (other than line breaks and tabs) in the first 8 KiB. */
  private static boolean looksBinary(String s) {
    int n = Math.min(s.length(), 8192);
    if (n == 0) {
      return false;
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\0' || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'
          && c != '\f')) {
        control++;
      }
    }
    return control > n / 50;
  }
}
