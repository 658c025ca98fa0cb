package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.AuditEntry;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.SoloException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The role matrix: every role against every operation of the API. An operation a role may not do
 * throws {@link AccessDeniedException} and is audited as denied; one it may do never does (it may
 * fail otherwise, e.g. not found). Also: the engine opened without security acts as local-admin;
 * the first principal (an admin) is added unbound, after which unbound calls are refused and no
 * second bootstrap is possible.
 */
class RoleMatrixTest {

  @TempDir Path data;

  /** The operations, each run through a client; "x" ids make writes harmless. */
  private static Map<String, Consumer<SoloClient>> operations() {
    Map<String, Consumer<SoloClient>> ops = new LinkedHashMap<>();
    ops.put("search", c -> c.search().search("blood pressure"));
    ops.put("get", c -> c.documents().get("note-1"));
    ops.put("list", c -> c.documents().list());
    ops.put("count", c -> c.documents().count());
    ops.put("chunks", c -> c.documents().chunks("note-1"));
    ops.put("text", c -> c.documents().text("note-1"));
    ops.put("labels", c -> c.documents().labels("note-1"));
    ops.put("summarize", c -> c.inference().summarize("note-1", 1));
    ops.put("embed", c -> c.inference().embed("blood pressure"));
    ops.put("redact", c -> c.inference().redact("John Smith"));
    ops.put("zero-shot", c -> c.inference().classifyZeroShot("chest pain",
        Map.of("a", "about the heart", "b", "about the weather")));
    ops.put("classifiers", c -> c.inference().classifiers());
    ops.put("ingest", c -> c.documents().ingest(
        DocumentSource.ofText("x.txt", "A note on sleep and diet.").withId("x")));
    ops.put("ingest-batch", c -> c.documents().ingest(IngestRequest.builder()
        .source(DocumentSource.ofText("y.txt", "A note on exercise.").withId("y")).build()));
    ops.put("delete", c -> c.documents().delete("x"));
    ops.put("erase", c -> c.documents().erase("y"));
    ops.put("erase-where", c -> c.documents().eraseWhere("patient_id", "nobody"));
    ops.put("delete-classifier", c -> c.inference().deleteClassifier("none"));
    ops.put("audit-head", c -> c.audit().head());
    ops.put("audit-verify", c -> c.audit().verify());
    ops.put("audit-entries", c -> c.audit().entries(0, 5));
    ops.put("users-list", c -> c.users().list());
    ops.put("users-add", c -> c.users().add("u" + System.nanoTime(), Role.READER, Set.of(),
        PrincipalKind.PERSON));
    ops.put("users-revoke", c -> c.users().revoke("nobody"));
    ops.put("break-glass", c -> c.breakGlass("emergency: patient unconscious", Duration.ofMinutes(1)));
    ops.put("principal", SoloClient::principal);
    return ops;
  }

  private static final Set<String> READS =
      Set.of("search", "get", "list", "count", "chunks", "text", "labels", "summarize", "embed", "redact",
          "zero-shot", "classifiers", "principal");
  private static final Set<String> WRITES =
      Set.of("ingest", "ingest-batch", "delete", "erase", "erase-where", "delete-classifier");
  private static final Set<String> AUDITS = Set.of("audit-head", "audit-verify", "audit-entries");
  private static final Set<String> ADMINS = Set.of("users-list", "users-add", "users-revoke");

  private static boolean allowed(Role role, String op) {
    if (op.equals("principal")) {
      return true;
    }
    return switch (role) {
      case ADMIN -> true;
      case WRITER -> READS.contains(op) || WRITES.contains(op) || op.equals("break-glass");
      case READER -> READS.contains(op) || op.equals("break-glass");
      case AUDITOR -> AUDITS.contains(op);
    };
  }

