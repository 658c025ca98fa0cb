package dev.solosuccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.cli.SoloCliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solo backup}, {@code solo restore} and {@code solo verify}. */
class BackupCliTest {

  @Test
  void backupRestoreVerify(@TempDir Path dir) throws IOException {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "The roaster is calibrated every quarter.");
    Files.writeString(docs.resolve("b.txt"), "Green beans are stored below 20 degrees.");
    Path data = dir.resolve("data");
    assertThat(SoloCliTest.soloIn(data, "ingest", docs.toString()).exitCode()).isZero();

    Result backup = SoloCliTest.soloIn(data, "backup", dir.resolve("bk").toString(), "--json");
    assertThat(backup.exitCode()).as(backup.err()).isZero();
    assertThat(backup.json().get("documents").asLong()).isEqualTo(2);
    assertThat(backup.json().get("sha256").asString()).hasSize(64);

    Path restored = dir.resolve("restored");
    Result restore = SoloCliTest.soloIn(restored, "restore", dir.resolve("bk").toString());
    assertThat(restore.exitCode()).as(restore.err()).isZero();
    Result search = SoloCliTest.soloIn(restored, "search", "roaster calibrated");
    assertThat(search.exitCode()).as(search.err()).isZero();
    assertThat(search.out()).contains("a.txt");

    Result verify = SoloCliTest.soloIn(restored, "verify", "--json");
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.json().get("ok").asBoolean()).isTrue();
    assertThat(verify.json().get("storeChunks").asLong())
        .isEqualTo(verify.json().get("indexChunks").asLong());

    Result again = SoloCliTest.soloIn(restored, "restore", dir.resolve("bk").toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("is not empty");
    Result plain = SoloCliTest.soloIn(data, "verify");
    assertThat(plain.exitCode()).isZero();
    assertThat(plain.out()).startsWith("OK: 2 documents");
  }
}
