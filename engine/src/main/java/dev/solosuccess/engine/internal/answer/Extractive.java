package dev.solosuccess.engine.internal.answer;

import dev.solosuccess.engine.internal.chunk.Sentences;
import dev.solosuccess.engine.internal.model.EmbeddingModel;
import dev.solosuccess.sdk.Citation;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.Provenance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The extractive answer: every sentence of the retrieved chunks (and every pair of neighbouring
 * sentences short enough, so that a short line like "Score: 86.25" is seen with the line that says
 * what it is the score of) is embedded as a passage, the question as a query, and the candidates
 * closest to the question (cosine similarity) are the answer, overlapping ones left out. Its confidence maps the best sentence's similarity linearly from {@link #FLOOR} (0) to
 * {@link #CEILING} (1): below the floor, a sentence of all-MiniLM-L6-v2 shares little more than the
 * language with the question; above the ceiling it restates it. Thread-safe.
 */
final class Extractive {

  /** Cosine at or under which confidence is 0. */
  static final double FLOOR = 0.2;

  /** Cosine at or over which confidence is 1. */
  static final double CEILING = 0.8;

  /** A further sentence joins the answer only this close to the best one. */
  static final double NEAR_BEST = 0.1;

  /** Sentences shorter than this (in words) are headings or labels: never an answer alone. */
  static final int MIN_WORDS = 3;

  /** The most words of a sentence pair (a short line with the one after it). */
  static final int MAX_PAIR_WORDS = 40;

  record Scored(Retrieved from, int start, int end, String text, double cosine) {}

  record Result(List<Scored> picked, double confidence) {}

  private final EmbeddingModel model;

  Extractive(EmbeddingModel model) {
    this.model = model;
  }

  Result answer(String question, List<Retrieved> retrieved, int maxSentences) {
    List<Scored> candidates = new ArrayList<>();
    for (Retrieved r : retrieved) {
      String text = r.chunk().text();
      List<int[]> split = Sentences.split(text, 0, text.length());
      for (int i = 0; i < split.size(); i++) {
        int[] s = split.get(i);
        String sentence = text.substring(s[0], s[1]);
        if (words(sentence) >= MIN_WORDS) {
          candidates.add(new Scored(r, s[0], s[1], sentence, 0));
        }
        // A short line ("Score: 86.25") means little without the one before it: the pair is a
        // candidate too.
        if (i + 1 < split.size()) {
          int[] n = split.get(i + 1);
          String pair = text.substring(s[0], n[1]);
          if (words(pair) <= MAX_PAIR_WORDS) {
            candidates.add(new Scored(r, s[0], n[1], pair, 0));
          }
        }
      }
    }
    if (candidates.isEmpty()) {
      return new Result(List.of(), 0);
    }
    float[] q = model.embed(List.of(question), EmbeddingKind.QUERY).vectors()[0];
    float[][] v =
        model.embed(candidates.stream().map(Scored::text).toList(), EmbeddingKind.PASSAGE)
            .vectors();
    List<Scored> scored = new ArrayList<>(candidates.size());
    for (int i = 0; i < v.length; i++) {
      Scored c = candidates.get(i);
      scored.add(new Scored(c.from(), c.start(), c.end(), c.text(), dot(q, v[i])));
    }
    scored.sort(
        Comparator.comparingDouble((Scored s) -> -s.cosine())
            .thenComparingInt(s -> s.from().number())
            .thenComparingInt(Scored::start));
    double best = scored.get(0).cosine();
    List<Scored> picked = new ArrayList<>();
    for (Scored s : scored) {
      if (picked.size() == maxSentences || s.cosine() < best - NEAR_BEST) {
        break;
      }
      if (picked.stream().noneMatch(p -> overlaps(p, s))) { // pairs, and the overlap of chunks
        picked.add(s);
      }
    }
    return new Result(picked, confidence(best));
  }

  private static boolean overlaps(Scored a, Scored b) {
    if (a.text().contains(b.text()) || b.text().contains(a.text())) {
      return true;
    }
    return a.from().chunk().documentId().equals(b.from().chunk().documentId())
        && a.from().chunk().provenance().startOffset() + a.start()
            < b.from().chunk().provenance().startOffset() + b.end()
        && b.from().chunk().provenance().startOffset() + b.start()
            < a.from().chunk().provenance().startOffset() + a.end();
  }

  static double confidence(double cosine) {
    return Math.max(0, Math.min(1, (cosine - FLOOR) / (CEILING - FLOOR)));
  }

  /** The picked sentences as citations numbered 1.. in the order of the answer. */
  static List<Citation> citations(List<Scored> picked) {
    List<Citation> out = new ArrayList<>();
    for (Scored s : picked) {
      Provenance chunk = s.from().chunk().provenance();
      out.add(
          new Citation(
              out.size() + 1,
              s.from().chunk().documentId(),
              s.from().source(),
              s.from().chunk().id(),
              new Provenance(
                  chunk.page(),
                  chunk.startOffset() + s.start(),
                  chunk.startOffset() + s.end(),
                  chunk.section()),
              s.text()));
    }
    return out;
  }

  private static int words(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return words;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
