package dev.solosuccess.engine.internal.store;

import dev.solosuccess.sdk.AuditEntry;
import dev.solosuccess.sdk.AuditHead;
import dev.solosuccess.sdk.AuditVerification;
import dev.solosuccess.sdk.StorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.h2.jdbcx.JdbcConnectionPool;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in the store's H2 file (table {@code audit_log}): append-only, one row per
 * action, each row's hash the SHA-256 of the previous row's hash and the row's own fields. Rows
 * are written in their own transaction as each action ends, before its result goes back to the
 * caller.
 *
 * <p>What the chain proves: a row changed in place, removed from the middle, inserted, or moved
 * breaks it at that row, and {@link #verify} names the first such row. What it cannot prove alone:
 * that nobody rewrote every row from some point with fresh hashes, or dropped rows from the end;
 * a head kept elsewhere ({@link AuditHead}) closes both. Thread-safe.
 */
public final class AuditLog {

  static final String CREATE =
      "CREATE TABLE IF NOT EXISTS audit_log(seq BIGINT PRIMARY KEY, at_micros BIGINT NOT NULL,"
          + " actor VARCHAR(128) NOT NULL, action VARCHAR(64) NOT NULL,"
          + " targets CHARACTER LARGE OBJECT NOT NULL, detail VARCHAR(4096) NOT NULL,"
          + " outcome VARCHAR(32) NOT NULL, prev_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL)";

  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final String COLUMNS =
      "seq, at_micros, actor, action, targets, detail, outcome, prev_hash, hash";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcConnectionPool pool;
  private final Path file;
  private long lastSequence; // guarded by this
  private String lastHash; // guarded by this

  AuditLog(JdbcConnectionPool pool, Path file) {
    this.pool = pool;
    this.file = file;
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(CREATE);
      try (ResultSet rs =
          s.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
        if (rs.next()) {
          lastSequence = rs.getLong(1);
          lastHash = rs.getString(2);
        } else {
          lastSequence = 0;
          lastHash = GENESIS;
        }
      }
    } catch (SQLException e) {
      throw failure("cannot open the audit trail", e);
    }
  }

  /**
   * Appends an entry and returns it once it is committed.
   *
   * @throws StorageException if it cannot be written (the caller's action then fails too: an
   *     action that cannot be audited does not happen silently)
   */
  public synchronized AuditEntry append(
      String actor, String action, List<String> targets, String detail, String outcome) {
    long sequence = lastSequence + 1;
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
    String targetsJson = JSON.writeValueAsString(targets);
    String hash = hash(lastHash, sequence, micros, actor, action, targetsJson, detail, outcome);
    try (Connection c = pool.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO audit_log(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setLong(1, sequence);
      p.setLong(2, micros);
      p.setString(3, actor);
      p.setString(4, action);
      p.setString(5, targetsJson);
      p.setString(6, detail);
      p.setString(7, outcome);
      p.setString(8, lastHash);
      p.setString(9, hash);
      p.executeUpdate();
    } catch (SQLException e) {
      throw failure("cannot write to the audit trail", e);
    }
    lastSequence = sequence;
    lastHash = hash;
    return new AuditEntry(sequence, at, actor, action, targets, detail, outcome, hash);
  }

  /** The last entry's sequence number and hash. */
  public synchronized AuditHead head() {
    return new AuditHead(lastSequence, lastHash);
  }

  /** Checks the whole trail (see {@link #verify(Connection, AuditHead)}). */
  public AuditVerification verify(AuditHead expected) {
    try (Connection c = pool.getConnection()) {
      return verify(c, expected);
    } catch (SQLException e) {
      throw failure("cannot read the audit trail", e);
    }
  }

  /**
   * Checks every row of the trail as {@code c} sees it, in sequence order: numbers from 1 without
   * gaps, each row pointing at the previous row's hash, and each hash matching its row. With
   * {@code expected}, the row at its sequence must still carry its hash.
   *
   * @param expected a head kept earlier, or null
   */
  public static AuditVerification verify(Connection c, AuditHead expected) throws SQLException {
    long count = 0;
    long wanted = 1;
    String previous = GENESIS;
    String atExpected = null;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")) {
      while (rs.next()) {
        long seq = rs.getLong(1);
        String prevHash = rs.getString(8);
        String hash = rs.getString(9);
        AuditHead head = new AuditHead(count, previous);
        if (seq != wanted) {
          return broken(count, wanted, "entry " + wanted + " is missing (deleted, or the trail"
              + " was renumbered); the next entry is " + seq, head);
        }
        if (!previous.equals(prevHash)) {
          return broken(count, seq, "entry " + seq + " does not follow entry " + (seq - 1)
              + ": its previous hash is not that entry's hash (inserted or moved)", head);
        }
        String computed =
            hash(prevHash, seq, rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7));
        if (!computed.equals(hash)) {
          return broken(count, seq,
              "entry " + seq + " was modified: its fields do not give its hash", head);
        }
        if (expected != null && seq == expected.sequence()) {
          atExpected = hash;
        }
        previous = hash;
        count++;
        wanted++;
      }
    }
    AuditHead head = new AuditHead(count, previous);
    if (expected != null && expected.sequence() > 0) {
      if (atExpected == null) {
        return broken(count, count + 1, "the trail ends at entry " + count + ", but the kept head"
            + " is entry " + expected.sequence() + ": entries were removed from its end", head);
      }
      if (!atExpected.equals(expected.hash())) {
        return broken(count, expected.sequence(), "entry " + expected.sequence()
            + " differs from the kept head: the trail up to it was rewritten", head);
      }
    }
    return new AuditVerification(true, count, OptionalLong.empty(), "", head);
  }

  private static AuditVerification broken(long checked, long bad, String problem, AuditHead head) {
    return new AuditVerification(false, checked, OptionalLong.of(bad), problem, head);
  }

  /** Entries after {@code afterSequence}, in order, at most {@code limit}. */
  public List<AuditEntry> after(long afterSequence, int limit) {
    return query("WHERE seq > ? ORDER BY seq LIMIT ?", afterSequence, limit);
  }

  /** Entries at or after {@code since}, in order, at most {@code limit}. */
  public List<AuditEntry> since(Instant since, int limit) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, since);
    return query("WHERE at_micros >= ? ORDER BY seq LIMIT ?", micros, limit);
  }

  private List<AuditEntry> query(String where, long value, int limit) {
    try (Connection c = pool.getConnection();
        PreparedStatement p =
            c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log " + where)) {
      p.setLong(1, value);
      p.setInt(2, limit);
      List<AuditEntry> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(
              new AuditEntry(
                  rs.getLong(1),
                  Instant.EPOCH.plus(rs.getLong(2), ChronoUnit.MICROS),
                  rs.getString(3),
                  rs.getString(4),
                  targets(rs.getString(5)),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(9)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read the audit trail", e);
    }
  }

  private static List<String> targets(String json) {
    try {
      return List.of(JSON.readValue(json, String[].class));
    } catch (JacksonException e) {
      return List.of(); // a tampered row: verify() names it; listing goes on
    }
  }

  /**
   * SHA-256 (hex) over the previous hash and the fields, each written as its length, a colon and
   * its UTF-8 text, so that no two different rows give the same input.
   */
  static String hash(
      String previous,
      long sequence,
      long atMicros,
      String actor,
      String action,
      String targets,
      String detail,
      String outcome) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    for (String field :
        new String[] {
          previous, Long.toString(sequence), Long.toString(atMicros), actor, action, targets,
          detail, outcome
        }) {
      String f = field == null ? "\u0000null" : field;
      byte[] bytes = f.getBytes(StandardCharsets.UTF_8);
      sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private StorageException failure(String what, SQLException e) {
    return new StorageException(what + " in " + file + ": " + e.getMessage(), file, e);
  }
}
