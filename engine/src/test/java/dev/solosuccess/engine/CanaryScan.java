package dev.solosuccess.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Counts a canary string in raw bytes, as UTF-8, UTF-16LE and UTF-16BE. */
final class CanaryScan {

  private CanaryScan() {}

  /** Occurrences of {@code canary} in {@code hay}, in any of the three encodings. */
  static int count(byte[] hay, String canary) {
    int n = 0;
    for (byte[] needle :
        new byte[][] {
          canary.getBytes(StandardCharsets.UTF_8),
          canary.getBytes(StandardCharsets.UTF_16LE),
          canary.getBytes(StandardCharsets.UTF_16BE)
        }) {
      outer:
      for (int i = 0; i <= hay.length - needle.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (hay[i + j] != needle[j]) {
            continue outer;
          }
        }
        n++;
      }
    }
    return n;
  }

  static int count(Path file, String canary) throws IOException {
    return count(Files.readAllBytes(file), canary);
  }

  /** Every regular file under {@code root} holding {@code canary}, with its count. */
  static Map<Path, Integer> hits(Path root, String canary) throws IOException {
    Map<Path, Integer> hits = new TreeMap<>();
    if (!Files.exists(root)) {
      return hits;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        int n = count(p, canary);
        if (n > 0) {
          hits.put(p, n);
        }
      }
    }
    return hits;
  }
}
