package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.AuditEntry;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SoloClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Break-glass access: it needs a reason, a bounded time and a role that may use it; it sees every
 * document until it expires, then fails; its start (with the reason) and every call under it are
 * audited and marked with its session id.
 */
class BreakGlassTest {

  @TempDir Path data;

  @Test
  void emergencyAccessIsBoundedAndAudited() throws Exception {
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).build())) {
      SoloClient root = engine.authenticate(
          engine.users().add("root", Role.ADMIN, Set.of(), PrincipalKind.PERSON).apiKey());
      root.documents().ingest(IngestRequest.builder()
          .source(DocumentSource.ofText("er.txt", "Emergency admission: allergy to penicillin.")
              .withId("er-1"))
          .labels(Set.of("group:emergency"))
          .build());
      SoloClient nurse = engine.authenticate(root.users()
          .add("nurse", Role.READER, Set.of("group:cardiology"), PrincipalKind.PERSON).apiKey());
      SoloClient auditor = engine.authenticate(root.users()
          .add("audit", Role.AUDITOR, Set.of(), PrincipalKind.PERSON).apiKey());

      assertThat(nurse.documents().get("er-1")).isEmpty();
      assertThat(lexical(nurse, "penicillin")).isEmpty();

      assertThatThrownBy(() -> nurse.breakGlass(" ", Duration.ofMinutes(5)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
      assertThatThrownBy(() -> nurse.breakGlass(null, Duration.ofMinutes(5)))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> nurse.breakGlass("x".repeat(501), Duration.ofMinutes(5)))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> nurse.breakGlass("unconscious patient", Duration.ofHours(5)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("4 hours");
      assertThatThrownBy(() -> nurse.breakGlass("unconscious patient", Duration.ZERO))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> auditor.breakGlass("curious", Duration.ofMinutes(5)))
          .isInstanceOf(AccessDeniedException.class);

      SoloClient glass = nurse.breakGlass("unconscious patient in ER bay 3", Duration.ofSeconds(3));
      assertThat(glass.principal().name()).isEqualTo("nurse");
      assertThat(glass.documents().text("er-1")).contains("penicillin");
      assertThat(lexical(glass, "penicillin")).containsExactly("er-1");
      assertThat(nurse.documents().get("er-1")).as("the normal client stays restricted").isEmpty();
      assertThatThrownBy(() -> glass.documents().delete("er-1"))
          .as("break-glass widens what a reader sees, not what it may do")
          .isInstanceOf(AccessDeniedException.class);

      Thread.sleep(3_100);
      assertThatThrownBy(() -> glass.documents().text("er-1"))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("expired");
      assertThatThrownBy(() -> lexical(glass, "penicillin"))
          .isInstanceOf(AccessDeniedException.class);

      List<AuditEntry> entries = auditor.audit().entries(0, 10_000);
      AuditEntry start =
          entries.stream().filter(e -> e.action().equals("break-glass.start")
              && e.outcome().equals("ok")).findFirst().orElseThrow();
      assertThat(start.actor()).isEqualTo("nurse");
      assertThat(start.detail()).contains("unconscious patient in ER bay 3").contains("expiresAt");
      String session = start.detail().replaceAll(".*\"breakGlass\":\"([^\"]+)\".*", "$1");
      assertThat(session).hasSize(36);
      List<AuditEntry> under =
          entries.stream().filter(e -> e.detail().contains(session)
              && e.sequence() > start.sequence()).toList();
      assertThat(under).extracting(AuditEntry::action)
          .contains("document.text", "search", "document.delete");
      assertThat(under).allSatisfy(e -> assertThat(e.actor()).isEqualTo("nurse"));
      assertThat(under).filteredOn(e -> e.action().equals("document.text"))
          .extracting(AuditEntry::outcome).containsExactly("ok", "denied");
      assertThat(entries).filteredOn(e -> e.action().equals("break-glass.start")
              && !e.outcome().equals("ok"))
          .hasSize(6);
      assertThat(auditor.audit().verify().intact()).isTrue();
      assertThatThrownBy(() -> nurse.documents().text("er-1")).isInstanceOf(NotFoundException.class);
    }
  }

  private static List<String> lexical(SoloClient client, String query) {
    return client.search()
        .search(SearchRequest.builder(query).mode(SearchMode.LEXICAL).build())
        .hits().stream().map(h -> h.documentId()).toList();
  }
}
