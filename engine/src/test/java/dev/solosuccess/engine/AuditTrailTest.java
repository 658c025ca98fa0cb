package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.engine.internal.store.AuditLog;
import dev.solosuccess.sdk.AuditEntry;
import dev.solosuccess.sdk.AuditHead;
import dev.solosuccess.sdk.AuditVerification;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail: every access is recorded with its outcome and without content, the chain
 * survives a reopen, and 1,000 random tamperings of the real H2 table (a changed byte in any
 * column, a deleted row, two rows swapped, a row inserted) are each detected at the entry where
 * the trail stops being what was written.
 */
class AuditTrailTest {

  static final String CANARY_TEXT = "Zyxwvut Qpqrs was seen on ward nine for chest pain.";
  static final String CANARY_QUERY = "Zyxwvut Qpqrs chest pain";

  @Test
  void everyAccessIsRecordedWithItsOutcomeAndNoContent(@TempDir Path dir) throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("note.txt"), CANARY_TEXT);
    Files.writeString(docs.resolve("other.txt"), "The boiler is serviced every spring.");
    EngineConfig config = EngineConfig.builder(dir.resolve("data")).build();
    String noteId;
    try (SoloEngine engine = SoloEngine.open(config)) {
      assertThat(engine.audit().head()).isEqualTo(new AuditHead(0, AuditLog.GENESIS));
      var summary = engine.documents().ingest(IngestRequest.of(docs));
      noteId =
          summary.ingested().stream()
              .filter(d -> d.source().endsWith("note.txt"))
              .findFirst()
              .orElseThrow()
              .id();
      var hits = engine.search().search(CANARY_QUERY).hits();
      assertThat(hits).isNotEmpty();
      engine.documents().text(noteId);
      engine.inference().summarize(noteId, 1);
      engine.inference().embed(CANARY_QUERY, EmbeddingKind.QUERY);
      assertThatThrownBy(() -> engine.documents().text("no-such-document"))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> engine.inference().summarize(noteId, 0))
          .isInstanceOf(InvalidInputException.class);
      engine.documents().delete(noteId);

      List<AuditEntry> entries = engine.audit().entries(0, 100);
      assertThat(entries)
          .extracting(AuditEntry::action)
          .containsExactly(
              "document.ingest",
              "search",
              "document.text",
              "inference.summarize",
              "inference.embed",
              "document.text",
              "inference.summarize",
              "document.delete");
      assertThat(entries).extracting(AuditEntry::actor).containsOnly("local-admin");
      assertThat(entries)
          .extracting(AuditEntry::outcome)
          .containsExactly("ok", "ok", "ok", "ok", "ok", "not-found", "invalid", "ok");
      assertThat(entries.get(0).targets()).hasSize(2).contains(noteId);
      assertThat(entries.get(1).targets()).contains(noteId);
      assertThat(entries.get(1).detail()).contains("\"mode\":\"hybrid\"").contains("\"hits\":");
      assertThat(entries.get(5).targets()).containsExactly("no-such-document");
      assertThat(entries.get(7).targets()).containsExactly(noteId);
      for (int i = 0; i < entries.size(); i++) {
        assertThat(entries.get(i).sequence()).isEqualTo(i + 1);
        String all = entries.get(i).toString();
        assertThat(all).doesNotContain("Zyxwvut").doesNotContain("Qpqrs").doesNotContain("chest");
      }
      AuditVerification v = engine.audit().verify();
      assertThat(v.intact()).as(v.problem()).isTrue();
      assertThat(v.entries()).as("the 8 actions and the read of them").isEqualTo(9);
    }
    // Reopened, the chain goes on from where it was, and a kept head still verifies.
    AuditHead kept;
    try (SoloEngine engine = SoloEngine.open(config)) {
      kept = engine.audit().head();
      assertThat(kept.sequence()).isEqualTo(10); // the verify above is itself entry 10
      engine.search().search("boiler");
      assertThat(engine.audit().verify(kept).intact()).isTrue();
      assertThat(engine.audit().entriesSince(Instant.EPOCH, 100))
          .extracting(AuditEntry::action)
          .endsWith("audit.read", "audit.verify", "search", "audit.verify")
          .hasSize(12);
      assertThat(AuditHead.parse(kept.toString())).isEqualTo(kept);
    }
  }

  @Test
  void aThousandRandomTamperingsAreEachDetectedAtTheRightEntry(@TempDir Path dir)
      throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(docs.resolve("d" + i + ".txt"), "Document " + i + " about pumps.");
    }
    EngineConfig config = EngineConfig.builder(dir.resolve("data")).build();
    AuditHead head;
    try (SoloEngine engine = SoloEngine.open(config)) {
      engine.documents().ingest(IngestRequest.of(docs));
      for (int i = 0; i < 60; i++) {
        engine.search().search("pumps " + i);
        engine.documents().list();
      }
      head = engine.audit().head();
    }
    int n = (int) head.sequence();
    assertThat(n).isEqualTo(121);
    String url =
        "jdbc:h2:file:" + dir.resolve("data/meta").toAbsolutePath() + ";TRACE_LEVEL_FILE=0";
    Random random = new Random(20261126);
    int[] kinds = new int[4];
    try (Connection c = DriverManager.getConnection(url, "solo", "")) {
      c.setAutoCommit(false);
      assertThat(AuditLog.verify(c, head).intact()).isTrue();
      for (int round = 0; round < 1000; round++) {
        int kind = random.nextInt(4);
        long expected = tamper(c, kind, n, random);
        AuditVerification v = AuditLog.verify(c, head);
        assertThat(v.intact()).as("round %d, tampering %d", round, kind).isFalse();
        assertThat(v.firstBad().getAsLong())
            .as("round %d, tampering %d: %s", round, kind, v.problem())
            .isEqualTo(expected);
        c.rollback();
        kinds[kind]++;
      }
      assertThat(AuditLog.verify(c, head).intact()).as("every tampering rolled back").isTrue();
    }
    for (int k : kinds) {
      assertThat(k).as("each kind of tampering is tried often").isGreaterThan(200);
    }
  }

  /** Applies one tampering inside the open transaction; returns the entry that must be named. */
  private static long tamper(Connection c, int kind, int n, Random random) throws SQLException {
    switch (kind) {
      case 0 -> { // one changed character in one column of one row
        long seq = 1 + random.nextInt(n);
        String[] columns = {
          "at_micros", "actor", "action", "targets", "detail", "outcome", "prev_hash", "hash"
        };
        String column = columns[random.nextInt(columns.length)];
        if (column.equals("at_micros")) {
          update(c, "UPDATE audit_log SET at_micros = at_micros + 1 WHERE seq = ?", seq);
        } else {
          String value = read(c, column, seq);
          int at = random.nextInt(value.length());
          char replacement = value.charAt(at) == 'a' ? 'b' : 'a';
          String changed = value.substring(0, at) + replacement + value.substring(at + 1);
          try (PreparedStatement p =
              c.prepareStatement("UPDATE audit_log SET " + column + " = ? WHERE seq = ?")) {
            p.setString(1, changed);
            p.setLong(2, seq);
            p.executeUpdate();
          }
        }
        return seq;
      }
      case 1 -> { // a deleted row (the last one too: the kept head shows it)
        long seq = 1 + random.nextInt(n);
        update(c, "DELETE FROM audit_log WHERE seq = ?", seq);
        return seq;
      }
      case 2 -> { // two rows swapped: each keeps its number, takes the other's fields
        long a = 1 + random.nextInt(n);
        long b = 1 + random.nextInt(n - 1);
        if (b >= a) {
          b++;
        }
        swap(c, a, b);
        return Math.min(a, b);
      }
      default -> { // a row inserted: later rows renumbered one up, a new row in the gap
        long seq = 1 + random.nextInt(n);
        try (Statement s = c.createStatement()) {
          s.executeUpdate("UPDATE audit_log SET seq = seq + 1000000 WHERE seq >= " + seq);
          s.executeUpdate("UPDATE audit_log SET seq = seq - 999999 WHERE seq >= 1000000");
        }
        String previous = seq == 1 ? AuditLog.GENESIS : read(c, "hash", seq - 1);
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO audit_log(seq, at_micros, actor, action, targets, detail, outcome,"
                    + " prev_hash, hash)"
                    + " VALUES (?, 0, 'mallory', 'search', '[]', '{}', 'ok', ?, ?)")) {
          p.setLong(1, seq);
          p.setString(2, previous); // it even points at the right predecessor
          p.setString(3, "f".repeat(64));
          p.executeUpdate();
        }
        return seq;
      }
    }
  }

  private static String read(Connection c, String column, long seq) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT " + column + " FROM audit_log WHERE seq = ?")) {
      p.setLong(1, seq);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static void update(Connection c, String sql, long seq) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setLong(1, seq);
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
  }

  private static void swap(Connection c, long a, long b) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE audit_log SET seq = -1 WHERE seq = " + a);
      s.executeUpdate("UPDATE audit_log SET seq = " + a + " WHERE seq = " + b);
      s.executeUpdate("UPDATE audit_log SET seq = " + b + " WHERE seq = -1");
    }
  }
}
