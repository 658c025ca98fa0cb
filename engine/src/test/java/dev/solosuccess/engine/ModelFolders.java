package dev.solosuccess.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** User model folders made from the built-in models' class-path resources, for tests. */
final class ModelFolders {

  private ModelFolders() {}

  /** The descriptor of all-minilm-l6-v2 as a user model, without hashes. */
  static String miniLmDescriptor(String id) {
    return """
        {
          "id": "%s",
          "format": "onnx",
          "dimension": 384,
          "maxTokens": 256,
          "pooling": "mean",
          "normalize": true,
          "queryPrefix": "",
          "passagePrefix": "",
          "description": "all-MiniLM-L6-v2 copied from the built-in model's resources"
        }
        """.formatted(id);
  }

  /**
   * A folder holding a built-in model's graph as {@code model.onnx}, its tokenizer as {@code
   * tokenizer.json}, and {@code descriptor} as {@code solo-model.json} (not pinned).
   */
  static Path copy(Path folder, String builtInId, String descriptor) {
    try {
      Files.createDirectories(folder);
      copyResource(builtInId + ".onnx", folder.resolve("model.onnx"));
      copyResource(builtInId + "-tokenizer.json", folder.resolve("tokenizer.json"));
      Files.writeString(folder.resolve("solo-model.json"), descriptor);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A pinned copy of all-minilm-l6-v2 under the id {@code id}. */
  static Path pinnedMiniLm(Path folder, String id) {
    copy(folder, "all-minilm-l6-v2", miniLmDescriptor(id));
    Models.pin(folder);
    return folder;
  }

  static void copyResource(String resource, Path to) throws IOException {
    try (InputStream in = SoloEngine.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no resource " + resource);
      }
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Counts what the engine's models did: inputs embedded by a model run, inputs from the cache. */
  static final class Counting implements InferenceListener {
    final LongAdder embedded = new LongAdder();
    final LongAdder calls = new LongAdder();
    final LongAdder fromCache = new LongAdder();

    @Override
    public void embedded(String modelId, int inputs, Duration elapsed) {
      embedded.add(inputs);
      calls.increment();
    }

    @Override
    public void embeddedFromCache(String modelId, int inputs) {
      fromCache.add(inputs);
    }

    long embedded() {
      return embedded.sum();
    }

    long fromCache() {
      return fromCache.sum();
    }
  }
}
