package dev.solosuccess.engine.internal.phi.eval;

import dev.solosuccess.sdk.PhiSpan;
import dev.solosuccess.sdk.PhiType;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision, recall and F2 by character, per PHI type: a character counts when the gold and the
 * prediction give it the same type ("typed"); recall "any type" counts a gold character hidden
 * under any type, which is what de-identification needs. Whitespace is not counted, so a span
 * that differs from the gold only by a space scores the same. Not thread-safe.
 */
public final class SpanScores {

  /** Character counts of one type. */
  public static final class Counts {
    long gold;
    long predicted;
    long typed; // gold and predicted with this type
    long goldHidden; // gold of this type, predicted as any type
    long predictedOnPhi; // predicted as this type, gold of any type

    public double recall() {
      return gold == 0 ? Double.NaN : (double) typed / gold;
    }

    public double recallAnyType() {
      return gold == 0 ? Double.NaN : (double) goldHidden / gold;
    }

    public double precision() {
      return predicted == 0 ? Double.NaN : (double) typed / predicted;
    }

    public double precisionAnyType() {
      return predicted == 0 ? Double.NaN : (double) predictedOnPhi / predicted;
    }

    public double f2() {
      double p = precision();
      double r = recall();
      return p + r == 0 || Double.isNaN(p) || Double.isNaN(r) ? Double.NaN : 5 * p * r / (4 * p + r);
    }
  }

  private final Map<PhiType, Counts> counts = new EnumMap<>(PhiType.class);
  private final Counts all = new Counts();
  private int notes;

  /** Adds one note: its gold spans and the spans a redactor found. */
  public void add(LabeledNote note, List<PhiSpan> predicted) {
    notes++;
    String text = note.text();
    PhiType[] gold = new PhiType[text.length()];
    for (LabeledNote.Gold g : note.gold()) {
      for (int i = g.start(); i < g.end(); i++) {
        gold[i] = g.type();
      }
    }
    PhiType[] pred = new PhiType[text.length()];
    for (PhiSpan s : predicted) {
      for (int i = s.start(); i < s.end(); i++) {
        pred[i] = s.type();
      }
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        continue;
      }
      if (gold[i] != null) {
        Counts c = of(gold[i]);
        c.gold++;
        all.gold++;
        if (pred[i] != null) {
          c.goldHidden++;
          all.goldHidden++;
        }
        if (pred[i] == gold[i]) {
          c.typed++;
          all.typed++;
        }
      }
      if (pred[i] != null) {
        Counts c = of(pred[i]);
        c.predicted++;
        all.predicted++;
        if (gold[i] != null) {
          c.predictedOnPhi++;
          all.predictedOnPhi++;
        }
      }
    }
  }

  public Counts of(PhiType type) {
    return counts.computeIfAbsent(type, t -> new Counts());
  }

  public Counts all() {
    return all;
  }

  /** A Markdown table: one row per type that occurs, then all types together. */
  public String table() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%d notes, %,d identifier characters (whitespace not"
        + " counted)%n%n", notes, all.gold));
    b.append("| type | gold chars | recall | recall (any type) | precision | precision (any PHI)"
        + " | F2 |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (PhiType t : PhiType.values()) {
      Counts c = counts.get(t);
      if (c == null || (c.gold == 0 && c.predicted == 0)) {
        continue;
      }
      row(b, t.label(), c);
    }
    row(b, "all", all);
    return b.toString();
  }

  private static void row(StringBuilder b, String label, Counts c) {
    b.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s |%n", label, c.gold,
        f(c.recall()), f(c.recallAnyType()), f(c.precision()), f(c.precisionAnyType()), f(c.f2())));
  }

  private static String f(double x) {
    return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.3f", x);
  }
}
