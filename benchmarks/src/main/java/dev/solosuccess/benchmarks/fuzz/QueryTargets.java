package dev.solosuccess.benchmarks.fuzz;

import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.index.IndexException;
import dev.solosuccess.index.IndexFilter;
import dev.solosuccess.index.VectorBackend;
import dev.solosuccess.index.VectorEncoding;
import dev.solosuccess.index.VectorEntry;
import dev.solosuccess.index.VectorIndex;
import dev.solosuccess.index.VectorIndexConfig;
import dev.solosuccess.index.VectorQuery;
import dev.solosuccess.index.VectorSimilarity;
import dev.solosuccess.sdk.Grouping;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.SearchFilter;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The targets that take queries: filter expressions ({@link SearchFilter#parse}, the CLI's {@code
 * --filter} syntax) and metadata pairs, searches through the public API (query text with costly
 * syntax and bad characters, every mode, negative and huge limits), and the vector index backends
 * (NaN, infinite and huge components, wrong dimensions, k and candidates out of range).
 */
final class QueryTargets {

  static final List<String> FILTERS = List.of(
      "team=cardiology", "year>=2020", "year:number=2024", "when=2024-01-01..2024-12-31",
      "team=a|b|c", "score<0.5", "zip:string=01234", "when:date>2024-03-01T10:00:00Z",
      "n=1e308..1e309", "k<=-0", "year=2020..2019", "x>9223372036854775807");

  static final List<String> QUERIES = List.of(
      "blood pressure drugs", "*a*", "hyper*", "?ypertension", "hypertensio~2",
      "a".repeat(300) + "~2", "\"first line\" AND drugs", "title:(a OR b)", "+x -y",
      "(((((((((a)))))))))", "[a TO z]", "/re.*gex/", "\\", "x".repeat(40_000), "\u200B",
      "\uD800 lone", "nul\u0000byte", "   ", "", "\uD83D\uDE00");

  private static final int[] LIMITS = {-1, 0, 1, 3, 10, 1000, 1001, Integer.MAX_VALUE,
      Integer.MIN_VALUE};

  private QueryTargets() {}

  static Target filter() {
    return new Target() {
      public String name() {
        return "filter";
      }

      public int weight() {
        return 20;
      }

      public void run(FuzzCase c) {
        List<String> exprs = new ArrayList<>();
        int n = 1 + c.random.nextInt(3);
        for (int i = 0; i < n; i++) {
          exprs.add(Mutator.mutate(FILTERS.get(c.random.nextInt(FILTERS.size())), FILTERS, c));
        }
        c.input(Mutator.utf8(String.join("\n", exprs)));
        SearchFilter f = SearchFilter.parse(exprs);
        f.toString();
        if (c.random.nextInt(3) == 0) {
          SearchFilter.of(Metadata.parse(exprs)).and(f);
        }
      }
    };
  }

  static Target search(SoloEngine engine) {
    return new Target() {
      public String name() {
        return "search";
      }

      public int weight() {
        return 12;
      }

      public void run(FuzzCase c) {
        SplittableRandom r = c.random;
        String q = QUERIES.get(r.nextInt(QUERIES.size()));
        if (r.nextInt(4) != 0) {
          q = Mutator.mutate(q, QUERIES, c);
        }
        c.input(Mutator.utf8(q));
        SearchRequest.Builder b = SearchRequest.builder(q)
            .mode(SearchMode.values()[r.nextInt(SearchMode.values().length)])
            .grouping(Grouping.values()[r.nextInt(Grouping.values().length)])
            .limit(r.nextInt(3) == 0 ? LIMITS[r.nextInt(LIMITS.length)] : 1 + r.nextInt(20));
        if (r.nextInt(3) == 0) {
          String f = Mutator.mutate(FILTERS.get(r.nextInt(FILTERS.size())), FILTERS, c);
          b.filter(SearchFilter.parse(List.of(f)));
        }
        c.describe("limit/mode drawn");
        engine.search().search(b.build());
      }
    };
  }

