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

/**
 * {@code solo users} and API keys on the command line: the bootstrap admin, keys shown once,
 * labels at ingest, a labelled reader searching only its tenant, exit code 4 for access denied,
 * revocation, and every change in the audit trail.
 */
class UsersCliTest {

  @Test
  void usersKeysAndLabelsFromTheCommandLine(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("data");
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    Files.writeString(a.resolve("a-note.txt"), "Tenant A: the espresso grinder is cleaned weekly.");
    Files.writeString(b.resolve("b-note.txt"), "Tenant B: the espresso machine is descaled monthly.");
    assertOk(SoloCliTest.soloIn(data, "ingest", "--labels", "tenant:a", a.toString()));
    assertOk(SoloCliTest.soloIn(data, "ingest", "--labels", "tenant:b", b.toString()));

    Result none = SoloCliTest.soloIn(data, "users", "list");
    assertOk(none);
    assertThat(none.out()).contains("No principals");

    Result root = SoloCliTest.soloIn(data, "users", "add", "root", "--role", "admin", "--json");
    assertOk(root);
    JsonNode issued = root.json();
    assertThat(issued.get("name").asString()).isEqualTo("root");
    String rootKey = issued.get("apiKey").asString();
    assertThat(rootKey).startsWith("solo_").hasSize(61);
    Path rootFile = Files.writeString(dir.resolve("root.key"), rootKey + "\n");

    Result unbound = SoloCliTest.soloIn(data, "search", "espresso");
    assertThat(unbound.exitCode()).isEqualTo(4);
    assertThat(unbound.err()).contains("access denied").contains("SOLO_API_KEY");
    Result secondBootstrap = SoloCliTest.soloIn(data, "users", "add", "eve", "--role", "admin");
    assertThat(secondBootstrap.exitCode()).isEqualTo(4);

    Result reader =
        SoloCliTest.soloIn(data, "--api-key-file", rootFile.toString(), "users", "add", "b-app",
            "--role", "reader", "--labels", "tenant:b", "--service");
    assertOk(reader);
    List<String> lines = reader.out().lines().toList();
    assertThat(lines.get(0)).contains("b-app (service, role reader, labels tenant:b)");
    String readerKey = lines.get(lines.size() - 1).strip();
    assertThat(readerKey).startsWith("solo_");
    Path readerFile = Files.writeString(dir.resolve("reader.key"), readerKey);

    Result search =
        SoloCliTest.soloIn(data, "--api-key-file", readerFile.toString(), "search", "--mode",
            "lexical", "--json", "espresso");
    assertOk(search);
    assertThat(search.json().get("hits")).hasSize(1);
    assertThat(search.json().get("hits").get(0).get("source").asString()).endsWith("b-note.txt");
    Result docs =
        SoloCliTest.soloIn(data, "--api-key-file", readerFile.toString(), "docs", "list");
    assertOk(docs);
    assertThat(docs.out()).contains("b-note.txt").doesNotContain("a-note.txt");

    Result denied =
        SoloCliTest.soloIn(data, "--api-key-file", readerFile.toString(), "users", "list");
    assertThat(denied.exitCode()).isEqualTo(4);
    assertThat(denied.err()).contains("role reader").doesNotContain(readerKey);

    Result list =
        SoloCliTest.soloIn(data, "--api-key-file", rootFile.toString(), "users", "list", "--json");
    assertOk(list);
    assertThat(list.json().get("principals")).hasSize(2);
    assertThat(list.out()).doesNotContain("solo_").doesNotContain("apiKey");

    Path wrongFile = Files.writeString(dir.resolve("wrong.key"), readerKey.substring(0, 60) + "x");
    Result wrong = SoloCliTest.soloIn(data, "--api-key-file", wrongFile.toString(), "search", "x");
    assertThat(wrong.exitCode()).isEqualTo(4);
    assertThat(wrong.err()).contains("not valid").doesNotContain(readerKey.substring(18, 50));

    assertOk(SoloCliTest.soloIn(data, "--api-key-file", rootFile.toString(), "users", "revoke",
        "b-app"));
    Result revoked =
        SoloCliTest.soloIn(data, "--api-key-file", readerFile.toString(), "search", "espresso");
    assertThat(revoked.exitCode()).isEqualTo(4);
    assertThat(revoked.err()).contains("revoked");
    Result unknown = SoloCliTest.soloIn(data, "--api-key-file", rootFile.toString(), "users",
        "revoke", "nobody");
    assertThat(unknown.exitCode()).isEqualTo(1);

    Result badRole = SoloCliTest.soloIn(data, "--api-key-file", rootFile.toString(), "users",
        "add", "x", "--role", "superuser");
    assertThat(badRole.exitCode()).isEqualTo(2);

    Result audit =
        SoloCliTest.soloIn(data, "--api-key-file", rootFile.toString(), "audit", "export");
    assertOk(audit);
    assertThat(audit.out())
        .contains("\"users.add\"")
        .contains("\"users.revoke\"")
        .doesNotContain(rootKey)
        .doesNotContain(readerKey);
  }

  private static void assertOk(Result r) {
    assertThat(r.exitCode()).as(r.err()).isZero();
  }
}
