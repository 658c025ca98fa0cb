package dev.solosuccess.engine.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Prepares the native runtimes before their classes load: DJL offline and without telemetry, DJL's
 * native cache and PDFBox's font cache in a folder the engine owns (not the user's home), and ONNX
 * Runtime's libraries extracted once into that folder instead of a fresh temporary folder per
 * process.
 *
 * <p>These are JVM-wide system properties, read once by DJL and ONNX Runtime: the first engine of
 * a process sets them; properties already set (by the application or on the command line) are kept.
 */
public final class NativeRuntime {

  private static final System.Logger LOG = System.getLogger(NativeRuntime.class.getName());

  /** DJL probes a cloud metadata address on first use unless one of these is set. */
  static final String DJL_OFFLINE = "ai.djl.offline";

  static final String DJL_OPT_OUT = "OPT_OUT_TRACKING";
  static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";
  static final String ORT_NATIVE_PATH = "onnxruntime.native.path";
  /** PDFBox caches the system's font list in the home folder unless told otherwise. */
  static final String PDFBOX_FONT_CACHE = "pdfbox.fontcache";

  private static boolean prepared;

  private NativeRuntime() {}

  /**
   * Sets the properties, once per JVM. Must run before any DJL or ONNX Runtime class is touched.
   *
   * @param nativeDir where to keep extracted native libraries
   */
  public static synchronized void prepare(Path nativeDir) {
    if (prepared) {
      return;
    }
    setIfAbsent(DJL_OFFLINE, "true");
    setIfAbsent(DJL_OPT_OUT, "true");
    setIfAbsent(DJL_CACHE_DIR, nativeDir.resolve("djl").toString());
    if (System.getProperty(PDFBOX_FONT_CACHE) == null) {
      Path fonts = nativeDir.resolve("pdfbox");
      try {
        Files.createDirectories(fonts);
        System.setProperty(PDFBOX_FONT_CACHE, fonts.toString());
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cannot create the font cache folder " + fonts + ": " + e);
      }
    }
    if (System.getProperty(ORT_NATIVE_PATH) == null) {
      try {
        Path ortDir = extractOnnxRuntime(nativeDir);
        if (ortDir != null) {
          System.setProperty(ORT_NATIVE_PATH, ortDir.toString());
        }
      } catch (IOException e) {
        // ONNX Runtime then extracts into java.io.tmpdir by itself; slower start, same result.
        LOG.log(Level.WARNING, "cannot extract ONNX Runtime into " + nativeDir + ": " + e);
      }
    }
    prepared = true;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /**
   * Copies ONNX Runtime's libraries for this platform out of its jar into a folder named by the
   * library's CRC, so that another ONNX Runtime version never reuses stale files.
   *
   * @return the folder, or {@code null} when this platform's libraries are not in a jar
   */
  private static Path extractOnnxRuntime(Path nativeDir) throws IOException {
    String platform = ortPlatform();
    if (platform == null) {
      return null;
    }
    boolean windows = platform.startsWith("win");
    boolean mac = platform.startsWith("osx");
    List<String> names =
        List.of("onnxruntime", "onnxruntime4j_jni").stream()
            .map(n -> windows ? n + ".dll" : "lib" + n + (mac ? ".dylib" : ".so"))
            .toList();
    // onnxruntime_gpu's jar also carries the CUDA execution provider, which ONNX Runtime looks for
    // beside its own library once onnxruntime.native.path is set.
    List<String> optional =
        List.of("onnxruntime_providers_shared", "onnxruntime_providers_cuda").stream()
            .map(n -> windows ? n + ".dll" : "lib" + n + (mac ? ".dylib" : ".so"))
            .toList();
    String prefix = "ai/onnxruntime/native/" + platform + "/";
    ClassLoader loader = NativeRuntime.class.getClassLoader();
    URL main = loader.getResource(prefix + names.get(0));
    if (main == null) {
      return null;
    }
    URLConnection connection = main.openConnection();
    if (!(connection instanceof JarURLConnection jar)) {
      return null;
    }
    long crc = jar.getJarEntry().getCrc();
    Path dir = nativeDir.resolve("onnxruntime-" + platform + "-" + Long.toHexString(crc));
    List<String> present = new java.util.ArrayList<>(names);
    for (String name : optional) {
      if (loader.getResource(prefix + name) != null) {
        present.add(name);
      }
    }
    if (present.stream().allMatch(n -> Files.isRegularFile(dir.resolve(n)))) {
      return dir;
    }
    Files.createDirectories(dir);
    for (String name : present) {
      URL url = loader.getResource(prefix + name);
      if (url == null) {
        return null;
      }
      Path tmp = Files.createTempFile(dir, name, ".tmp");
      try (InputStream in = url.openStream()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return dir;
  }

  private static String ortPlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String a =
        switch (arch) {
          case "amd64", "x86_64", "x64" -> "x64";
          case "aarch64", "arm64" -> "aarch64";
          default -> null;
        };
    if (a == null) {
      return null;
    }
    if (os.contains("linux")) {
      return "linux-" + a;
    }
    if (os.contains("mac") || os.contains("darwin")) {
      return "osx-" + a;
    }
    if (os.contains("win")) {
      return "win-" + a;
    }
    return null;
  }
}
