package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.sdk.Answer;
import dev.solosuccess.sdk.AnswerOptions;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.Generation;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.SoloClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM fallback behind {@code solo serve}: a remote client's {@code answer} reaches the chat
 * model (a real Chat Completions server on loopback) through the server's engine, with the same
 * redaction and citation rules as in the process, and only the caller's labelled chunks as context.
 */
class RemoteFallbackTest {

  @TempDir Path dir;

  @Test
  void aRemoteAnswerIsGeneratedFromRedactedContextOfTheCallersOwnDocuments() throws Exception {
    try (ChatServer chat = new ChatServer();
        SoloEngine engine =
            FallbackAnswerTest.open(dir, FallbackAnswerTest.fallback(chat).build())) {
      String admin = engine.users().add("root", Role.ADMIN, Set.of(), PrincipalKind.PERSON).apiKey();
      SoloClient root = engine.authenticate(admin);
      String reader =
          root.users().add("clinic-a", Role.READER, Set.of("clinic:a"), PrincipalKind.SERVICE).apiKey();
      FallbackAnswerTest.NOTES.forEach(
          (name, text) ->
              root.documents()
                  .ingest(
                      IngestRequest.builder()
                          .source(DocumentSource.ofText(name, text))
                          .labels(Set.of("clinic:a"))
                          .build()));
      String hidden = "Clinic B note. Patient Quentin Marrowby takes lisinopril 40 mg at night.";
      root.documents()
          .ingest(
              IngestRequest.builder()
                  .source(DocumentSource.ofText("clinic-b.txt", hidden))
                  .labels(Set.of("clinic:b"))
                  .build());
      chat.otherwise(ChatServer.completion("Lisinopril 20 mg once daily [1].", 120, 9));

      try (SoloServer server =
              SoloServer.start(engine, ServerConfig.builder().port(0).allowPlainHttp().build());
          SoloClient remote = SoloClient.connect(server.uri(), reader)) {
        AnswerOptions always =
            AnswerOptions.builder().generation(Generation.ALWAYS).chunks(3).build();
        Answer a = remote.inference().answer("What dose of lisinopril was planned?", always);

        assertThat(a.generated()).isTrue();
        assertThat(a.text()).isEqualTo("Lisinopril 20 mg once daily [1].");
        assertThat(a.citations()).isNotEmpty();
        assertThat(a.citations()).allSatisfy(c -> assertThat(c.source()).isNotEqualTo("clinic-b.txt"));
        List<ChatServer.Recorded> sent = chat.requests();
        assertThat(sent).hasSize(1);
        String body = sent.get(0).body().toLowerCase(Locale.ROOT);
        for (String canary : FallbackAnswerTest.CANARIES) {
          assertThat(body).as("request body").doesNotContain(canary.toLowerCase(Locale.ROOT));
        }
        assertThat(body).contains("lisinopril").doesNotContain("marrowby").doesNotContain("40 mg");

        // The same question in the process gives the same answer, from the cache: no second call.
        Answer local = engine.authenticate(reader).inference().answer(
            "What dose of lisinopril was planned?", always);
        assertThat(local).isEqualTo(a);
        assertThat(chat.requests()).hasSize(1);
      }
    }
  }
}
