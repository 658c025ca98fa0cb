package dev.solosuccess.engine.internal.store;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The embedding model a data folder was built with, as {@code solo_info} records it.
 *
 * @param id the model's id
 * @param dimension its vector length
 * @param key for a user model, its identity (SHA-256 over its files' hashes and settings); empty
 *     for a built-in model, whose id is its identity
 * @param folder for a user model, the folder it was last opened from; empty for a built-in model
 * @param sha256 for a user model, the pinned hash of each of its files; empty for a built-in model
 */
public record ModelRecord(
    String id, int dimension, String key, String folder, Map<String, String> sha256) {

  public ModelRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(folder, "folder");
    sha256 = java.util.Collections.unmodifiableMap(new TreeMap<>(sha256));
  }

  /** A built-in model. */
  public static ModelRecord builtIn(String id, int dimension) {
    return new ModelRecord(id, dimension, "", "", Map.of());
  }

  /** Whether this is a user model from a folder. */
  public boolean isFolder() {
    return !key.isEmpty();
  }

  /** "id (384 dimensions)", with the hashes of a user model's files. */
  String describe() {
    StringBuilder b = new StringBuilder(id).append(" (").append(dimension).append(" dimensions");
    sha256.forEach((f, h) -> b.append(", ").append(f).append(" sha256 ").append(h));
    return b.append(')').toString();
  }
}
