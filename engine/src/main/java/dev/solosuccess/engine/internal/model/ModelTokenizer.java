package dev.solosuccess.engine.internal.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import dev.solosuccess.sdk.ModelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A model's HuggingFace tokenizer (DJL's Rust binding), set up so that the engine, not the
 * tokenizer file, decides truncation: {@code tokenizer.json} of all-MiniLM-L6-v2 truncates at 128
 * word pieces, half of what the model reads. Thread-safe.
 */
public final class ModelTokenizer implements Tokenization, AutoCloseable {

  /** Longest text handed to the tokenizer for one model input; far beyond any 512-token input. */
  private static final int MAX_INPUT_CHARS_PER_TOKEN = 64;

  private final HuggingFaceTokenizer tokenizer;
  private final int maxTokens;
  private final String modelId;

  private ModelTokenizer(HuggingFaceTokenizer tokenizer, int maxTokens, String modelId) {
    this.tokenizer = tokenizer;
    this.maxTokens = maxTokens;
    this.modelId = modelId;
  }

  /**
   * Loads the tokenizer of a model from its source: a class-path resource, or a model folder's
   * pinned {@code tokenizer.json} (checked against its SHA-256 as read).
   *
   * @throws ModelException if it is missing, changed or cannot be parsed
   */
  public static ModelTokenizer load(ModelSpec spec) {
    return load(spec.source().readTokenizer(spec.id()), spec);
  }

  /**
   * The tokenizer of a model in a folder, from a HuggingFace {@code tokenizer.json} file as it is
   * (no pin is checked: callers that have one use {@link #load(ModelSpec)}).
   */
  public static ModelTokenizer load(Path tokenizerJson, ModelSpec spec) {
    byte[] json;
    try {
      json = Files.readAllBytes(tokenizerJson);
    } catch (IOException e) {
      throw new ModelException(
          "cannot read the tokenizer " + tokenizerJson + " of model " + spec.id() + ": " + e,
          spec.id(),
          e);
    }
    return load(json, spec);
  }

  private static ModelTokenizer load(byte[] json, ModelSpec spec) {
    try (InputStream in = new ByteArrayInputStream(json)) {
      HuggingFaceTokenizer tokenizer =
          HuggingFaceTokenizer.newInstance(
              in, Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "true"));
      return new ModelTokenizer(tokenizer, spec.maxTokens(), spec.id());
    } catch (IOException | RuntimeException e) {
      throw new ModelException(
          "cannot load the tokenizer of model " + spec.id() + ": " + e.getMessage(), spec.id(), e);
    }
  }

  /** One model input: ids with special tokens, truncated to the model's limit. */
  record Encoded(long[] ids, long[] typeIds, boolean truncated) {
    int length() {
      return ids.length;
    }
  }

  Encoded encodeForModel(String text) {
    String input = text;
    int cap = maxTokens * MAX_INPUT_CHARS_PER_TOKEN;
    if (input.length() > cap) {
      input = input.substring(0, cap); // the tail could not survive truncation anyway
    }
    Encoding e = encode(input, true);
    long[] ids = e.getIds();
    long[] types = e.getTypeIds();
    boolean truncated = ids.length > maxTokens || input.length() < text.length();
    if (ids.length > maxTokens) {
      // Keep [CLS] and the first pieces, end with the original final special token ([SEP]).
      long sep = ids[ids.length - 1];
      ids = Arrays.copyOf(ids, maxTokens);
      ids[maxTokens - 1] = sep;
      types = Arrays.copyOf(types, maxTokens);
    }
    return new Encoded(ids, types, truncated);
  }

  @Override
  public int countTokens(String text) {
    return encode(text, false).getIds().length;
  }

  @Override
  public int[] tokenStarts(String text) {
    CharSpan[] spans = encode(text, false).getCharTokenSpans();
    int[] starts = new int[spans.length];
    for (int i = 0; i < spans.length; i++) {
      starts[i] = spans[i] == null ? (i == 0 ? 0 : starts[i - 1]) : spans[i].getStart();
    }
    return starts;
  }

  private Encoding encode(String text, boolean specialTokens) {
    try {
      return tokenizer.encode(withoutLoneSurrogates(text), specialTokens, false);
    } catch (RuntimeException e) {
      throw new ModelException(
          "the tokenizer of model " + modelId + " failed: " + e.getMessage(), modelId, e);
    }
  }

  /**
   * The text with each lone surrogate replaced by U+FFFD. The native tokenizer reads UTF-8, which
   * cannot encode a lone surrogate: it replaced one by three bytes, and the character offsets it
   * returned then pointed past the end of the Java string. U+FFFD keeps every offset in place.
   */
  static String withoutLoneSurrogates(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      if (chars == null) {
        chars = text.toCharArray();
      }
      chars[i] = '\uFFFD';
    }
    return chars == null ? text : new String(chars);
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
