package dev.solosuccess.engine.faults;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which I/O operation of a wrapped store fails: once armed, operations are counted and the Nth
 * fails ({@link Mode#ONCE}), or the Nth and every later one ({@link Mode#PERSISTENT}), until it is
 * disarmed. Writes fail as a full disk does ("No space left on device"), syncs and renames as an
 * I/O error. Thread-safe.
 */
public final class FaultPlan {

  public enum Mode {
    ONCE,
    PERSISTENT
  }

  private int failAt; // 0: disarmed; guarded by this
  private Mode mode = Mode.ONCE;
  private int count;
  private int failures;
  private final List<String> seen = new ArrayList<>();

  public synchronized void arm(int n, Mode m) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    failAt = n;
    mode = m;
    count = 0;
    failures = 0;
    seen.clear();
  }

  public synchronized void disarm() {
    failAt = 0;
  }

  /** How many operations failed since {@link #arm}. */
  public synchronized int failures() {
    return failures;
  }

  /** The operations counted since {@link #arm}, in order ("write meta.mv.db", ...). */
  public synchronized List<String> seen() {
    return List.copyOf(seen);
  }

  /**
   * Counts an operation about to run; returns the exception it must fail with, or null to let it
   * run.
   */
  public synchronized IOException next(String operation, String file) {
    if (failAt == 0) {
      return null;
    }
    count++;
    seen.add(operation + " " + file);
    if (count == failAt || (mode == Mode.PERSISTENT && count > failAt)) {
      failures++;
      return operation.equals("write") || operation.equals("create")
          ? new IOException("No space left on device (injected: " + operation + " #" + count
              + " of " + file + ")")
          : new IOException("Input/output error (injected: " + operation + " #" + count + " of "
              + file + ")");
    }
    return null;
  }
}
