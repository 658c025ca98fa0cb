package dev.solosuccess.engine.internal.phi;

import java.util.List;

/** Finds identifiers of one family in a text. Implementations are stateless and thread-safe. */
interface Recognizer {

  /** Adds what it finds in {@code text} to {@code out}; overlaps are resolved by the caller. */
  void find(String text, List<Finding> out);
}
