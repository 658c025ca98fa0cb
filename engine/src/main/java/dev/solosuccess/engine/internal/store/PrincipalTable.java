package dev.solosuccess.engine.internal.store;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.Principal;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Principals and the SHA-256 of their API keys ({@code principals}), with each key's failed
 * attempts for throttling. A key itself is never stored. Security is configured for the data folder
 * once the table has a row. Thread-safe: each call is one statement or transaction.
 */
public final class PrincipalTable {

  static final String DDL =
      "CREATE TABLE IF NOT EXISTS principals(name VARCHAR(64) PRIMARY KEY,"
          + " kind VARCHAR(16) NOT NULL, role VARCHAR(16) NOT NULL,"
          + " labels VARCHAR(8192) NOT NULL, key_id VARCHAR(32) NOT NULL UNIQUE,"
          + " key_hash BINARY(32) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL,"
          + " revoked_at TIMESTAMP WITH TIME ZONE, failures INT DEFAULT 0 NOT NULL,"
          + " locked_until_ms BIGINT DEFAULT 0 NOT NULL)";

  /** A principal with what authentication needs. */
  public record Row(Principal principal, byte[] keyHash, int failures, long lockedUntilMs) {}

  private final JdbcConnectionPool pool;
  private final Path file;

  PrincipalTable(JdbcConnectionPool pool, Path file) {
    this.pool = pool;
    this.file = file;
  }

  /** Whether any principal exists, revoked ones included. */
  public boolean any() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM principals")) {
      rs.next();
      return rs.getLong(1) > 0;
    } catch (SQLException e) {
      throw failure("cannot read the principals", e);
    }
  }

  /**
   * Adds a principal. The first one must be an admin; adding it also records the schema version
   * that knows principals, so an older engine refuses the data folder instead of ignoring them.
   *
   * @param onlyIfEmpty add only while the table is empty (the bootstrap admin)
   * @throws InvalidInputException if the name is taken, or the table is not empty when it must be
   */
  public synchronized void add(Principal p, String keyId, byte[] keyHash, boolean onlyIfEmpty) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean empty;
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM principals")) {
          rs.next();
          empty = rs.getLong(1) == 0;
        }
        if (onlyIfEmpty && !empty) {
          throw new dev.solosuccess.sdk.AccessDeniedException(
              "security is configured for this data folder: only an admin bound to a principal"
                  + " may add users");
        }
        if (empty && p.role() != Role.ADMIN) {
          throw new InvalidInputException(
              "the first principal must be an admin (it is the only one that can add others),"
                  + " got role " + p.role().name().toLowerCase(java.util.Locale.ROOT));
        }
        try (PreparedStatement q =
            c.prepareStatement("SELECT 1 FROM principals WHERE name = ?")) {
          q.setString(1, p.name());
          try (ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
              throw new InvalidInputException("a principal named '" + p.name() + "' exists");
            }
          }
        }
        try (PreparedStatement q =
            c.prepareStatement(
                "INSERT INTO principals(name, kind, role, labels, key_id, key_hash, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
          q.setString(1, p.name());
          q.setString(2, p.kind().name());
          q.setString(3, p.role().name());
          q.setString(4, String.join("\n", p.labels()));
          q.setString(5, keyId);
          q.setBytes(6, keyHash);
          q.setObject(7, OffsetDateTime.ofInstant(p.createdAt(), ZoneOffset.UTC));
          q.executeUpdate();
        }
        if (empty) {
          try (PreparedStatement q =
              c.prepareStatement("MERGE INTO solo_info(name, val) KEY(name) VALUES (?, ?)")) {
            q.setString(1, "schema");
            q.setString(2, Integer.toString(MetadataStore.SCHEMA_VERSION));
            q.executeUpdate();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("cannot add principal " + p.name(), e);
    }
  }

  /** Every principal, by name. */
  public List<Principal> list() {
    List<Principal> out = new ArrayList<>();
    for (Row r : rows("ORDER BY name", null)) {
      out.add(r.principal());
    }
    return out;
  }

  /** The principal holding the key with this id, if any. */
  public Optional<Row> byKeyId(String keyId) {
    List<Row> rows = rows("WHERE key_id = ?", keyId);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public Optional<Row> byName(String name) {
    List<Row> rows = rows("WHERE name = ?", name);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /**
   * Revokes a principal's key.
   *
   * @throws NotFoundException if there is none of that name
   * @throws InvalidInputException if it is the last admin not revoked
   */
  public synchronized void revoke(String name) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<Row> row = byName(name);
        if (row.isEmpty()) {
          throw new NotFoundException("principal", name);
        }
        Principal p = row.get().principal();
        if (p.role() == Role.ADMIN && !p.revoked()) {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM principals WHERE role = 'ADMIN' AND revoked_at IS NULL")) {
            try (ResultSet rs = q.executeQuery()) {
              rs.next();
              if (rs.getLong(1) <= 1) {
                throw new InvalidInputException(
                    "'" + name + "' is the last admin; add another admin before revoking it");
              }
            }
          }
        }
        try (PreparedStatement q =
            c.prepareStatement(
                "UPDATE principals SET revoked_at = COALESCE(revoked_at, ?) WHERE name = ?")) {
          q.setObject(1, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
          q.setString(2, name);
          q.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("cannot revoke principal " + name, e);
    }
  }

  /** Records a failed attempt on a key and the time until which it is locked. */
  public void recordFailure(String name, int failures, long lockedUntilMs) {
    update(
        "UPDATE principals SET failures = ?, locked_until_ms = ? WHERE name = ?",
        name,
        failures,
        lockedUntilMs);
  }

  /** Clears the failed attempts of a key after a success. */
  public void clearFailures(String name) {
    update("UPDATE principals SET failures = ?, locked_until_ms = ? WHERE name = ?", name, 0, 0);
  }

  private void update(String sql, String name, int failures, long lockedUntilMs) {
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      p.setInt(1, failures);
      p.setLong(2, lockedUntilMs);
      p.setString(3, name);
      p.executeUpdate();
    } catch (SQLException e) {
      throw failure("cannot update principal " + name, e);
    }
  }

  private List<Row> rows(String where, String arg) {
    String sql =
        "SELECT name, kind, role, labels, key_hash, created_at, revoked_at, failures,"
            + " locked_until_ms FROM principals "
            + where;
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      if (arg != null) {
        p.setString(1, arg);
      }
      List<Row> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String labels = rs.getString(4);
          Set<String> set =
              labels.isEmpty()
                  ? Set.of()
                  : new LinkedHashSet<>(Arrays.asList(labels.split("\n")));
          Principal principal =
              new Principal(
                  rs.getString(1),
                  PrincipalKind.valueOf(rs.getString(2)),
                  Role.valueOf(rs.getString(3)),
                  set,
                  rs.getObject(6, OffsetDateTime.class).toInstant(),
                  rs.getObject(7) != null);
          out.add(new Row(principal, rs.getBytes(5), rs.getInt(8), rs.getLong(9)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read the principals", e);
    }
  }

  private StorageException failure(String what, SQLException e) {
    return new StorageException(what + " in " + file + ": " + e.getMessage(), file, e);
  }
}
