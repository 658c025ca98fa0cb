package dev.solosuccess.engine.internal.parse;

/** Turns the bytes of one format into structure. Implementations are thread-safe. */
interface DocumentParser {

  /**
   * @param content the whole file
   * @param guard the parse's limits; its source names the document in errors
   * @throws dev.solosuccess.sdk.InvalidInputException if the content is not valid for the format
   * @throws ParseGuard.ParseLimitException if a limit of the guard was reached
   */
  ParsedDocument parse(byte[] content, ParseGuard guard);
}
