package dev.solosuccess.engine.internal.phi.eval;

import dev.solosuccess.sdk.PhiType;
import java.util.List;

/**
 * A synthetic clinical note and the exact characters of every identifier in it.
 *
 * @param text the note
 * @param gold the identifiers, in text order
 */
public record LabeledNote(String text, List<Gold> gold) {

  public LabeledNote {
    gold = List.copyOf(gold);
  }

  /** One labelled identifier: {@code text.substring(start, end)} is it. */
  public record Gold(PhiType type, int start, int end) {}
}
