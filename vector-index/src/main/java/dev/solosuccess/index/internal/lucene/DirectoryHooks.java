package dev.solosuccess.index.internal.lucene;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.lucene.store.Directory;

/**
 * A test-only seam: wraps the file directory of one index folder (beneath the encrypting layer, so
 * a wrapper sees the bytes that reach the disk) when {@link LuceneChunkIndex} opens it. The
 * fault-injection tests use it to fail the Nth write, sync or rename. Not configuration: this
 * package is not exported, only tests given {@code --add-exports} reach it, and an index folder
 * without a hook (every folder in production) opens its {@code FSDirectory} as it is.
 *
 * <p>Thread-safe.
 */
public final class DirectoryHooks {

  private static final Map<Path, UnaryOperator<Directory>> HOOKS = new ConcurrentHashMap<>();

  private DirectoryHooks() {}

  /** Wraps the directory of the index in {@code indexDir} until the returned handle is closed. */
  public static AutoCloseable install(Path indexDir, UnaryOperator<Directory> wrapper) {
    Path key = key(indexDir);
    HOOKS.put(key, wrapper);
    return () -> HOOKS.remove(key, wrapper);
  }

  static Directory wrap(Path indexDir, Directory directory) {
    if (HOOKS.isEmpty()) {
      return directory;
    }
    UnaryOperator<Directory> hook = HOOKS.get(key(indexDir));
    return hook == null ? directory : hook.apply(directory);
  }

  private static Path key(Path indexDir) {
    return indexDir.toAbsolutePath().normalize();
  }
}
