package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing connects anywhere. A child JVM whose sockets all record and refuse their target opens an
 * engine, ingests, searches, embeds, and trains and uses a classifier (DJL's PyTorch engine): no
 * attempt. The control, DJL on its own defaults under the
 * same guard, shows the guard does catch DJL's call home. Where the kernel allows it, the engine
 * also runs in a network namespace that has no network at all.
 */
class OfflineTest {

  @TempDir Path tmp;

  @Test
  void theEngineMakesNoConnectionAttempt() throws Exception {
    Files.createDirectories(tmp.resolve("tmp"));
    List<String> jvmArgs = new ArrayList<>(List.of("-Djava.io.tmpdir=" + tmp.resolve("tmp")));
    jvmArgs.addAll(sharedDjlCache());
    ProcessBuilder pb = ChildJvm.builder(OfflineProbe.class, jvmArgs, tmp.resolve("data").toString());
    Result r = run(pb);
    assertThat(r.exitCode).as(r.output).isZero();
    assertThat(r.output).contains("OK dimension=384 hits=1").contains("CONNECTION ATTEMPTS: 0 []");
    // PyTorch (430 MB of native code) loads for the classifier, not for ingest, search or embed;
    // the second half is the control that the first half can see it.
    assertThat(r.output)
        .contains("torch-before-classifier=false torch-after=true label=shipping");
    // ONNX Runtime loads libraries the engine extracted: it leaves nothing in the temp folder.
    try (var left = Files.list(tmp.resolve("tmp"))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("onnxruntime"));
    }
  }

  @Test
  void controlDjlOnItsDefaultsCallsHomeAndTheGuardSeesIt() throws Exception {
    Result r = run(ChildJvm.builder(DjlProbe.class, List.of("-DDJL_CACHE_DIR=" + tmp.resolve("djl"))));
    assertThat(r.exitCode).as(r.output).isZero();
    assertThat(r.output).contains("OK tokens=4").containsPattern("CONNECTION ATTEMPTS: [1-9]");
    assertThat(r.output).contains("169.254.169.254");
  }

  @Test
  void theEngineWorksInANamespaceWithNoNetwork() throws Exception {
    assumeThat(unshareWorks()).as("unprivileged network namespaces (unshare -rn)").isTrue();
    ProcessBuilder child =
        ChildJvm.builder(OfflineProbe.class, sharedDjlCache(), tmp.resolve("data").toString());
    List<String> command = new ArrayList<>(List.of("unshare", "-rn"));
    command.addAll(child.command());
    child.command(command);
    Result r = run(child);
    assertThat(r.exitCode).as(r.output).isZero();
    assertThat(r.output).contains("OK dimension=384 hits=1");
  }

  /**
   * The build's DJL cache, where PyTorch's natives are already extracted: the probe trains a
   * classifier, and extracting 432 MB into each child's data folder would only cost time.
   */
  private static List<String> sharedDjlCache() {
    String cache = System.getProperty("DJL_CACHE_DIR");
    return cache == null ? List.of() : List.of("-DDJL_CACHE_DIR=" + cache);
  }

  private static boolean unshareWorks() {
    try {
      Process p = new ProcessBuilder("unshare", "-rn", "true").start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
    Process p = pb.redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("child JVM did not finish");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
