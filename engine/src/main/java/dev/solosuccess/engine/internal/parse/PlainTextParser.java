package dev.solosuccess.engine.internal.parse;

/** Plain text in any common encoding; blank lines separate paragraphs. */
final class PlainTextParser implements DocumentParser {

  private final TikaFormats tika;

  /** @param tika names the encoding of legacy non-Western text */
  PlainTextParser(TikaFormats tika) {
    this.tika = tika;
  }

  @Override
  public ParsedDocument parse(byte[] content, ParseGuard guard) {
    String text = TextDecoder.decode(content, guard.source(), tika.encodingDetector()).text();
    BlockBuilder out = new BlockBuilder(guard);
    for (String paragraph : text.split("\\R[\\h\\x0B\\f]*\\R")) {
      out.paragraph(paragraph);
    }
    return out.build(DocInfo.NONE, false);
  }
}
