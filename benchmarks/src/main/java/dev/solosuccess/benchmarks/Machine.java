package dev.solosuccess.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/**
 * The machine a measurement ran on, recorded with it: wall-clock figures mean little without the
 * cores, the CPU, the JDK and how busy the machine was.
 *
 * @param cores processors available to the JVM
 * @param cpu the CPU model, or "unknown"
 * @param jdk {@link Runtime#version()}
 * @param vm the VM's name and vendor
 * @param os name, version and architecture
 * @param maxHeapMiB the heap limit
 * @param jvmArguments the flags the JVM was started with
 * @param loadAverage the one-minute load average when the run started (-1 where unknown)
 * @param started when the run started
 */
record Machine(
    int cores,
    String cpu,
    String jdk,
    String vm,
    String os,
    long maxHeapMiB,
    List<String> jvmArguments,
    double loadAverage,
    Instant started) {

  static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        Runtime.version().toString(),
        System.getProperty("java.vm.name") + " (" + System.getProperty("java.vendor") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** The one-minute load average now: others compiling on a shared machine show up here. */
  static double loadNow() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String cpuModel() {
    Path info = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(info)) {
      return "unknown";
    }
    try (Stream<String> lines = Files.lines(info)) {
      return lines
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException | java.io.UncheckedIOException e) {
      return "unknown";
    }
  }
}
