package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder opened with a master key is encrypted under random data keys wrapped by it: no
 * canary in any file of the folder, store or index, in UTF-8 or UTF-16; the folder refuses to open
 * without the key, with another key, or with its key file changed, and each refusal leaves every
 * file as it was; rotating the master key keeps every document found.
 */
class EncryptionAtRestTest {

  static final String CANARY = "quokkazebraq";

  @TempDir Path dir;

  static MasterKey randomKey() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return MasterKey.of(k);
  }

  @Test
  void theStoreHoldsNoPlaintextAndOpensOnlyWithItsKey() throws Exception {
    Path data = dir.resolve("data");
    MasterKey key = randomKey();
    EngineConfig config = EngineConfig.builder(data).masterKey(key).build();
    assertThat(config.toString()).contains("masterKey=MasterKey[given]");
    try (SoloEngine engine = SoloEngine.open(config)) {
      engine.documents().ingest(
          DocumentSource.ofText("note.txt", "Patient " + CANARY + " was seen for a cough.")
              .withId("note"));
      assertThat(engine.search().search(CANARY).hits()).isNotEmpty();
    }
    assertThat(Files.exists(data.resolve("keys.json"))).isTrue();
    // Every byte of every file of the folder (store, index, keys, lock, native libraries).
    int files = 0;
    try (Stream<Path> walk = Files.walk(data)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        assertThat(canaryHits(p)).as("canaries in " + data.relativize(p)).isZero();
        files++;
      }
    }
    assertThat(files).as("the store, the key file and the index's files").isGreaterThan(4);
    try (Stream<Path> index = Files.list(data.resolve("index"))) {
      assertThat(index.count()).isGreaterThan(2);
    }

    Map<Path, String> before = snapshot(data);
    assertThatThrownBy(() -> SoloEngine.open(EngineConfig.builder(data).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is encrypted: give its master key");
    assertThatThrownBy(
            () -> SoloEngine.open(EngineConfig.builder(data).masterKey(randomKey()).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not open the data folder")
        .hasMessageContaining("master key id");
    assertThat(snapshot(data)).as("nothing on disk changed").isEqualTo(before);

    // Reopened with its key, everything is there.
    try (SoloEngine engine = SoloEngine.open(config)) {
      assertThat(engine.documents().text("note")).contains(CANARY);
    }
  }

  @Test
  void rotationKeepsEveryDocumentAndRetiresTheOldKey() throws Exception {
    Path data = dir.resolve("data");
    MasterKey old = randomKey();
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).masterKey(old).build())) {
      for (int i = 0; i < 5; i++) {
        engine.documents().ingest(
            DocumentSource.ofText("d" + i + ".txt", "Rotation note " + i + " about kettles.")
                .withId("d" + i));
      }
    }
    Path newKeyFile = dir.resolve("new.key");
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    Files.writeString(newKeyFile, Base64.getEncoder().encodeToString(raw) + "\n");
    MasterKey fresh = MasterKey.fromFile(newKeyFile);
    SoloEngine.rotateMasterKey(EngineConfig.builder(data).masterKey(old).build(), fresh);

    assertThatThrownBy(() -> SoloEngine.open(EngineConfig.builder(data).masterKey(old).build()))
        .isInstanceOf(InvalidInputException.class);
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).masterKey(fresh).build())) {
      assertThat(engine.documents().count()).isEqualTo(5);
      assertThat(engine.search().search("kettles").hits()).hasSize(5);
    }
    assertThatThrownBy(
            () -> SoloEngine.rotateMasterKey(EngineConfig.builder(data).masterKey(old).build(),
                randomKey()))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void reencryptionUnderFreshDataKeysKeepsEveryDocumentEvenWhenInterrupted() throws Exception {
    for (int stopAfter : new int[] {0, 1, 2}) {
      Path data = dir.resolve("re" + stopAfter);
      EngineConfig config = EngineConfig.builder(data).masterKey(randomKey()).build();
      try (SoloEngine engine = SoloEngine.open(config)) {
        for (int i = 0; i < 4; i++) {
          engine.documents().ingest(
              DocumentSource.ofText("r" + i + ".txt", "Reencryption note " + i + " on boilers.")
                  .withId("r" + i));
        }
      }
      String keysBefore = Files.readString(data.resolve("keys.json"));
      byte[] storeBefore = Files.readAllBytes(data.resolve("meta.mv.db"));
      SoloEngine.reencrypt(config, stopAfter);
      // The next open finishes (or rolls back) what was interrupted.
      try (SoloEngine engine = SoloEngine.open(config)) {
        assertThat(engine.documents().count()).as("stopAfter %d", stopAfter).isEqualTo(4);
        assertThat(engine.search().search("boilers").hits()).hasSize(4);
      }
      assertThat(Files.exists(data.resolve("keys.next.json"))).isFalse();
      assertThat(Files.exists(data.resolve("reencrypt"))).isFalse();
      boolean rolledBack = stopAfter == 1;
      assertThat(Files.readString(data.resolve("keys.json")).equals(keysBefore))
          .as("stopAfter %d: the key file is %s", stopAfter, rolledBack ? "kept" : "new")
          .isEqualTo(rolledBack);
      if (!rolledBack) {
        byte[] storeAfter = Files.readAllBytes(data.resolve("meta.mv.db"));
        assertThat(java.util.Arrays.equals(storeBefore, storeAfter)).isFalse();
      }
    }
  }

  @Test
  void keyMistakesAreNamed() throws IOException {
    Path plain = dir.resolve("plain");
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(plain).build())) {
      engine.documents().ingest(DocumentSource.ofText("a.txt", "Unencrypted note " + CANARY));
    }
    assertThat(canaryHits(plain.resolve("meta.mv.db")))
        .as("the control: an unencrypted store holds the canary")
        .isPositive();
    int indexHits = 0;
    try (Stream<Path> walk = Files.walk(plain.resolve("index"))) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        indexHits += canaryHits(p);
      }
    }
    assertThat(indexHits).as("the control: an unencrypted index holds it too").isPositive();
    assertThatThrownBy(
            () -> SoloEngine.open(EngineConfig.builder(plain).masterKey(randomKey()).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("was created without encryption");
    assertThatThrownBy(() -> MasterKey.of(new byte[16]))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("32 bytes, got 16");
    Path shortKey = Files.writeString(dir.resolve("short.key"), "c2hvcnQ=");
    assertThatThrownBy(
            () ->
                SoloEngine.open(
                    EngineConfig.builder(dir.resolve("x"))
                        .masterKey(MasterKey.fromFile(shortKey))
                        .build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds 5 bytes")
        .hasMessageNotContaining("c2hvcnQ");
    Path notBase64 = Files.writeString(dir.resolve("bad.key"), "not base64 at all!");
    assertThatThrownBy(
            () ->
                SoloEngine.open(
                    EngineConfig.builder(dir.resolve("y"))
                        .masterKey(MasterKey.fromFile(notBase64))
                        .build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not hold base64");
  }

  static int canaryHits(Path file) throws IOException {
    return CanaryScan.count(file, CANARY);
  }

  /** Every file under {@code root} but the native libraries, by its SHA-256. */
  static Map<Path, String> snapshot(Path root) throws Exception {
    Map<Path, String> files = new java.util.TreeMap<>();
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        if (!p.startsWith(root.resolve("native"))) {
          files.put(
              root.relativize(p),
              java.util.HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
        }
      }
    }
    return files;
  }
}
