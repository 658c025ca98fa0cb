package dev.solosuccess.cli.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Sources as people read them: relative to the working folder when under it. */
final class Sources {

  private Sources() {}

  static String display(String source) {
    try {
      Path p = Path.of(source);
      Path cwd = Path.of("").toAbsolutePath();
      if (p.isAbsolute() && p.startsWith(cwd)) {
        return cwd.relativize(p).toString();
      }
    } catch (InvalidPathException e) {
      // not a path: a caller-chosen name
    }
    return source;
  }
}
