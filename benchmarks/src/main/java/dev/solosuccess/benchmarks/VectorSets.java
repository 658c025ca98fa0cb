package dev.solosuccess.benchmarks;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.engine.internal.chunk.Sentences;
import dev.solosuccess.sdk.Embedding;
import dev.solosuccess.sdk.EmbeddingKind;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two vector sets of the vector benchmark. Stateless.
 *
 * <ul>
 *   <li>SciFact: every sentence of the corpus (title and abstract, split by the engine's own
 *       sentence splitter) embedded as a passage with the engine's default model
 *       (all-MiniLM-L6-v2, fp32), and the 1,109 queries embedded as queries. Cached in a file,
 *       keyed by the model and the sentence count, so that reruns skip the model.
 *   <li>Random: unit vectors of 384 Gaussian components, a fixed seed.
 * </ul>
 */
final class VectorSets {

  /** Vectors to index and queries, all unit length. */
  record VectorSet(String name, List<float[]> vectors, List<float[]> queries) {
    int dimension() {
      return vectors.get(0).length;
    }
  }

  private static final int CACHE_MAGIC = 0x56454331; // "VEC1"
  private static final String MODEL = EngineConfig.DEFAULT_EMBEDDING_MODEL;

  private VectorSets() {}

  static VectorSet random(int count, int queries, int dimension, long seed) {
    Random random = new Random(seed);
    List<float[]> v = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      v.add(unit(random, dimension));
    }
    List<float[]> q = new ArrayList<>(queries);
    for (int i = 0; i < queries; i++) {
      q.add(unit(random, dimension));
    }
    return new VectorSet("random-" + count + "x" + dimension, v, q);
  }

  private static float[] unit(Random random, int dimension) {
    float[] v = new float[dimension];
    double norm = 0;
    for (int i = 0; i < dimension; i++) {
      v[i] = (float) random.nextGaussian();
      norm += (double) v[i] * v[i];
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < dimension; i++) {
      v[i] = (float) (v[i] / norm);
    }
    return v;
  }

  /** Every sentence of the corpus, in file order. */
  static List<String> sciFactSentences(Path dataDir) throws IOException {
    List<String> sentences = new ArrayList<>();
    for (SciFact.Abstract a : SciFact.read(dataDir, 0)) {
      String text = a.asText();
      for (int[] s : Sentences.split(text, 0, text.length())) {
        sentences.add(text.substring(s[0], s[1]));
      }
    }
    return sentences;
  }

  static List<String> sciFactQueries(Path dataDir) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    List<String> queries = new ArrayList<>();
    try (BufferedReader in =
        Files.newBufferedReader(
            dataDir.resolve("beir/scifact/queries.jsonl"), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          queries.add(json.readTree(line).get("text").asString());
        }
      }
    }
    return queries;
  }

  /** The SciFact set, from the cache when it matches, else embedded now and cached. */
  static VectorSet sciFact(Path dataDir, Path cacheDir) throws IOException {
    List<String> sentences = sciFactSentences(dataDir);
    List<String> queries = sciFactQueries(dataDir);
    Path cache = cacheDir.resolve("scifact-sentences-" + MODEL + ".vec");
    if (Files.exists(cache)) {
      VectorSet cached = readCache(cache, sentences.size(), queries.size());
      if (cached != null) {
        System.err.printf("scifact: %,d sentence vectors from %s%n", sentences.size(), cache);
        return cached;
      }
    }
    System.err.printf(
        "scifact: embedding %,d sentences and %,d queries with %s (cached in %s)...%n",
        sentences.size(), queries.size(), MODEL, cache);
    long start = System.nanoTime();
    Path engineDir = Files.createTempDirectory("solo-vector-bench-");
    List<float[]> v;
    List<float[]> q;
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(engineDir).build())) {
      v = embed(engine, sentences, EmbeddingKind.PASSAGE);
      q = embed(engine, queries, EmbeddingKind.QUERY);
    } finally {
      VectorSearchBenchmark.deleteTree(engineDir);
    }
    System.err.printf("scifact: embedded in %.0f s%n", (System.nanoTime() - start) / 1e9);
    VectorSet set = new VectorSet("scifact-sentences", v, q);
    writeCache(cache, set);
    return set;
  }

  private static List<float[]> embed(SoloEngine engine, List<String> texts, EmbeddingKind kind) {
    List<float[]> out = new ArrayList<>(texts.size());
    int group = 512;
    for (int i = 0; i < texts.size(); i += group) {
      for (Embedding e : engine.inference().embedAll(
          texts.subList(i, Math.min(texts.size(), i + group)), kind)) {
        out.add(e.vector());
      }
      if ((i / group) % 20 == 0) {
        System.err.printf("  %,d / %,d%n", Math.min(texts.size(), i + group), texts.size());
      }
    }
    return out;
  }

  private static void writeCache(Path cache, VectorSet set) throws IOException {
    Files.createDirectories(cache.getParent());
    Path temp = cache.resolveSibling(cache.getFileName() + ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
      out.writeInt(CACHE_MAGIC);
      out.writeUTF(MODEL);
      out.writeInt(set.dimension());
      for (List<float[]> list : List.of(set.vectors(), set.queries())) {
        out.writeInt(list.size());
        for (float[] v : list) {
          for (float f : v) {
            out.writeFloat(f);
          }
        }
      }
    }
    Files.move(temp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The cached set, or null when it was made for other sentences, queries or model. */
  private static VectorSet readCache(Path cache, int sentences, int queries) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(cache), 1 << 16))) {
      if (in.readInt() != CACHE_MAGIC || !MODEL.equals(in.readUTF())) {
        return null;
      }
      int dimension = in.readInt();
      List<List<float[]>> lists = new ArrayList<>();
      for (int expected : new int[] {sentences, queries}) {
        int n = in.readInt();
        if (n != expected) {
          return null;
        }
        List<float[]> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          float[] v = new float[dimension];
          for (int d = 0; d < dimension; d++) {
            v[d] = in.readFloat();
          }
          list.add(v);
        }
        lists.add(list);
      }
      return new VectorSet("scifact-sentences", lists.get(0), lists.get(1));
    }
  }
}
