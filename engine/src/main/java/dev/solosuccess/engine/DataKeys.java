package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.crypto.KeyRing;
import dev.solosuccess.sdk.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Opens or creates a data folder's keys from the configured master key. */
final class DataKeys {

  private DataKeys() {}

  /**
   * The folder's data keys, or empty for a folder without encryption.
   *
   * @throws InvalidInputException if the folder is encrypted and no key or a wrong key is given,
   *     or a key is given for a folder created without encryption; nothing on disk changes then
   */
  static Optional<KeyRing> open(EngineConfig config) {
    Path dataDir = config.dataDir();
    boolean encrypted = KeyRing.present(dataDir);
    if (config.masterKey().isEmpty()) {
      if (encrypted) {
        throw new InvalidInputException(
            "the data folder " + dataDir + " is encrypted: give its master key (the environment"
                + " variable " + MasterKey.ENVIRONMENT_VARIABLE + ", --master-key-file, or"
                + " EngineConfig.Builder.masterKey)");
      }
      return Optional.empty();
    }
    byte[] master = config.masterKey().get().read();
    try {
      if (encrypted) {
        return Optional.of(KeyRing.open(dataDir, master));
      }
      if (Files.exists(dataDir.resolve("meta.mv.db"))) {
        throw new InvalidInputException(
            "the data folder " + dataDir + " was created without encryption, and a master key was"
                + " given: encrypt by ingesting into a new data folder opened with the key");
      }
      return Optional.of(KeyRing.create(dataDir, master));
    } finally {
      Arrays.fill(master, (byte) 0);
    }
  }

  /** The master key's bytes, for rotation; the caller wipes them. */
  static byte[] read(MasterKey key) {
    return key.read();
  }
}
