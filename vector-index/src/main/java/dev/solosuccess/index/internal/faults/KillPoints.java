package dev.solosuccess.index.internal.faults;

/**
 * A test-only seam for crash tests: the Nth time a named point of the write path is reached, the
 * thread prints {@code KILLPOINT NAME@N} on stderr and stops there, for the parent process to send
 * SIGKILL (if none comes within a minute, the JVM halts itself as a kill would: no shutdown hooks,
 * no flush). Armed by the system property {@code solo.killpoint=NAME} or {@code NAME@N} (N
 * defaults to 1), read once; when it is unset, {@link #reach(String)} compares two strings. Not
 * configuration: the kill harness in {@code benchmarks/} sets it in the child JVMs it kills. The
 * package is exported to the engine, which arms its own points through this same class.
 *
 * <p>Points here: {@code lucene.before-commit}, {@code lucene.prepared} (the new commit point is
 * written and its files forced, but not yet renamed into place), {@code lucene.committed};
 * {@code hnsw.written} (temporary snapshot written, not forced), {@code hnsw.synced} (forced, not
 * renamed), {@code hnsw.renamed} (renamed, folder not forced). The engine's: {@code
 * h2.before-commit} (a store write transaction is complete but not committed) and {@code
 * h2.after-commit} (committed, the call not yet returned, the index not yet updated).
 *
 * <p>Thread-safe.
 */
public final class KillPoints {

  /** Exit status of a halted child, distinct from a signal's 128 + n. */
  public static final int HALT_STATUS = 86;

  private static final String NAME;
  private static final int NTH;
  private static final java.util.concurrent.atomic.AtomicInteger REACHED =
      new java.util.concurrent.atomic.AtomicInteger();

  static {
    String spec = System.getProperty("solo.killpoint", "");
    int at = spec.indexOf('@');
    NAME = at < 0 ? spec : spec.substring(0, at);
    NTH = at < 0 ? 1 : Integer.parseInt(spec.substring(at + 1));
  }

  private KillPoints() {}

  /** Stops here for the kill if {@code point} is the armed one and this is its Nth arrival. */
  public static void reach(String point) {
    if (NAME.isEmpty() || !NAME.equals(point)) {
      return;
    }
    if (REACHED.incrementAndGet() == NTH) {
      System.err.println("KILLPOINT " + point + "@" + NTH);
      System.err.flush();
      long until = System.nanoTime() + 60_000_000_000L;
      while (System.nanoTime() < until) {
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L);
      }
      Runtime.getRuntime().halt(HALT_STATUS);
    }
  }
}
