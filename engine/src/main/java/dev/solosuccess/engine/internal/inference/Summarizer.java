package dev.solosuccess.engine.internal.inference;

import dev.solosuccess.engine.internal.chunk.Sentences;
import dev.solosuccess.engine.internal.model.EmbeddingModel;
import dev.solosuccess.sdk.Summary;
import dev.solosuccess.sdk.SummarySentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Extractive summaries by embedding centrality: every sentence of the document is embedded, the
 * sentences closest to the centroid of all of them are picked, skipping any nearly identical to one
 * already picked, and returned in document order. Thread-safe.
 */
public final class Summarizer {

  /** Sentences considered: enough for a long report; a book is summarized from its opening. */
  static final int MAX_CANDIDATES = 2_000;

  /** Words a sentence needs to be a candidate: headings and list labels say little alone. */
  static final int MIN_WORDS = 5;

  /** A sentence this similar to one already picked adds nothing. */
  static final double DUPLICATE_COSINE = 0.95;

  private final EmbeddingModel model;

  public Summarizer(EmbeddingModel model) {
    this.model = model;
  }

  public Summary summarize(String documentId, String text, int count) {
    List<int[]> candidates = new ArrayList<>();
    for (int[] s : Sentences.split(text, 0, text.length())) {
      if (words(text, s[0], s[1]) >= MIN_WORDS) {
        candidates.add(s);
        if (candidates.size() == MAX_CANDIDATES) {
          break;
        }
      }
    }
    if (candidates.isEmpty()) {
      return new Summary(documentId, List.of(), 0);
    }
    List<String> sentences = candidates.stream().map(s -> text.substring(s[0], s[1])).toList();
    float[][] vectors = model.embedPassages(sentences).vectors();
    float[] centroid = new float[vectors[0].length];
    for (float[] v : vectors) {
      for (int d = 0; d < v.length; d++) {
        centroid[d] += v[d];
      }
    }
    normalize(centroid);
    Integer[] byScore = new Integer[vectors.length];
    double[] scores = new double[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      byScore[i] = i;
      scores[i] = dot(vectors[i], centroid);
    }
    java.util.Arrays.sort(byScore, Comparator.comparingDouble((Integer i) -> -scores[i]));
    List<Integer> picked = new ArrayList<>();
    for (int i : byScore) {
      if (picked.size() == count) {
        break;
      }
      boolean duplicate = false;
      for (int p : picked) {
        if (dot(vectors[i], vectors[p]) > DUPLICATE_COSINE) {
          duplicate = true;
          break;
        }
      }
      if (!duplicate) {
        picked.add(i);
      }
    }
    picked.sort(null); // document order
    List<SummarySentence> out = new ArrayList<>(picked.size());
    for (int i : picked) {
      int[] s = candidates.get(i);
      out.add(new SummarySentence(sentences.get(i), s[0], s[1], scores[i]));
    }
    return new Summary(documentId, out, candidates.size());
  }

  private static int words(String text, int start, int end) {
    int words = 0;
    boolean inWord = false;
    for (int i = start; i < end; i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return words;
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void normalize(float[] v) {
    double norm = Math.sqrt(dot(v, v));
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= (float) norm;
      }
    }
  }
}
