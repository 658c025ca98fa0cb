package dev.solosuccess.engine.internal.parse;

/** Plain text in any common encoding. */
final class PlainTextParser implements DocumentParser {

  @Override
  public RawText parse(byte[] content, String source) {
    return RawText.unpaginated(TextDecoder.decode(content, source).text());
  }
}
