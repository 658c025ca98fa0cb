package dev.solosuccess.engine.internal.model;

import dev.solosuccess.engine.InferenceListener;
import dev.solosuccess.sdk.EmbeddingKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link EmbeddingModel} in front of another that answers from a {@link VectorCache} first:
 * inputs whose vectors are stored never reach the model. An input is the exact text the model reads
 * (the model's prefix for its kind, then the text), so a query and a passage share an entry only
 * when the model gives them the same prefix, that is, the same vector. Entries belong to the model's
 * {@link ModelSpec#key()}: another model, or the same id with other files or settings, never sees
 * them.
 *
 * <p>Queries also pass through a small in-memory LRU, so a repeated search touches neither the
 * database nor the model. Equal inputs within one call are embedded once.
 *
 * <p>Thread-safe if the wrapped model and cache are. Closing closes the wrapped model.
 */
public final class CachingEmbeddingModel implements EmbeddingModel {

  /** Queries kept in memory: a search box's recent history, about 1.6 MB at 384 dimensions. */
  static final int QUERY_LRU_ENTRIES = 1_024;

  private final EmbeddingModel model;
  private final VectorCache cache;
  private final String key;
  private final InferenceListener listener;
  private final Map<String, VectorCache.Entry> recentQueries; // guarded by itself

  public CachingEmbeddingModel(
      EmbeddingModel model, VectorCache cache, InferenceListener listener) {
    this.model = model;
    this.cache = cache;
    this.key = model.spec().key();
    this.listener = listener;
    this.recentQueries =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, VectorCache.Entry> eldest) {
            return size() > QUERY_LRU_ENTRIES;
          }
        };
  }

  @Override
  public ModelSpec spec() {
    return model.spec();
  }

  @Override
  public Tokenization tokenization() {
    return model.tokenization();
  }

  @Override
  public int passageOverheadTokens() {
    return model.passageOverheadTokens();
  }

  /**
   * Erases the cached vectors of {@code texts} embedded as {@code kind}, in the store and in the
   * recent-query memory; returns how many stored entries went.
   */
  public int forget(List<String> texts, EmbeddingKind kind) {
    String prefix = model.spec().prefix(kind);
    MessageDigest digest = Sha256.digest();
    byte[][] inputs = new byte[texts.size()][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = digest.digest((prefix + texts.get(i)).getBytes(StandardCharsets.UTF_8));
    }
    synchronized (recentQueries) {
      for (byte[] d : inputs) {
        recentQueries.remove(HexFormat.of().formatHex(d));
      }
    }
    return cache.deleteAll(key, inputs);
  }

  @Override
  public Embedded embed(List<String> texts, EmbeddingKind kind) {
    int n = texts.size();
    String prefix = model.spec().prefix(kind);
    MessageDigest digest = Sha256.digest();
    // Distinct inputs, in first-seen order, with the positions that hold each.
    Map<String, List<Integer>> positions = new LinkedHashMap<>();
    Map<String, byte[]> digests = new LinkedHashMap<>();
    Map<String, String> textOf = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String text = texts.get(i);
      byte[] d = digest.digest((prefix + text).getBytes(StandardCharsets.UTF_8));
      String hex = HexFormat.of().formatHex(d);
      positions.computeIfAbsent(hex, k -> new ArrayList<>(1)).add(i);
      digests.putIfAbsent(hex, d);
      textOf.putIfAbsent(hex, text);
    }
    Map<String, VectorCache.Entry> found = new LinkedHashMap<>();
    if (kind == EmbeddingKind.QUERY) {
      synchronized (recentQueries) {
        for (String hex : positions.keySet()) {
          VectorCache.Entry e = recentQueries.get(hex);
          if (e != null) {
            found.put(hex, e);
          }
        }
      }
    }
    List<String> lookup = positions.keySet().stream().filter(h -> !found.containsKey(h)).toList();
    if (!lookup.isEmpty()) {
      byte[][] keys = lookup.stream().map(digests::get).toArray(byte[][]::new);
      VectorCache.Entry[] stored = cache.getAll(key, keys);
      for (int i = 0; i < stored.length; i++) {
        if (stored[i] != null) {
          found.put(lookup.get(i), stored[i]);
        }
      }
    }
    List<String> missing = lookup.stream().filter(h -> !found.containsKey(h)).toList();
    if (!missing.isEmpty()) {
      Embedded fresh = model.embed(missing.stream().map(textOf::get).toList(), kind);
      VectorCache.Entry[] entries = new VectorCache.Entry[missing.size()];
      // The model counts its truncated inputs but not which: recount the few that can be.
      for (int i = 0; i < entries.length; i++) {
        boolean truncated =
            fresh.truncated() > 0 && isTruncated(prefix + textOf.get(missing.get(i)));
        entries[i] = new VectorCache.Entry(fresh.vectors()[i], truncated);
        found.put(missing.get(i), entries[i]);
      }
      cache.putAll(key, missing.stream().map(digests::get).toArray(byte[][]::new), entries);
    }
    if (kind == EmbeddingKind.QUERY) {
      synchronized (recentQueries) {
        found.forEach(recentQueries::put);
      }
    }
    float[][] vectors = new float[n][];
    int truncated = 0;
    for (Map.Entry<String, List<Integer>> e : positions.entrySet()) {
      VectorCache.Entry entry = found.get(e.getKey());
      for (int i : e.getValue()) {
        vectors[i] = entry.vector().clone(); // callers own their arrays
        if (entry.truncated()) {
          truncated++;
        }
      }
    }
    int cached = n - missing.size();
    if (cached > 0) {
      listener.embeddedFromCache(model.spec().id(), cached);
    }
    return new Embedded(vectors, truncated, cached);
  }

  /**
   * Whether the model reads only the beginning of this input: the same test as the tokenizer's
   * (word pieces plus special tokens over the limit, or text far beyond any such limit).
   */
  private boolean isTruncated(String input) {
    ModelSpec spec = model.spec();
    if (input.length() > (long) spec.maxTokens() * 64) {
      return true;
    }
    String passagePrefix = spec.passagePrefix();
    int special =
        model.passageOverheadTokens()
            - (passagePrefix.isEmpty() ? 0 : model.tokenization().countTokens(passagePrefix));
    return model.tokenization().countTokens(input) + special > spec.maxTokens();
  }

  @Override
  public void close() {
    model.close();
  }
}
