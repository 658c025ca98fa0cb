package dev.solosuccess.engine.internal.parse;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LimitExceededException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Date;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Office documents, e-mail, RTF and the rest of Apache Tika's formats. Tika turns each into XHTML
 * events; {@link StructureHandler} keeps headings, paragraphs, table rows and slides. Embedded
 * documents (mail attachments, objects inside office files) are parsed in place by the same guard,
 * so their text counts against the same limits. Thread-safe.
 */
final class TikaParser implements DocumentParser {

  private final AutoDetectParser parser;
  private final String mediaType;

  /**
   * @param parser Tika's parser, shared
   * @param mediaType the detected type, given to Tika so it does not guess again
   */
  TikaParser(AutoDetectParser parser, String mediaType) {
    this.parser = parser;
    this.mediaType = mediaType;
  }

  @Override
  public ParsedDocument parse(byte[] content, ParseGuard guard) {
    String source = guard.source();
    Metadata metadata = new Metadata();
    // The type was detected (or given by the caller): Tika must not guess another from the bytes.
    metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, mediaType);
    ParseContext context = new ParseContext();
    // Attachments and embedded files are parsed too, in memory like the document itself.
    context.set(Parser.class, new InMemoryEmbeddedParser(parser, guard));
    BlockBuilder blocks = new BlockBuilder(guard);
    boolean slides = mediaType.contains("presentation") || mediaType.contains("powerpoint");
    StructureHandler handler = new StructureHandler(blocks, slides);
    try {
      // Tika would copy an OOXML package into a temporary file to open it: PHI in plain text on
      // disk. It is opened in memory instead, after its parts' sizes are checked.
      parseInMemory(
          parser, mediaType, content, in -> new GuardedInputStream(in, guard),
          () -> checkParts(content, guard, source), handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      throw new InvalidInputException(
          source + " is encrypted or password-protected; decrypt it first", source, e);
    } catch (IOException | SAXException | TikaException e) {
      Parsers.rethrowLimit(e);
      throw new InvalidInputException(
          source + " could not be parsed as " + mediaType + ": " + Parsers.describe(e), source, e);
    }
    return blocks.build(info(metadata), slides);
  }

  /** Runs before an OOXML package is read into memory. */
  @FunctionalInterface
  interface PackageCheck {
    void check() throws IOException, TikaException;
  }

  /**
   * Parses {@code content} of {@code mediaType} with Tika without a temporary file: OpenDocument
   * through {@link InMemoryOdfParser}, OOXML packages opened in memory and given to Tika as the
   * stream's open container, the rest as Tika reads them from a stream.
   *
   * @param wrap wraps each stream read from {@code content} (the parse guard, or nothing)
   * @param beforeOpening checks an OOXML package before it is opened
   */
  static void parseInMemory(
      AutoDetectParser parser,
      String mediaType,
      byte[] content,
      java.util.function.UnaryOperator<java.io.InputStream> wrap,
      PackageCheck beforeOpening,
      org.xml.sax.ContentHandler handler,
      Metadata metadata,
      ParseContext context)
      throws IOException, SAXException, TikaException {
    if (InMemoryOdfParser.handles(mediaType)) {
      new InMemoryOdfParser().parse(wrap.apply(new ByteArrayInputStream(content)), handler,
          metadata, context);
      return;
    }
    TikaClasses.OpenPackage pkg = null;
    try (TikaInputStream in = TikaInputStream.get(wrap.apply(new ByteArrayInputStream(content)))) {
      if (isOoxml(mediaType)) {
        beforeOpening.check();
        pkg = TikaClasses.openOoxml(wrap.apply(new ByteArrayInputStream(content)));
        in.setOpenContainer(pkg.container());
      }
      parser.parse(in, handler, metadata, context);
    } finally {
      if (pkg != null) {
        pkg.release().run();
      }
    }
  }

  private static GuardedInputStream guarded(byte[] content, ParseGuard guard) {
    return new GuardedInputStream(new ByteArrayInputStream(content), guard);
  }

