package dev.solosuccess.engine.internal.parse;

import dev.solosuccess.sdk.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a text file to a string, detecting the encoding rather than assuming it: a byte order
 * mark wins; otherwise strict UTF-8 if the bytes are valid UTF-8 (which legacy 8-bit text almost
 * never is); otherwise UTF-16 when every other byte is zero; otherwise Windows-1252, the superset
 * of ISO-8859-1 that legacy Western text uses. Content that is still mostly control characters is
 * binary, not text, and refused.
 */
public final class TextDecoder {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoder() {}

  /**
   * The decoded text and the charset used.
   *
   * @param text the text, without a byte order mark
   * @param charset the detected encoding
   */
  public record Decoded(String text, Charset charset) {}

  public static Decoded decode(byte[] bytes, String source) {
    Decoded d = decodeUnchecked(bytes);
    if (looksBinary(d.text())) {
      throw new InvalidInputException(
          source + " holds binary data, not text (decoded as " + d.charset() + ")", source, null);
    }
    return d;
  }

  private static Decoded decodeUnchecked(byte[] b) {
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
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b))
              .toString();
      if (s.indexOf('\0') < 0) {
        return new Decoded(s, StandardCharsets.UTF_8);
      }
    } catch (CharacterCodingException e) {
      // not UTF-8: try the others
    }
    Charset utf16 = utf16WithoutBom(b);
    if (utf16 != null) {
      return new Decoded(new String(b, utf16), utf16);
    }
    return new Decoded(new String(b, WINDOWS_1252), WINDOWS_1252);
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
