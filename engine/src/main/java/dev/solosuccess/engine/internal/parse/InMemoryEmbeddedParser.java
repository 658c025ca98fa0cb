package dev.solosuccess.engine.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses the documents embedded in another (mail attachments, objects inside office files) without
 * writing them to disk. Tika's parsers for images, sound and video copy their input into a
 * temporary file to read its metadata, and they yield no text the engine could index, so they are
 * skipped; OOXML and OpenDocument packages are opened in memory, as {@link TikaParser} does for a
 * top-level document. Thread-safe.
 */
final class InMemoryEmbeddedParser implements Parser {

  private static final long serialVersionUID = 1L;
  private static final Set<String> NO_TEXT = Set.of("image", "audio", "video");

  private final AutoDetectParser parser;

  InMemoryEmbeddedParser(AutoDetectParser parser) {
    this.parser = parser;
  }

  @Override
  public Set<MediaType> getSupportedTypes(ParseContext context) {
    return parser.getSupportedTypes(context);
  }

  @Override
  public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext ctx)
      throws IOException, SAXException, TikaException {
    // An embedded document is already in memory inside its container, which the limits bound.
    byte[] bytes = stream.readAllBytes();
    MediaType type;
    try (TikaInputStream probe = TikaInputStream.get(bytes)) {
      type = parser.getDetector().detect(probe, metadata);
    }
    if (NO_TEXT.contains(type.getType())) {
      return;
    }
    // Unlike a top-level document, an embedded package's parts are not size-checked here: they
    // were inflated from the container, which the limits already bound.
    TikaParser.parseInMemory(
        parser, type.getBaseType().toString(), bytes, in -> in, () -> {}, handler, metadata, ctx);
  }
}
