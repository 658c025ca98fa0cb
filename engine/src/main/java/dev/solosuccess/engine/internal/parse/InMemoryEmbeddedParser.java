package dev.solosuccess.engine.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
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
 * top-level document, after the same check of their parts' sizes: an embedded OOXML package is
 * compressed too, so a small attachment can inflate a part far past {@code maxDocumentBytes}. Such
 * an attachment is skipped (Tika records the failure of an embedded document and goes on with the
 * rest of the container) and a warning names the limit. Thread-safe; one per parse, as its guard.
 */
final class InMemoryEmbeddedParser implements Parser {

  private static final long serialVersionUID = 1L;
  private static final Set<String> NO_TEXT = Set.of("image", "audio", "video");

  private static final System.Logger LOG = System.getLogger(InMemoryEmbeddedParser.class.getName());

  private final AutoDetectParser parser;
  private final transient ParseGuard guard;

  /**
   * @param guard the guard of the top-level document: its limits bound the embedded ones too
   */
  InMemoryEmbeddedParser(AutoDetectParser parser, ParseGuard guard) {
    this.parser = parser;
    this.guard = guard;
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
    String mediaType = type.getBaseType().toString();
    TikaParser.parseInMemory(
        parser, mediaType, bytes, in -> in, () -> checkParts(bytes, metadata), handler, metadata,
        ctx);
  }

  private void checkParts(byte[] bytes, Metadata metadata) throws IOException, TikaException {
    String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
    String what = "an embedded document" + (name == null ? "" : " (" + name + ")") + " in "
        + guard.source();
    try {
      TikaParser.checkParts(bytes, guard, what);
    } catch (ParseGuard.ParseLimitException e) {
      // A TikaException, not the limit's own exception: Tika then skips this attachment only.
      LOG.log(System.Logger.Level.WARNING, e.getCause().getMessage() + "; skipped");
      throw new TikaException(e.getCause().getMessage(), e.getCause());
    }
  }
}
