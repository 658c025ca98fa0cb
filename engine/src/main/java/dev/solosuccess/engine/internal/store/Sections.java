package dev.solosuccess.engine.internal.store;

import java.util.List;

/** A section path in one column: headings joined by U+001F, which normalized text never holds. */
final class Sections {

  private static final String SEPARATOR = "\u001F";

  private Sections() {}

  static String join(List<String> path) {
    return String.join(SEPARATOR, path);
  }

  static List<String> split(String column) {
    return column == null || column.isEmpty() ? List.of() : List.of(column.split(SEPARATOR, -1));
  }
}