  /** The vector index backends, each open in its own folder under {@code work}. */
  static Target vectors(Path work) {
    List<VectorIndex> indexes = new ArrayList<>();
    int dim = 8;
    indexes.add(VectorIndex.open(work.resolve("exact"),
        VectorIndexConfig.builder(dim, VectorSimilarity.COSINE).backend(VectorBackend.EXACT)
            .build()));
    indexes.add(VectorIndex.open(work.resolve("lucene"),
        VectorIndexConfig.builder(dim, VectorSimilarity.DOT_PRODUCT)
            .backend(VectorBackend.LUCENE_HNSW).build()));
    indexes.add(VectorIndex.open(work.resolve("lucene-int8"),
        VectorIndexConfig.builder(dim, VectorSimilarity.COSINE).backend(VectorBackend.LUCENE_HNSW)
            .encoding(VectorEncoding.INT8).build()));
    indexes.add(VectorIndex.open(work.resolve("hnswlib"),
        VectorIndexConfig.builder(dim, VectorSimilarity.DOT_PRODUCT)
            .backend(VectorBackend.HNSWLIB).build()));
    long[] sequence = new long[indexes.size()];
    return new Target() {
      public String name() {
        return "vector";
      }

      public int weight() {
        return 18;
      }

      /** The index module's documented refusals: IllegalArgumentException and IndexException. */
      public boolean expected(Throwable t) {
        return t instanceof IllegalArgumentException || t instanceof IndexException;
      }

      public void run(FuzzCase c) {
        SplittableRandom r = c.random;
        int which = r.nextInt(indexes.size());
        VectorIndex index = indexes.get(which);
        c.describe("index " + index.config().backend() + " " + index.config().encoding());
        float[] v = vector(dim, c);
        int op = r.nextInt(20);
        if (op < 10) {
          long seq = r.nextInt(20) == 0 ? r.nextLong() : ++sequence[which];
          String id = r.nextInt(30) == 0
              ? Mutator.mutate("id-1", List.of("x"), c) : "id-" + r.nextInt(400);
          Map<String, String> attrs = r.nextInt(4) == 0
              ? Map.of(Mutator.mutate("team", List.of("k"), c), Mutator.mutate("a", List.of("b"), c))
              : Map.of("team", "t" + r.nextInt(3));
          Map<String, Double> numbers = r.nextInt(6) == 0
              ? Map.of("year", pick(r, Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e308, 2024.0))
              : Map.of();
          index.upsert(new VectorEntry(id, v, attrs, numbers), seq);
          sequence[which] = Math.max(sequence[which], index.appliedSequence());
        } else if (op < 17) {
          int k = r.nextInt(3) == 0 ? LIMITS[r.nextInt(LIMITS.length)] : 1 + r.nextInt(20);
          int candidates = r.nextInt(5) == 0 ? pickInt(r, -1, 1, 100_000, 1 << 20) : 0;
          IndexFilter filter = switch (r.nextInt(4)) {
            case 0 -> IndexFilter.of(IndexFilter.terms(Mutator.mutate("team", List.of("k"), c),
                "t1", Mutator.mutate("t2", List.of("x"), c)));
            case 1 -> IndexFilter.of(IndexFilter.range("year",
                pick(r, Double.NaN, 1e308, -1e308, 2020.0), pick(r, Double.NaN, 2019.0, 2030.0)));
            default -> IndexFilter.none();
          };
          c.describe("search k " + k + " candidates " + candidates);
          index.search(new VectorQuery(v, k, filter, candidates));
        } else if (op < 19) {
          index.delete("id-" + r.nextInt(400), ++sequence[which]);
        } else {
          index.commit();
        }
      }
    };
  }

  /** A unit vector, or one with a hostile component, length or dimension. */
  private static float[] vector(int dim, FuzzCase c) {
    SplittableRandom r = c.random;
    int d = r.nextInt(8) == 0 ? pickInt(r, 0, 1, dim - 1, dim + 1, 100_000) : dim;
    float[] v = new float[d];
    double norm = 0;
    for (int i = 0; i < d; i++) {
      v[i] = (float) r.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < d; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    if (d > 0 && r.nextInt(5) == 0) {
      float bad = (float) pick(r, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
          Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, 1e30, -0.0, 0.0);
      int at = r.nextInt(d);
      v[at] = r.nextInt(4) == 0 ? 0 : bad;
      if (r.nextInt(4) == 0) {
        java.util.Arrays.fill(v, bad);
      }
      c.describe("component " + at + " = " + bad + " (dimension " + d + ")");
    } else {
      c.describe("dimension " + d);
    }
    return v;
  }

  private static double pick(SplittableRandom r, double... values) {
    return values[r.nextInt(values.length)];
  }

  private static int pickInt(SplittableRandom r, int... values) {
    return values[r.nextInt(values.length)];
  }
}
