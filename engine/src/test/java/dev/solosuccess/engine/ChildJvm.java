package dev.solosuccess.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a main class of the test sources in a fresh JVM, on the test class path. */
final class ChildJvm {

  private ChildJvm() {}

  static ProcessBuilder builder(Class<?> main, List<String> jvmArgs, String... args)
      throws IOException {
    Path target = TestSupport.repoRoot().resolve("engine/target");
    String dependencies = Files.readString(target.resolve("test-classpath.txt")).strip();
    String classPath =
        String.join(
            java.io.File.pathSeparator,
            target.resolve("test-classes").toString(),
            target.resolve("classes").toString(),
            dependencies);
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("--add-modules=jdk.incubator.vector");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Xmx1g");
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classPath);
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    // Nothing from the outside may switch DJL offline for us: the engine must do it.
    env.remove("DJL_OFFLINE");
    env.remove("OPT_OUT_TRACKING");
    env.remove("DJL_CACHE_DIR");
    return pb;
  }
}
