package dev.solosuccess.index.internal.support;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the JDK's vector API is there for Lucene's SIMD distance code ({@code --add-modules
 * jdk.incubator.vector}); every backend compares vectors through Lucene's {@code VectorUtil}, which
 * uses it when present and scalar loops otherwise. Logged once per JVM. Thread-safe.
 */
public final class Simd {

  private static final System.Logger LOG = System.getLogger(Simd.class.getName());
  private static final AtomicBoolean LOGGED = new AtomicBoolean();

  private Simd() {}

  /** Whether the incubating vector module is in the boot layer. */
  public static boolean enabled() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /** Logs, the first time only, whether vector comparisons use SIMD. */
  public static void logOnce() {
    if (!LOGGED.compareAndSet(false, true)) {
      return;
    }
    if (enabled()) {
      LOG.log(Level.INFO, "vector search: SIMD on (jdk.incubator.vector)");
    } else {
      LOG.log(
          Level.WARNING,
          "vector search: SIMD off; start the JVM with --add-modules jdk.incubator.vector for"
              + " faster vector comparisons");
    }
  }
}
