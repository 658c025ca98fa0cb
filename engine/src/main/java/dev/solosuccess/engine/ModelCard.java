package dev.solosuccess.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.nio.file.Path;

/**
 * What an embedding model is, as {@link Models} lists it.
 *
 * @param id the model's id
 * @param folder the model folder of a user model; empty for a built-in one
 * @param format what runs it: {@code onnx} or {@code torchscript}
 * @param dimension vector length
 * @param maxTokens input limit in word pieces, special tokens and prefix included
 * @param pooling {@code mean} or {@code cls}
 * @param queryPrefix prepended to search queries; empty for none
 * @param passagePrefix prepended to chunks; empty for none
 * @param sha256 the pinned SHA-256 of each file of a user model, by file name; empty for a
 *     built-in model, or a folder not yet pinned
 */
public record ModelCard(
    String id,
    Optional<Path> folder,
    String format,
    int dimension,
    int maxTokens,
    String pooling,
    String queryPrefix,
    String passagePrefix,
    Map<String, String> sha256) {

  public ModelCard {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(pooling, "pooling");
    Objects.requireNonNull(queryPrefix, "queryPrefix");
    Objects.requireNonNull(passagePrefix, "passagePrefix");
    sha256 = Map.copyOf(sha256);
  }

  /** Whether the model ships with the engine. */
  public boolean builtIn() {
    return folder.isEmpty();
  }
}
