package dev.solosuccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.cli.SoloCliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solo erase --doc | --meta}. */
class EraseCliTest {

  @Test
  void eraseByMetadataAndById(@TempDir Path dir) throws IOException {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Clinic note about the pump settings.");
    Files.writeString(docs.resolve("b.txt"), "Clinic note about the valve settings.");
    Path data = dir.resolve("data");
    assertThat(SoloCliTest.soloIn(data, "ingest", docs.resolve("a.txt").toString(),
        "--meta", "patient_id=P-1").exitCode()).isZero();
    assertThat(SoloCliTest.soloIn(data, "ingest", docs.resolve("b.txt").toString(),
        "--meta", "patient_id=P-2").exitCode()).isZero();

    Result byMeta = SoloCliTest.soloIn(data, "erase", "--meta", "patient_id=P-1", "--json");
    assertThat(byMeta.exitCode()).as(byMeta.err()).isZero();
    assertThat(byMeta.json().get("documentIds").size()).isEqualTo(1);
    assertThat(byMeta.json().get("auditSequence").asLong()).isPositive();
    Result list = SoloCliTest.soloIn(data, "docs", "list");
    assertThat(list.out()).contains("b.txt").doesNotContain("a.txt");

    String id =
        SoloCliTest.soloIn(data, "docs", "list", "--json")
            .json()
            .get("documents")
            .get(0)
            .get("id")
            .asString();
    Result byId = SoloCliTest.soloIn(data, "erase", "--doc", id);
    assertThat(byId.exitCode()).as(byId.err()).isZero();
    assertThat(byId.out()).startsWith("Erased 1 documents");
    Result missing = SoloCliTest.soloIn(data, "erase", "--doc", id);
    assertThat(missing.exitCode()).isEqualTo(1);
    Result both = SoloCliTest.soloIn(data, "erase", "--doc", id, "--meta", "a=b");
    assertThat(both.exitCode()).isEqualTo(2);
    Result bad = SoloCliTest.soloIn(data, "erase", "--meta", "novalue");
    assertThat(bad.exitCode()).isEqualTo(2);
  }
}
