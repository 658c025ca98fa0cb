package dev.solosuccess.engine.internal.parse;

/** Plain text in any common encoding; blank lines separate paragraphs. */
final class PlainTextParser implements DocumentParser {

  @Override
  public ParsedDocument parse(byte[] content, ParseGuard guard) {
    String text = TextDecoder.decode(content, guard.source()).text();
    BlockBuilder out = new BlockBuilder(guard);
    for (String paragraph : text.split("\\R[\\h\\x0B\\f]*\\R")) {
      out.paragraph(paragraph);
    }
    return out.build(DocInfo.NONE, false);
  }
}
