package dev.solosuccess.engine.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The model-independent half of embedding: texts tokenized with their prefix and truncated to the
 * model's limit, then sorted by length and cut into dynamically padded batches. Every backend
 * (ONNX Runtime, TorchScript) runs the batches this plans, so a text gets the same input whatever
 * runs it. Stateless.
 */
final class EmbeddingBatches {

  private EmbeddingBatches() {}

  /**
   * One call's inputs.
   *
   * @param encoded each text's model input, in input order
   * @param truncated how many inputs were longer than the model's limit
   */
  record Encoded(ModelTokenizer.Encoded[] encoded, int truncated) {}

  /**
   * Tokenizes each text with {@code prefix} prepended, truncated to the tokenizer's limit, on the
   * caller's thread.
   */
  static Encoded encode(ModelTokenizer tokenizer, List<String> texts, String prefix) {
    ModelTokenizer.Encoded[] encoded = new ModelTokenizer.Encoded[texts.size()];
    for (int i = 0; i < encoded.length; i++) {
      String text = texts.get(i);
      encoded[i] = tokenizer.encodeForModel(prefix.isEmpty() ? text : prefix + text);
    }
    return new Encoded(encoded, truncated(encoded));
  }

  /** How many inputs were longer than the model's limit. */
  static int truncated(ModelTokenizer.Encoded[] encoded) {
    int truncated = 0;
    for (ModelTokenizer.Encoded e : encoded) {
      if (e.truncated()) {
        truncated++;
      }
    }
    return truncated;
  }

  /**
   * Sorts the inputs by length and cuts them into batches: a batch ends at {@code batchSize}
   * inputs, at {@code maxBatchTokens} padded tokens, or where the next input is longer than the
   * batch's first times {@code maxPadding}, plus 4 (the rest would be padding).
   *
   * @return the input indexes of each batch, shortest inputs first
   */
  static List<int[]> plan(
      ModelTokenizer.Encoded[] encoded, int batchSize, long maxBatchTokens, double maxPadding) {
    int n = encoded.length;
    int[] order =
        IntStream.range(0, n)
            .boxed()
            .sorted(Comparator.comparingInt(i -> encoded[i].length()))
            .mapToInt(Integer::intValue)
            .toArray();
    List<int[]> batches = new ArrayList<>();
    int start = 0;
    while (start < n) {
      int end = start + 1;
      while (end < n
          && end - start < batchSize
          && (long) encoded[order[end]].length() * (end - start + 1) <= maxBatchTokens
          && encoded[order[end]].length() <= encoded[order[start]].length() * maxPadding + 4) {
        end++;
      }
      batches.add(Arrays.copyOfRange(order, start, end));
      start = end;
    }
    return batches;
  }

  /**
   * A batch's inputs padded to its longest: row-major {@code [rows, length]} arrays of ids, token
   * types and attention mask (1 on real tokens, 0 on padding).
   */
  record Padded(long[] ids, long[] typeIds, long[] mask, int rows, int length) {}

  /** Pads the inputs {@code rows} of {@code encoded} to the longest among them. */
  static Padded pad(ModelTokenizer.Encoded[] encoded, int[] rows) {
    int b = rows.length;
    int len = 0;
    for (int r : rows) {
      len = Math.max(len, encoded[r].length());
    }
    long[] ids = new long[b * len];
    long[] mask = new long[b * len];
    long[] types = new long[b * len];
    for (int i = 0; i < b; i++) {
      ModelTokenizer.Encoded e = encoded[rows[i]];
      System.arraycopy(e.ids(), 0, ids, i * len, e.length());
      System.arraycopy(e.typeIds(), 0, types, i * len, e.length());
      Arrays.fill(mask, i * len, i * len + e.length(), 1L);
    }
    return new Padded(ids, types, mask, b, len);
  }
}
