package dev.solosuccess.sdk.internal.files;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;

/**
 * The include and exclude patterns of a batch. A pattern without {@code /} matches the file name, a
 * pattern with one the path relative to the walked folder. Exclusion wins; no include pattern means
 * every file. Immutable.
 */
public final class Globs {

  public static final Globs ALL = new Globs(List.of(), List.of());

  private final List<Matcher> include;
  private final List<Matcher> exclude;

  private record Matcher(boolean byName, PathMatcher matcher) {
    boolean matches(Path relative) {
      Path target = byName ? relative.getFileName() : relative;
      return target != null && matcher.matches(target);
    }
  }

  public Globs(List<String> include, List<String> exclude) {
    this.include = include.stream().map(Globs::compile).toList();
    this.exclude = exclude.stream().map(Globs::compile).toList();
  }

  private static Matcher compile(String glob) {
    return new Matcher(!glob.contains("/"), FileSystems.getDefault().getPathMatcher("glob:" + glob));
  }

  /** Whether a file (or archive entry) at this relative path is ingested. */
  public boolean accepts(String relativePath) {
    Path p = Path.of(relativePath);
    if (exclude.stream().anyMatch(m -> m.matches(p))) {
      return false;
    }
    return include.isEmpty()
        || include.stream().anyMatch(m -> m.matches(p))
        || isArchive(relativePath); // opened, and its entries matched one by one
  }

  public static boolean isArchive(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".zip");
  }
}
