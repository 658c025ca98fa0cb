package dev.solosuccess.engine.internal.store;


import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test-only seam: routes the store of one data folder through an H2 file system other than the
 * plain disk, named by the scheme under which it was registered with H2's {@code
 * FilePath.register} (the store's URL becomes {@code jdbc:h2:nointerrupt:SCHEME:PATH}). The fault-injection
 * tests use it to fail the Nth write or sync of the store's file. Not configuration: nothing
 * outside the engine's tests calls it, and an unrouted folder (every folder in production) uses
 * {@code file:}.
 *
 * <p>Thread-safe.
 */
public final class StoreFileSystem {

  private static final Map<Path, String> SCHEMES = new ConcurrentHashMap<>();

  private StoreFileSystem() {}

  /**
   * Opens the store of {@code dataDir} through the H2 file system registered as {@code scheme}
   * until the returned handle is closed.
   */
  public static AutoCloseable route(Path dataDir, String scheme) {
    Path key = key(dataDir);
    SCHEMES.put(key, scheme);
    return () -> SCHEMES.remove(key, scheme);
  }

  /**
   * The H2 URL prefix of the store file of {@code dataDir}: {@code jdbc:h2:nointerrupt:file:}
   * normally (see {@link InterruptSafeFilePath}: an interrupted caller must not close the store).
   */
  static String urlPrefix(Path dataDir) {
    InterruptSafeFilePath.register();
    String scheme = SCHEMES.isEmpty() ? null : SCHEMES.get(key(dataDir));
    return "jdbc:h2:" + InterruptSafeFilePath.SCHEME + ":" + (scheme == null ? "file" : scheme)
        + ":";
  }

  private static Path key(Path dataDir) {
    return dataDir.toAbsolutePath().normalize();
  }
}
