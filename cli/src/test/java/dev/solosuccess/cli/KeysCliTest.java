package dev.solosuccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.cli.SoloCliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An encrypted data folder from the command line: --master-key-file and solo keys rotate. */
class KeysCliTest {

  static Path keyFile(Path dir, String name) throws IOException {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return Files.writeString(dir.resolve(name), Base64.getEncoder().encodeToString(k) + "\n");
  }

  @Test
  void encryptedFolderOpensWithItsKeyAndRotates(@TempDir Path dir) throws IOException {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "The espresso grinder is cleaned weekly.");
    Path data = dir.resolve("data");
    Path key = keyFile(dir, "old.key");
    Path fresh = keyFile(dir, "new.key");
    Result ingest =
        SoloCliTest.soloIn(data, "--master-key-file", key.toString(), "ingest", docs.toString());
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    assertThat(Files.exists(data.resolve("keys.json"))).isTrue();

    Result noKey = SoloCliTest.soloIn(data, "search", "grinder");
    assertThat(noKey.exitCode()).isEqualTo(1);
    assertThat(noKey.err()).contains("is encrypted: give its master key");

    Result rotate =
        SoloCliTest.soloIn(data, "--master-key-file", key.toString(), "keys", "rotate",
            "--new-master-key-file", fresh.toString(), "--reencrypt");
    assertThat(rotate.exitCode()).as(rotate.err()).isZero();
    assertThat(rotate.out())
        .contains("Re-encrypted the data folder")
        .contains("now opens with the key in");

    Result oldKey =
        SoloCliTest.soloIn(data, "--master-key-file", key.toString(), "search", "grinder");
    assertThat(oldKey.exitCode()).isEqualTo(1);
    assertThat(oldKey.err()).contains("does not open the data folder");
    Result newKey =
        SoloCliTest.soloIn(data, "--master-key-file", fresh.toString(), "search", "grinder");
    assertThat(newKey.exitCode()).as(newKey.err()).isZero();
    assertThat(newKey.out()).contains("a.txt");
    assertThat(newKey.err() + newKey.out())
        .doesNotContain(Files.readString(fresh).strip())
        .doesNotContain(Files.readString(key).strip());

    Result missing = SoloCliTest.soloIn(data, "keys", "rotate", "--new-master-key-file",
        fresh.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    Result nothing =
        SoloCliTest.soloIn(data, "--master-key-file", fresh.toString(), "keys", "rotate");
    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.err()).contains("--new-master-key-file FILE, --reencrypt, or both");
  }
}
