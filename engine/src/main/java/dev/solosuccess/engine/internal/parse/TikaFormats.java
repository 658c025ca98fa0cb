package dev.solosuccess.engine.internal.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.xml.sax.SAXException;

/**
 * Apache Tika's parser and detector, loaded on first use: loading them reads the service entries
 * of every parser module (about a second), which text-only workloads never pay. Thread-safe.
 */
public final class TikaFormats {

  /**
   * Tika's defaults, except that Word and PowerPoint files are read by Tika's streaming (SAX)
   * extractors instead of through POI's object model of the whole document. The object model is
   * built before the first character reaches the {@link ParseGuard}, so neither parseTimeout nor
   * maxExtractedChars could stop it: a 1.7 MB DOCX of 600,000 short paragraphs did not fit in a
   * 512 MB heap, and an 850 KB one took 3.5 s to load whatever the timeout. Streamed, the 1.7 MB
   * one stops at maxExtractedChars within a 128 MB heap, and the 850 KB one at a 50 ms timeout
   * after 66 ms.
   */
  private static final String CONFIG =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <properties>
        <parsers>
          <parser class="org.apache.tika.parser.DefaultParser">
            <parser-exclude class="org.apache.tika.parser.microsoft.ooxml.OOXMLParser"/>
          </parser>
          <parser class="org.apache.tika.parser.microsoft.ooxml.OOXMLParser">
            <params>
              <param name="useSAXDocxExtractor" type="bool">true</param>
              <param name="useSAXPptxExtractor" type="bool">true</param>
            </params>
          </parser>
        </parsers>
      </properties>
      """;

  private volatile Loaded loaded;
  private volatile EncodingDetector encodings;

  private record Loaded(TikaConfig config, AutoDetectParser parser) {}

  private Loaded loaded() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        l = loaded;
        if (l == null) {
          TikaConfig config = config();
          l = new Loaded(config, new AutoDetectParser(config));
          loaded = l;
        }
      }
    }
    return l;
  }

  private static TikaConfig config() {
    try {
      return new TikaConfig(new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8)));
    } catch (TikaException | IOException | SAXException e) {
      throw new IllegalStateException("cannot configure Apache Tika: " + e.getMessage(), e);
    }
  }

  /**
   * Tika's text encoding detectors, for 8-bit text that is not Western. Loaded on first use and
   * separately from the parsers: they are a handful of classes, not every parser module.
   */
  EncodingDetector encodingDetector() {
    return (in, metadata) -> encodings().detect(in, metadata);
  }

  private EncodingDetector encodings() {
    EncodingDetector e = encodings;
    if (e == null) {
      synchronized (this) {
        e = encodings;
        if (e == null) {
          e = new DefaultEncodingDetector();
          encodings = e;
        }
      }
    }
    return e;
  }

  AutoDetectParser parser() {
    return loaded().parser();
  }

  /** The media type Tika reads from the content and name; {@code application/octet-stream} if none. */
  String detect(byte[] content, String name) {
    Metadata m = new Metadata();
    m.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    try (TikaInputStream in = TikaInputStream.get(new ByteArrayInputStream(content))) {
      return loaded().config().getDetector().detect(in, m).getBaseType().toString();
    } catch (IOException | RuntimeException e) {
      return "application/octet-stream";
    }
  }
}
