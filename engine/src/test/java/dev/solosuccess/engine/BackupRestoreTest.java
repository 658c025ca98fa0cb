package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online backup while an ingest runs, restore into a new folder, and verification: every document
 * acknowledged before the backup began is in the restored folder and is the top hit for its own
 * unique word; the restored index is rebuilt and checks clean; a changed backup or a non-empty
 * target is refused; an encrypted folder's backup holds no plaintext and opens with its key.
 */
class BackupRestoreTest {

  @TempDir Path dir;

  static String token(int i) {
    return "bkword" + i + "zq";
  }

  @Test
  void aBackupTakenDuringIngestRestoresEveryEarlierDocument() throws Exception {
    Path data = dir.resolve("data");
    Path backup = dir.resolve("backup");
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    List<String> ackedBeforeBackup;
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    BackupReceipt receipt;
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).build())) {
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (int i = 0; !stop.get() && i < 400; i++) {
                    engine.documents().ingest(
                        DocumentSource.ofText("d" + i + ".txt",
                                "Backup note " + i + " mentions " + token(i) + " and pumps.")
                            .withId("d" + i));
                    acknowledged.add("d" + i);
                  }
                } catch (Throwable t) {
                  errors.add(t);
                }
              });
      writer.start();
      while (acknowledged.size() < 25 && writer.isAlive()) {
        Thread.sleep(20);
      }
      ackedBeforeBackup = new ArrayList<>(acknowledged);
      receipt = engine.backup(backup);
      Thread.sleep(300); // the ingest goes on after the backup
      stop.set(true);
      writer.join();
      assertThat(errors).isEmpty();
      assertThat(acknowledged.size()).isGreaterThan(ackedBeforeBackup.size());
    }
    assertThat(receipt.documents()).isGreaterThanOrEqualTo(ackedBeforeBackup.size());
    assertThat(receipt.encrypted()).isFalse();
    assertThat(receipt.sha256()).hasSize(64);

    Path restored = dir.resolve("restored");
    SoloEngine.restore(backup, restored);
    // The index came with the backup: a clean commit, never ahead of the store copy.
    dev.solosuccess.index.IndexCheck check =
        dev.solosuccess.index.ChunkIndex.check(restored.resolve("index"), null);
    assertThat(check.clean()).as(check.problem()).isTrue();
    VerifyReport beforeOpen = SoloEngine.verify(EngineConfig.builder(restored).build());
    assertThat(beforeOpen.problems())
        .as("verify of the restored folder before its first open (the index never ahead)")
        .allMatch(p -> !p.contains("ahead") && !p.contains("damaged"));
    assertThat(beforeOpen.indexChunks()).as("the index's files were copied").isPositive();
    java.util.List<String> logged = new CopyOnWriteArrayList<>();
    java.util.logging.Logger indexes =
        java.util.logging.Logger.getLogger("dev.solosuccess.engine.internal.Indexes");
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            logged.add(r.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    indexes.addHandler(handler);
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(restored).build())) {
      assertThat(logged).as("the restored index is used, not rebuilt")
          .noneMatch(m -> m.contains("rebuilding"));
      assertThat(engine.documents().count()).isGreaterThanOrEqualTo(ackedBeforeBackup.size());
      for (String id : ackedBeforeBackup) {
        int i = Integer.parseInt(id.substring(1));
        assertThat(engine.documents().get(id)).as(id).isPresent();
        List<SearchHit> hits =
            engine.search()
                .search(SearchRequest.builder(token(i)).mode(SearchMode.LEXICAL).build())
                .hits();
        assertThat(hits).as(id).isNotEmpty();
        assertThat(hits.get(0).documentId()).isEqualTo(id);
      }
    }
    indexes.removeHandler(handler);
    VerifyReport restoredReport = SoloEngine.verify(EngineConfig.builder(restored).build());
    assertThat(restoredReport.problems()).isEmpty();
    assertThat(restoredReport.ok()).isTrue();
    assertThat(restoredReport.indexChunks()).isEqualTo(restoredReport.storeChunks());
    VerifyReport original = SoloEngine.verify(EngineConfig.builder(data).build());
    assertThat(original.ok()).as(original.problems().toString()).isTrue();
    assertThat(original.documents()).isEqualTo(acknowledged.size());

    assertThatThrownBy(() -> SoloEngine.restore(backup, data))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not empty");
    byte[] zip = Files.readAllBytes(backup.resolve("store.zip"));
    zip[zip.length / 2] ^= 1;
    Files.write(backup.resolve("store.zip"), zip);
    assertThatThrownBy(() -> SoloEngine.restore(backup, dir.resolve("again")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has changed since the backup");
    assertThatThrownBy(() -> SoloEngine.restore(dir.resolve("nothing"), dir.resolve("again2")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not a backup");
  }

  @Test
  void verifyFindsADamagedIndex() throws Exception {
    Path data = dir.resolve("data");
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).build())) {
      for (int i = 0; i < 5; i++) {
        engine.documents().ingest(DocumentSource.ofText("v" + i + ".txt", "Verify note " + i));
      }
    }
    assertThat(SoloEngine.verify(EngineConfig.builder(data).build()).ok()).isTrue();
    Path victim;
    try (Stream<Path> files = Files.list(data.resolve("index"))) {
      victim =
          files.filter(p -> !p.getFileName().toString().startsWith("segments")
                  && !p.getFileName().toString().equals("write.lock"))
              .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
              .orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(victim);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(victim, bytes);
    VerifyReport report = SoloEngine.verify(EngineConfig.builder(data).build());
    assertThat(report.ok()).isFalse();
    assertThat(report.problems()).anyMatch(p -> p.contains("index"));
  }

  @Test
  void anEncryptedFolderBacksUpEncrypted() throws Exception {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    MasterKey key = MasterKey.of(raw);
    Path data = dir.resolve("enc");
    Path backup = dir.resolve("enc-backup");
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).masterKey(key).build())) {
      engine.documents().ingest(
          DocumentSource.ofText("n.txt", "Patient " + EncryptionAtRestTest.CANARY + " note.")
              .withId("n"));
      assertThat(engine.backup(backup).encrypted()).isTrue();
    }
    try (Stream<Path> files = Files.walk(backup)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        assertThat(EncryptionAtRestTest.canaryHits(p)).as(p.toString()).isZero();
      }
    }
    // The store copy and the index's files are sealed with AES-256-GCM: no ZIP, and each header
    // says so.
    assertThat(backup.resolve("store.zip")).doesNotExist();
    try (Stream<Path> index = Files.list(backup.resolve("index"))) {
      for (Path f : index.toList()) {
        assertThat(new String(Files.readAllBytes(f), 0, 8, java.nio.charset.StandardCharsets.US_ASCII))
            .as(f.toString()).isEqualTo("SOLOSEAL");
      }
    }
    byte[] sealed = Files.readAllBytes(backup.resolve("store.sealed"));
    assertThat(new String(sealed, 0, 8, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("SOLOSEAL");

    Path restored = dir.resolve("enc-restored");
    assertThatThrownBy(() -> SoloEngine.restore(backup, restored))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is an encrypted backup: give the master key");
    assertThatThrownBy(
            () -> SoloEngine.restore(
                backup,
                EngineConfig.builder(restored).masterKey(EncryptionAtRestTest.randomKey()).build()))
        .isInstanceOf(InvalidInputException.class);
    assertThat(restored).doesNotExist();
    SoloEngine.restore(backup, EngineConfig.builder(restored).masterKey(key).build());
    assertThatThrownBy(() -> SoloEngine.open(EngineConfig.builder(restored).build()))
        .isInstanceOf(InvalidInputException.class);
    try (SoloEngine engine =
        SoloEngine.open(EngineConfig.builder(restored).masterKey(key).build())) {
      assertThat(engine.documents().text("n")).contains(EncryptionAtRestTest.CANARY);
    }

    // A flipped byte in the sealed copy, with the manifest's SHA-256 forged to match: GCM still
    // refuses it, and nothing is written.
    sealed[sealed.length / 2] ^= 1;
    Files.write(backup.resolve("store.sealed"), sealed);
    Path manifest = backup.resolve("backup.json");
    String forged =
        Files.readString(manifest)
            .replaceAll("\"sha256\" : \"[0-9a-f]+\"", "\"sha256\" : \"" + sha256(sealed) + "\"");
    Files.writeString(manifest, forged);
    Path again = dir.resolve("enc-again");
    assertThatThrownBy(
            () -> SoloEngine.restore(backup, EngineConfig.builder(again).masterKey(key).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fails its authentication");
    assertThat(again).as("nothing half restored").doesNotExist();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
