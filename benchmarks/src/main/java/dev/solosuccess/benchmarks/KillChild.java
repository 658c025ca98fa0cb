package dev.solosuccess.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM of {@link KillHarness} on this JVM's class path, whose output is read as it comes:
 * stdout lines are kept in order, stderr's last lines for the report, and a {@code KILLPOINT}
 * line on stderr (printed by the write path's kill points, see {@code KillPoints}) completes
 * {@link #killPoint()}. {@link #kill()} sends SIGKILL through {@link ProcessHandle#destroyForcibly()}
 * (on Linux and macOS a SIGKILL, which the exit status 137 = 128 + 9 confirms), which, unlike
 * {@link Process#destroyForcibly()}, leaves our end of the child's pipes open, so that every line
 * the child wrote before it died is still read.
 *
 * <p>Not thread-safe: one harness thread drives it.
 */
final class KillChild implements AutoCloseable {

  private final Process process;
  private final List<String> out = new ArrayList<>(); // guarded by itself
  private final Deque<String> errTail = new ArrayDeque<>(); // guarded by itself
  private final CompletableFuture<String> killPoint = new CompletableFuture<>();
  private final Thread outReader;
  private final Thread errReader;

  private KillChild(Process process) {
    this.process = process;
    this.outReader = Thread.ofPlatform().name("kill-child-out").daemon().start(
        () -> read(process.getInputStream(), line -> {
          synchronized (out) {
            out.add(line);
            out.notifyAll();
          }
          return true;
        }));
    this.errReader = Thread.ofPlatform().name("kill-child-err").daemon().start(
        () -> read(process.getErrorStream(), line -> {
          if (line.startsWith("KILLPOINT ")) {
            killPoint.complete(line.substring("KILLPOINT ".length()));
          }
          synchronized (errTail) {
            errTail.addLast(line);
            if (errTail.size() > 40) {
              errTail.removeFirst();
            }
          }
          return true;
        }));
  }

  /** Starts {@code main} with {@code args}; {@code killPoint} arms one kill point (null: none). */
  static KillChild start(Class<?> main, String killPoint, String masterKey, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--add-modules=jdk.incubator.vector");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Xmx1g");
    if (killPoint != null) {
      command.add("-Dsolo.killpoint=" + killPoint);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("SOLO_MASTER_KEY");
    if (masterKey != null) {
      pb.environment().put("SOLO_MASTER_KEY", masterKey);
    }
    return new KillChild(pb.start());
  }

  private static void read(InputStream stream, Predicate<String> sink) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        sink.test(line);
      }
    } catch (IOException e) {
      // the pipe closed under us: the child is gone
    }
  }

  CompletableFuture<String> killPoint() {
    return killPoint;
  }

  /**
   * Waits until {@code count} stdout lines start with {@code prefix}, the child exits, or the
   * timeout passes; returns whether the count was reached.
   */
  boolean awaitLines(String prefix, int count, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (out) {
      while (true) {
        if (out.stream().filter(l -> l.startsWith(prefix)).count() >= count) {
          return true;
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || !process.isAlive()) {
          return false;
        }
        out.wait(Math.min(left, 200));
      }
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, then every line the child wrote; returns the exit status (137 for SIGKILL). */
  int kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor();
    outReader.join(10_000);
    errReader.join(10_000);
    return process.exitValue();
  }

  List<String> lines() {
    synchronized (out) {
      return List.copyOf(out);
    }
  }

  String errorTail() {
    synchronized (errTail) {
      return String.join("\n", errTail);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