  @Test
  void everyRoleAgainstEveryOperation() {
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).build())) {
      assertThat(engine.principal().name()).isEqualTo("local-admin");
      assertThat(engine.securityConfigured()).isFalse();
      engine.documents().ingest(
          DocumentSource.ofText("note-1.txt", "Blood pressure was high. The dose was raised.")
              .withId("note-1"));
      assertThatThrownBy(() -> engine.users().add("first", Role.READER, Set.of(),
              PrincipalKind.PERSON))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("first principal must be an admin");

      String rootKey =
          engine.users().add("root", Role.ADMIN, Set.of(), PrincipalKind.PERSON).apiKey();
      assertThat(engine.securityConfigured()).isTrue();
      assertThatThrownBy(() -> engine.search().search("blood"))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("bind a principal");
      assertThatThrownBy(() -> engine.users().add("second", Role.ADMIN, Set.of(),
              PrincipalKind.PERSON))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(engine::principal).isInstanceOf(AccessDeniedException.class);

      SoloClient root = engine.authenticate(rootKey);
      Map<Role, SoloClient> clients = new EnumMap<>(Role.class);
      clients.put(Role.ADMIN, root);
      for (Role role : List.of(Role.WRITER, Role.READER, Role.AUDITOR)) {
        String key = root.users()
            .add(role.name().toLowerCase(), role, Set.of(), PrincipalKind.PERSON).apiKey();
        clients.put(role, engine.authenticate(key));
        assertThat(clients.get(role).principal().role()).isEqualTo(role);
      }

      List<String> wrong = new ArrayList<>();
      int checked = 0;
      for (Role role : Role.values()) {
        for (Map.Entry<String, Consumer<SoloClient>> op : operations().entrySet()) {
          boolean denied;
          try {
            op.getValue().accept(clients.get(role));
            denied = false;
          } catch (AccessDeniedException e) {
            denied = true;
          } catch (SoloException e) {
            denied = false; // allowed, failed for another reason (not found, ...)
          }
          checked++;
          if (denied == allowed(role, op.getKey())) {
            wrong.add(role + " " + op.getKey() + (denied ? " denied" : " allowed"));
          }
        }
      }
      assertThat(wrong).as("role matrix mismatches").isEmpty();
      assertThat(checked).isEqualTo(4 * operations().size());

      List<AuditEntry> entries = root.audit().entries(0, 10_000);
      assertThat(entries)
          .filteredOn(e -> e.actor().equals("auditor") && e.action().equals("search"))
          .extracting(AuditEntry::outcome)
          .containsExactly("denied");
      assertThat(entries)
          .filteredOn(e -> e.action().equals("users.add") && e.outcome().equals("ok"))
          .extracting(AuditEntry::actor)
          .contains("local-admin", "root");
      assertThat(root.audit().verify().intact()).isTrue();
    }
  }

  @Test
  void labelsRestrictWhatAWriterChanges() {
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).build())) {
      SoloClient root = engine.authenticate(
          engine.users().add("root", Role.ADMIN, Set.of(), PrincipalKind.PERSON).apiKey());
      root.documents().ingest(IngestRequest.builder()
          .source(DocumentSource.ofText("a.txt", "Tenant A: blood pressure note.").withId("a1"))
          .labels(Set.of("tenant:a"))
          .build());
      SoloClient writerB = engine.authenticate(root.users()
          .add("writer-b", Role.WRITER, Set.of("tenant:b"), PrincipalKind.SERVICE).apiKey());

      // Its ingest gets its labels by default; another tenant's label is refused.
      writerB.documents().ingest(
          DocumentSource.ofText("b.txt", "Tenant B: kidney function note.").withId("b1"));
      assertThat(writerB.documents().list()).extracting(d -> d.id()).containsExactly("b1");
      assertThatThrownBy(() -> writerB.documents().ingest(IngestRequest.builder()
              .source(DocumentSource.ofText("c.txt", "more").withId("c1"))
              .labels(Set.of("tenant:a"))
              .build()))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("tenant:a");

      // A's document is neither replaced, deleted nor erased by B, and looks absent.
      var summary = writerB.documents().ingest(IngestRequest.builder()
          .source(DocumentSource.ofText("a.txt", "B tries to overwrite").withId("a1"))
          .build());
      assertThat(summary.ingested()).isEmpty();
      assertThat(summary.skipped()).singleElement()
          .satisfies(s -> assertThat(s.code()).isEqualTo("access-denied"));
      assertThatThrownBy(() -> writerB.documents().delete("a1"))
          .isInstanceOf(dev.solosuccess.sdk.NotFoundException.class);
      assertThatThrownBy(() -> writerB.documents().erase("a1"))
          .isInstanceOf(dev.solosuccess.sdk.NotFoundException.class);
      assertThat(root.documents().text("a1")).contains("Tenant A");

      // The same content under B's labels is not a duplicate of A's document (no name leaks).
      var dup = writerB.documents().ingest(IngestRequest.builder()
          .source(DocumentSource.ofText("a-copy.txt", "Tenant A: blood pressure note.")
              .withId("b2"))
          .build());
      assertThat(dup.duplicates()).isEmpty();
      assertThat(dup.ingested()).extracting(d -> d.id()).containsExactly("b2");
      assertThat(root.documents().count()).isEqualTo(3);
      assertThat(writerB.documents().count()).isEqualTo(2);
      assertThat(root.documents().labels("a1")).containsExactly("tenant:a");
      assertThat(writerB.documents().labels("b1")).containsExactly("tenant:b");
      assertThatThrownBy(() -> writerB.documents().labels("a1"))
          .isInstanceOf(dev.solosuccess.sdk.NotFoundException.class);

      // Break-glass lets the writer read A's document, not change it.
      SoloClient glass = writerB.breakGlass("patient transferred from clinic A", Duration.ofMinutes(1));
      assertThat(glass.documents().text("a1")).contains("Tenant A");
      assertThatThrownBy(() -> glass.documents().delete("a1"))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("does not change");
      assertThatThrownBy(() -> glass.documents().erase("a1"))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(glass.documents().ingest(IngestRequest.builder()
              .source(DocumentSource.ofText("a.txt", "overwrite").withId("a1")).build())
          .skipped()).singleElement().satisfies(s -> assertThat(s.code()).isEqualTo("access-denied"));
      assertThat(glass.documents().eraseWhere("patient_id", "nobody").documentIds()).isEmpty();
      assertThat(root.documents().text("a1")).contains("Tenant A");
    }
  }
}
