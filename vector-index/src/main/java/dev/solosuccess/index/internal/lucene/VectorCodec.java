package dev.solosuccess.index.internal.lucene;

import dev.solosuccess.index.HnswParameters;
import dev.solosuccess.index.IndexSettings;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * The codec that writes new segments: Lucene's default, with the vector field's format chosen by
 * the settings. Each segment names its formats, so reading needs no custom codec, and segments of
 * another format (written before a change) stay readable until merged away.
 */
final class VectorCodec {

  /** Lucene's scalar quantization: 7 bits per dimension (signed bytes; 8 is not offered). */
  static final int QUANTIZED_BITS = 7;

  private VectorCodec() {}

  static Codec forSettings(IndexSettings settings) {
    KnnVectorsFormat format = format(settings);
    return new Lucene103Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return format;
      }
    };
  }

  static KnnVectorsFormat format(IndexSettings settings) {
    HnswParameters h = settings.hnsw();
    return switch (settings.vectorEncoding()) {
      case FLOAT32 -> new Lucene99HnswVectorsFormat(h.maxConnections(), h.beamWidth());
      case INT8 ->
          new Lucene99HnswScalarQuantizedVectorsFormat(
              h.maxConnections(), h.beamWidth(), 1, QUANTIZED_BITS, false, null, null);
    };
  }
}
