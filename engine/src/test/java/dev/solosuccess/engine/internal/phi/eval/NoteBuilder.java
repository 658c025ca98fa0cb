package dev.solosuccess.engine.internal.phi.eval;

import dev.solosuccess.sdk.PhiType;
import java.util.ArrayList;
import java.util.List;

/** Appends text and labelled identifiers, recording each identifier's exact characters. */
final class NoteBuilder {

  private final StringBuilder text = new StringBuilder();
  private final List<LabeledNote.Gold> gold = new ArrayList<>();

  NoteBuilder t(String s) {
    text.append(s);
    return this;
  }

  NoteBuilder phi(PhiType type, String value) {
    int start = text.length();
    text.append(value);
    gold.add(new LabeledNote.Gold(type, start, text.length()));
    return this;
  }

  /** A labelled name, whatever form {@link PhiValues.Name} wrote it in. */
  NoteBuilder name(String value) {
    return phi(PhiType.NAME, value);
  }

  NoteBuilder nl() {
    text.append('\n');
    return this;
  }

  int length() {
    return text.length();
  }

  LabeledNote build() {
    return new LabeledNote(text.toString(), gold);
  }
}
