package dev.solosuccess.engine.internal.parse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.XHTMLContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * OpenDocument (ODT, ODS, ODP) read as a stream of ZIP entries in memory. Tika's own
 * OpenDocument parser opens the package as a {@code java.util.zip.ZipFile}, which needs a file: it
 * copies every document, in plain text, into {@code java.io.tmpdir}, where it stays readable and,
 * once deleted, recoverable from the disk. A document holding PHI must never leave the engine's
 * encrypted stores, so this parser reads {@code content.xml} and {@code meta.xml} straight from
 * the entries with Tika's own content and metadata parsers. Thread-safe (stateless).
 */
final class InMemoryOdfParser implements Parser {

  private static final long serialVersionUID = 1L;
  private static final String PREFIX = "application/vnd.oasis.opendocument.";
  /** The manifest names only entries; a larger one is not a manifest. */
  private static final int MAX_MANIFEST_BYTES = 1 << 20;

  static boolean handles(String mediaType) {
    return mediaType.startsWith(PREFIX);
  }

  @Override
  public Set<MediaType> getSupportedTypes(ParseContext context) {
    return Set.of(
        MediaType.parse(PREFIX + "text"),
        MediaType.parse(PREFIX + "spreadsheet"),
        MediaType.parse(PREFIX + "presentation"));
  }

  @Override
  public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext ctx)
      throws IOException, SAXException, TikaException {
    XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
    xhtml.startDocument();
    boolean content = false;
    try (ZipInputStream zip = new ZipInputStream(new Unclosable(stream))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        InputStream entry = new Unclosable(zip);
        switch (e.getName()) {
          case "META-INF/manifest.xml" -> refuseIfEncrypted(entry);
          case "meta.xml" -> TikaClasses.parser(TikaClasses.ODF_META).parse(entry, new DefaultHandler(), metadata, ctx);
          case "content.xml" -> {
            TikaClasses.parser(TikaClasses.ODF_CONTENT).parse(entry, new BodyOnly(xhtml), metadata, ctx);
            content = true;
          }
          default -> {} // styles, pictures, thumbnails: no text of the document's own
        }
      }
    }
    if (!content) {
      throw new TikaException("not an OpenDocument package: it has no content.xml");
    }
    xhtml.endDocument();
  }

  private static void refuseIfEncrypted(InputStream manifest)
      throws IOException, EncryptedDocumentException {
    byte[] head = manifest.readNBytes(MAX_MANIFEST_BYTES);
    if (new String(head, StandardCharsets.UTF_8).contains("encryption-data")) {
      throw new EncryptedDocumentException("the OpenDocument package is encrypted");
    }
  }

  /** Lets a parser close what it was given without closing the ZIP stream under it. */
  private static final class Unclosable extends FilterInputStream {
    Unclosable(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }

  /** Passes the content parser's elements on, without its own document start and end. */
  private static final class BodyOnly extends org.apache.tika.sax.ContentHandlerDecorator {
    BodyOnly(ContentHandler to) {
      super(to);
    }

    @Override
    public void startDocument() {}

    @Override
    public void endDocument() {}
  }
}