  /**
   * Refuses a package with a part that inflates past {@link ParseGuard#maxPartBytes()}: POI holds
   * every part of a package read from memory as one array, so the part's size is the memory the
   * parse takes. Counts as it inflates, so a lying header changes nothing. Used for top-level
   * packages and for packages embedded in another document ({@link InMemoryEmbeddedParser}).
   *
   * @param what names the package in the message: the source, or an embedded file in it
   * @throws ParseGuard.ParseLimitException naming {@code maxDocumentBytes}
   */
  static void checkParts(byte[] content, ParseGuard guard, String what) throws IOException {
    byte[] buf = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(guarded(content, guard))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        long total = 0;
        for (int n; (n = zip.read(buf)) > 0; ) {
          total += n;
          if (total > guard.maxPartBytes()) {
            throw new ParseGuard.ParseLimitException(
                new LimitExceededException(
                    what + ": its part " + e.getName()
                        + " inflates to more than maxDocumentBytes (" + guard.maxPartBytes()
                        + "); office documents are read in memory, never through a temporary file",
                    guard.source(), "maxDocumentBytes", guard.maxPartBytes(), total));
          }
        }
      }
    } catch (java.util.zip.ZipException e) {
      // Not a readable ZIP: POI's own reading reports it, as before.
    }
  }

  /** Office Open XML packages: Word, Excel and PowerPoint 2007 and later, macro-enabled too. */
  static boolean isOoxml(String mediaType) {
    return mediaType.startsWith("application/vnd.openxmlformats-officedocument.")
        || mediaType.endsWith(".macroenabled.12");
  }

  private static DocInfo info(Metadata m) {
    String author = m.get(TikaCoreProperties.CREATOR);
    if (author == null) {
      author = m.get(Office.AUTHOR);
    }
    if (author == null) {
      author = m.get("Message-From");
    }
    Date created = m.getDate(TikaCoreProperties.CREATED);
    String language = m.get(TikaCoreProperties.LANGUAGE);
    return new DocInfo(
        m.get(TikaCoreProperties.TITLE),
        author,
        created == null ? null : created.toInstant(),
        language == null ? null : language.toLowerCase(Locale.ROOT));
  }

  /** Tika's XHTML events to blocks. */
  private static final class StructureHandler extends DefaultHandler {
    private final BlockBuilder out;
    private final boolean slides;
    private int headDepth; // > 0 inside <head>: the title there is metadata, not text
    private boolean slideStarted; // a slide began and its first paragraph has not ended
    private boolean inSlideTitle; // inside that first paragraph

    StructureHandler(BlockBuilder out, boolean slides) {
      this.out = out;
      this.slides = slides;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      String name = localName.isEmpty() ? qName : localName;
      switch (name.toLowerCase(Locale.ROOT)) {
        case "head" -> headDepth++;
        case "h1", "h2", "h3", "h4", "h5", "h6" -> out.startHeading(name.charAt(1) - '0');
        case "tr" -> out.startRow();
        case "td", "th" -> out.startCell();
        case "br" -> out.lineBreak();
        case "div" -> {
          String cls = atts.getValue("class");
          if (slides && "slide-content".equals(cls)) {
            out.startPage();
            slideStarted = true;
          } else {
            out.endBlock();
          }
        }
        case "p" -> {
          out.endBlock();
          inSlideTitle = slideStarted;
          slideStarted = false;
        }
        case "li", "dt", "dd", "blockquote", "pre", "table", "ul", "ol" -> out.endBlock();
        default -> {}
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      String name = localName.isEmpty() ? qName : localName;
      switch (name.toLowerCase(Locale.ROOT)) {
        case "head" -> headDepth--;
        case "h1", "h2", "h3", "h4", "h5", "h6" -> out.endHeading();
        case "tr" -> out.endRow();
        case "td", "th" -> out.endCell();
        case "table" -> out.endRow();
        case "p" -> {
          if (inSlideTitle) {
            out.endBlockAsTitle(1); // a slide's first paragraph is its title shape
            inSlideTitle = false;
          } else {
            out.endBlock();
          }
        }
        case "li", "dt", "dd", "blockquote", "pre", "div" -> out.endBlock();
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (headDepth == 0) {
        out.text(ch, start, length);
      }
    }
  }
}
