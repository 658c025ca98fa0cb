package dev.solosuccess.engine.internal.parse;

/** Turns the bytes of one format into text. Implementations are stateless and thread-safe. */
interface DocumentParser {

  /**
   * @param content the whole file
   * @param source the document's source, for error messages
   * @throws dev.solosuccess.sdk.InvalidInputException if the content is not valid for the format
   */
  RawText parse(byte[] content, String source);
}
