package dev.solosuccess.index.internal.lucene;

import dev.solosuccess.index.IncompatibleIndexException;
import dev.solosuccess.index.IndexSettings;
import dev.solosuccess.index.TextAnalysis;
import dev.solosuccess.index.VectorEncoding;
import java.nio.file.Path;
import java.util.Map;

/** The user data of each commit: what the index is, and the last change it reflects. */
final class CommitInfo {

  /**
   * Bumped whenever the fields or their analysis change; an index of another format is rebuilt.
   * 2: numeric attributes as points ({@code num.NAME}). 3: chunk and document ids also in doc
   * values, read per hit without decompressing a stored-fields block. 4: document text for
   * document-level BM25 ({@code doctext}, on each document's first chunk). 5: access labels
   * ({@code label}) and token counts per text field ({@code len.FIELD}).
   */
  static final String FORMAT = "5";

  static final String KEY_FORMAT = "solo.index.format";
  static final String KEY_DIMENSION = "solo.vector.dimension";
  static final String KEY_SIMILARITY = "solo.vector.similarity";
  static final String KEY_SPACE = "solo.vector.space";
  static final String KEY_SEQUENCE = "solo.sequence";
  /** Absent in indexes made before vectors could be quantized: those hold float32 vectors. */
  static final String KEY_ENCODING = "solo.vector.encoding";
  /** Absent in indexes made before the analysis could be chosen: those are ENGLISH. */
  static final String KEY_ANALYSIS = "solo.text.analysis";

  private CommitInfo() {}

  static Map<String, String> userData(IndexSettings settings, long sequence) {
    return Map.of(
        KEY_FORMAT, FORMAT,
        KEY_DIMENSION, Integer.toString(settings.dimension()),
        KEY_SIMILARITY, settings.similarity().name(),
        KEY_SPACE, settings.vectorSpace(),
        KEY_ENCODING, settings.vectorEncoding().name(),
        KEY_ANALYSIS, settings.textAnalysis().name(),
        KEY_SEQUENCE, Long.toString(sequence));
  }

  /** Checks that an existing index was made with {@code settings}; returns its sequence. */
  static long check(Map<String, String> userData, IndexSettings settings, Path directory) {
    expect(userData, KEY_FORMAT, FORMAT, "index format", directory);
    expect(
        userData,
        KEY_DIMENSION,
        Integer.toString(settings.dimension()),
        "vector dimension",
        directory);
    expect(userData, KEY_SIMILARITY, settings.similarity().name(), "vector similarity", directory);
    expect(userData, KEY_SPACE, settings.vectorSpace(), "vector space", directory);
    String encoding = userData.getOrDefault(KEY_ENCODING, VectorEncoding.FLOAT32.name());
    if (!settings.vectorEncoding().name().equals(encoding)) {
      throw new IncompatibleIndexException(
          "vector encoding must be " + settings.vectorEncoding() + ", got " + encoding
              + " in the index at " + directory,
          directory);
    }
    String analysis = userData.getOrDefault(KEY_ANALYSIS, TextAnalysis.ENGLISH.name());
    if (!settings.textAnalysis().name().equals(analysis)) {
      throw new IncompatibleIndexException(
          "text analysis must be " + settings.textAnalysis() + ", got " + analysis
              + " in the index at " + directory,
          directory);
    }
    String sequence = userData.get(KEY_SEQUENCE);
    try {
      return Long.parseLong(sequence);
    } catch (NumberFormatException e) {
      throw new IncompatibleIndexException(
          "index at " + directory + " has no valid sequence number, got '" + sequence + "'",
          directory);
    }
  }

  private static void expect(
      Map<String, String> userData, String key, String expected, String what, Path directory) {
    String actual = userData.get(key);
    if (!expected.equals(actual)) {
      throw new IncompatibleIndexException(
          what + " must be " + expected + ", got " + actual + " in the index at " + directory,
          directory);
    }
  }
}
