package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.AuditEntry;
import dev.solosuccess.sdk.LimitExceededException;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.SoloClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API keys: 256 random bits behind a key id, never stored (the closed, unencrypted data folder is
 * read byte by byte for every key issued: 0 hits), revoked keys failing at once (bound clients
 * too), failed attempts throttled with a retry-after, keys never in messages or the audit trail,
 * and an engine whose own services act as a configured key's principal.
 */
class ApiKeyTest {

  @TempDir Path data;

  @Test
  void keysAreRandomShownOnceAndStoredOnlyAsAHash() throws Exception {
    List<String> keys = new ArrayList<>();
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).build())) {
      keys.add(engine.users().add("root", Role.ADMIN, Set.of(), PrincipalKind.PERSON).apiKey());
      SoloClient root = engine.authenticate(keys.get(0));
      for (int i = 0; i < 30; i++) {
        keys.add(root.users().add("svc-" + i, Role.READER, Set.of("tenant:" + i),
            PrincipalKind.SERVICE).apiKey());
      }
      for (String key : keys) {
        assertThat(key).matches("solo_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}");
        byte[] secret = Base64.getUrlDecoder().decode(key.substring(18));
        assertThat(secret).hasSize(32); // 256 bits
      }
      assertThat(new HashSet<>(keys)).hasSize(keys.size());
      // Bits of the secrets: about half ones, as random bytes have.
      long ones = 0;
      for (String key : keys) {
        for (byte b : Base64.getUrlDecoder().decode(key.substring(18))) {
          ones += Integer.bitCount(b & 0xff);
        }
      }
      double share = ones / (keys.size() * 256.0);
      assertThat(share).isBetween(0.45, 0.55);
      assertThat(root.users().list()).hasSize(31).allSatisfy(p -> assertThat(p.toString())
          .doesNotContain("solo_"));
      for (AuditEntry e : root.audit().entries(0, 10_000)) {
        for (String key : keys) {
          assertThat(e.toString()).doesNotContain(key).doesNotContain(key.substring(18));
        }
      }
    }
    int files = 0;
    try (Stream<Path> walk = Files.walk(data)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        files++;
        for (String key : keys) {
          for (String part : List.of(key, key.substring(18))) {
            assertThat(indexOf(bytes, part.getBytes(StandardCharsets.UTF_8)))
                .as("%s in %s", "a key", f).isEqualTo(-1);
            assertThat(indexOf(bytes, part.getBytes(StandardCharsets.UTF_16LE)))
                .as("%s in %s", "a key", f).isEqualTo(-1);
          }
        }
      }
    }
    assertThat(files).isGreaterThan(3);
    // The keys still work after the scan: what is stored is enough to check them.
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).build())) {
      assertThat(engine.authenticate(keys.get(5)).principal().name()).isEqualTo("svc-4");
    }
  }

  @Test
  void revokedKeysFailAtOnceAndWrongKeysAreThrottled() throws Exception {
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).build())) {
      String rootKey =
          engine.users().add("root", Role.ADMIN, Set.of(), PrincipalKind.PERSON).apiKey();
      SoloClient root = engine.authenticate(rootKey);
      String aliceKey =
          root.users().add("alice", Role.READER, Set.of(), PrincipalKind.PERSON).apiKey();
      SoloClient alice = engine.authenticate(aliceKey);
      alice.documents().list();

      assertThatThrownBy(() -> root.users().revoke("root"))
          .hasMessageContaining("last admin");
      root.users().revoke("alice");
      assertThatThrownBy(() -> engine.authenticate(aliceKey))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("revoked");
      assertThatThrownBy(() -> alice.documents().list())
          .as("a client bound before the revocation")
          .isInstanceOf(AccessDeniedException.class);
      assertThat(root.users().list()).filteredOn(p -> p.name().equals("alice"))
          .singleElement().satisfies(p -> assertThat(p.revoked()).isTrue());

      // Wrong keys: unknown, malformed, and alice's... no: bob's key id with a wrong secret.
      String bobKey = root.users().add("bob", Role.READER, Set.of(), PrincipalKind.PERSON).apiKey();
      String wrong = bobKey.substring(0, 18) + (bobKey.charAt(18) == 'A' ? 'B' : 'A')
          + bobKey.substring(19);
      for (String bad : List.of("", "nonsense", "solo_" + "A".repeat(12) + "_" + "B".repeat(43))) {
        assertThatThrownBy(() -> engine.authenticate(bad))
            .isInstanceOf(AccessDeniedException.class)
            .hasMessage("the API key is not valid");
      }
      for (int i = 0; i < 5; i++) {
        assertThatThrownBy(() -> engine.authenticate(wrong))
            .isInstanceOf(AccessDeniedException.class)
            .hasMessageNotContaining(wrong)
            .hasMessageNotContaining(wrong.substring(18));
      }
      // The fifth failure locked bob's key: even the right key waits, and is told how long.
      LimitExceededException limited =
          (LimitExceededException)
              org.assertj.core.api.Assertions.catchThrowable(() -> engine.authenticate(bobKey));
      assertThat(limited).isNotNull();
      assertThat(limited.retryAfter()).isPresent();
      assertThat(limited.retryAfter().get()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(limited.getMessage()).doesNotContain(bobKey.substring(18));
      assertThatThrownBy(() -> engine.authenticate(wrong))
          .isInstanceOf(LimitExceededException.class);
      Thread.sleep(limited.retryAfter().get().toMillis() + 50);
      assertThat(engine.authenticate(bobKey).principal().name()).isEqualTo("bob");
      // A success clears the count: one more failure is not locked.
      assertThatThrownBy(() -> engine.authenticate(wrong)).isInstanceOf(AccessDeniedException.class);
      assertThat(engine.authenticate(bobKey).principal().name()).isEqualTo("bob");

      List<AuditEntry> auth =
          root.audit().entries(0, 10_000).stream().filter(e -> e.action().equals("auth")).toList();
      assertThat(auth).filteredOn(e -> e.outcome().equals("denied")).hasSizeGreaterThanOrEqualTo(9);
      assertThat(auth).filteredOn(e -> e.outcome().equals("ok")).isNotEmpty();
      for (AuditEntry e : auth) {
        assertThat(e.detail()).doesNotContain(wrong.substring(18)).doesNotContain(bobKey.substring(18));
      }
    }
  }

  @Test
  void anEngineActsAsTheConfiguredKeysPrincipal() {
    String readerKey;
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).apiKey("solo_any").build())) {
      assertThat(engine.principal().name())
          .as("a key on a folder without principals is ignored")
          .isEqualTo("local-admin");
      engine.documents().ingest(dev.solosuccess.sdk.IngestRequest.builder()
          .source(dev.solosuccess.sdk.DocumentSource.ofText("a.txt", "Tenant A note.").withId("a"))
          .labels(Set.of("tenant:a")).build());
      engine.documents().ingest(dev.solosuccess.sdk.IngestRequest.builder()
          .source(dev.solosuccess.sdk.DocumentSource.ofText("b.txt", "Tenant B note.").withId("b"))
          .labels(Set.of("tenant:b")).build());
      SoloClient root = engine.authenticate(
          engine.users().add("root", Role.ADMIN, Set.of(), PrincipalKind.PERSON).apiKey());
      readerKey = root.users().add("b", Role.READER, Set.of("tenant:b"), PrincipalKind.SERVICE)
          .apiKey();
    }
    EngineConfig config = EngineConfig.builder(data).apiKey(readerKey).build();
    assertThat(config.toString()).doesNotContain(readerKey).contains("apiKey=(set)");
    try (SoloEngine engine = SoloEngine.open(config)) {
      assertThat(engine.principal().name()).isEqualTo("b");
      assertThat(engine.documents().list()).extracting(d -> d.id()).containsExactly("b");
      assertThatThrownBy(() -> engine.users().list()).isInstanceOf(AccessDeniedException.class);
    }
    assertThatThrownBy(
            () -> SoloEngine.open(EngineConfig.builder(data).apiKey("solo_wrong").build()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageNotContaining("solo_wrong");
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(data).build())) {
      assertThatThrownBy(() -> engine.documents().list())
          .isInstanceOf(AccessDeniedException.class);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
