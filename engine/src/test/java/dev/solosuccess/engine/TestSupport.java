package dev.solosuccess.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths and engines shared by the engine's tests. */
final class TestSupport {

  private TestSupport() {}

  /** The repository root: set by the build, else found by walking up to {@code mvnw}. */
  static Path repoRoot() {
    String configured = System.getProperty("solo.repo.root");
    if (configured != null) {
      return Path.of(configured);
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  /** The example corpus, {@code examples/data}. */
  static Path exampleData() {
    return repoRoot().resolve("examples/data");
  }

  static SoloEngine open(Path dataDir) {
    return SoloEngine.open(EngineConfig.builder(dataDir).build());
  }
}
