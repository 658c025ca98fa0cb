package dev.solosuccess.engine.internal.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;

/**
 * Apache Tika's parser and detector, loaded on first use: loading them reads the service entries
 * of every parser module (about a second), which text-only workloads never pay. Thread-safe.
 */
public final class TikaFormats {

  private volatile Loaded loaded;
  private volatile EncodingDetector encodings;

  private record Loaded(TikaConfig config, AutoDetectParser parser) {}

  private Loaded loaded() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        l = loaded;
        if (l == null) {
          TikaConfig config = TikaConfig.getDefaultConfig();
          l = new Loaded(config, new AutoDetectParser(config));
          loaded = l;
        }
      }
    }
    return l;
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
