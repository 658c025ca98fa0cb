package dev.solosuccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.cli.SoloCliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code solo audit verify | head | export} on a real data folder. */
class AuditCliTest {

  @Test
  void verifyHeadAndExport(@TempDir Path dir) throws IOException {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "The kettle descales itself every month.");
    Path data = dir.resolve("data");
    assertThat(SoloCliTest.soloIn(data, "ingest", docs.toString()).exitCode()).isZero();
    assertThat(SoloCliTest.soloIn(data, "search", "kettle").exitCode()).isZero();

    Result head = SoloCliTest.soloIn(data, "audit", "head");
    assertThat(head.exitCode()).as(head.err()).isZero();
    assertThat(head.out().strip()).matches("2:[0-9a-f]{64}");

    Result verify = SoloCliTest.soloIn(data, "audit", "verify", "--expect-head",
        head.out().strip(), "--json");
    assertThat(verify.exitCode()).as(verify.err()).isZero();
    JsonNode v = verify.json();
    assertThat(v.get("intact").asBoolean()).isTrue();
    assertThat(v.get("entries").asLong()).isEqualTo(2);
    assertThat(v.get("firstBad").isNull()).isTrue();

    String forged = "2:" + "0".repeat(64);
    Result broken = SoloCliTest.soloIn(data, "audit", "verify", "--expect-head", forged);
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.out()).contains("broken at entry 2").contains("rewritten");

    Result export = SoloCliTest.soloIn(data, "audit", "export", "--since", "2000-01-01T00:00:00Z");
    assertThat(export.exitCode()).as(export.err()).isZero();
    List<String> lines = export.out().lines().toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
    JsonNode first = SoloCliTest.JSON.readTree(lines.get(0));
    assertThat(first.get("action").asString()).isEqualTo("document.ingest");
    assertThat(first.get("actor").asString()).isEqualTo("local-admin");
    assertThat(first.get("detail").get("documents").asInt()).isEqualTo(1);
    assertThat(SoloCliTest.JSON.readTree(lines.get(1)).get("action").asString())
        .isEqualTo("search");
    assertThat(export.out()).doesNotContain("kettle");

    Path file = dir.resolve("audit.jsonl");
    Result toFile = SoloCliTest.soloIn(data, "audit", "export", "--output", file.toString());
    assertThat(toFile.exitCode()).isZero();
    assertThat(Files.readAllLines(file)).hasSizeGreaterThan(lines.size());

    Result badSince = SoloCliTest.soloIn(data, "audit", "export", "--since", "yesterday");
    assertThat(badSince.exitCode()).isEqualTo(2);
    assertThat(badSince.err()).contains("--since must be an ISO-8601 instant");
    Result badHead = SoloCliTest.soloIn(data, "audit", "verify", "--expect-head", "nope");
    assertThat(badHead.exitCode()).isEqualTo(2);
    assertThat(badHead.err()).contains("SEQUENCE:HASH");
  }
}
