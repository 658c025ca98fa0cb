package dev.solosuccess.engine.internal.store;

import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.MetadataValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The typed metadata rows of documents: the caller's in {@code document_metadata}, the parser's in
 * {@code document_extracted}. Each row holds a key, a type ({@code string}, {@code number} or
 * {@code date}) and the value's canonical string, which reads back to an equal value.
 *
 * <p>{@code document_metadata} predates types: {@link #migrate(Connection)} adds its {@code type}
 * column to a store made by an older engine, and its rows read as text. Stateless; every method
 * works within the caller's connection and transaction.
 */
final class MetadataTable {

  /** Whose metadata a row holds. */
  enum Origin {
    USER("document_metadata"),
    EXTRACTED("document_extracted");

    final String table;

    Origin(String table) {
      this.table = table;
    }
  }

  private static final List<String> DDL =
      List.of(
          "ALTER TABLE document_metadata ADD COLUMN IF NOT EXISTS type VARCHAR(8)"
              + " DEFAULT 'string' NOT NULL",
          "CREATE TABLE IF NOT EXISTS document_extracted(document_id VARCHAR(128) NOT NULL,"
              + " name VARCHAR(64) NOT NULL, type VARCHAR(8) NOT NULL, val VARCHAR(1024) NOT NULL,"
              + " PRIMARY KEY(document_id, name))");

  private MetadataTable() {}

  /** Creates what is missing; idempotent, and runs after {@code document_metadata} exists. */
  static void migrate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String ddl : DDL) {
        s.execute(ddl);
      }
    }
  }

  static void insert(Connection c, Origin origin, String documentId, Metadata metadata)
      throws SQLException {
    if (metadata.isEmpty()) {
      return;
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO " + origin.table + "(document_id, name, type, val) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, MetadataValue> e : metadata.entries().entrySet()) {
        p.setString(1, documentId);
        p.setString(2, e.getKey());
        p.setString(3, e.getValue().type());
        p.setString(4, e.getValue().asString());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  static void delete(Connection c, Origin origin, String documentId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("DELETE FROM " + origin.table + " WHERE document_id = ?")) {
      p.setString(1, documentId);
      p.executeUpdate();
    }
  }

  /** Metadata of the given documents, or of all when {@code documentIds} is null. */
  static Map<String, Metadata> read(Connection c, Origin origin, Collection<String> documentIds)
      throws SQLException {
    String sql = "SELECT document_id, name, type, val FROM " + origin.table;
    if (documentIds != null) {
      sql += " WHERE document_id = ANY(?)";
    }
    Map<String, Map<String, MetadataValue>> raw = new HashMap<>();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      if (documentIds != null) {
        p.setArray(1, c.createArrayOf("VARCHAR", documentIds.toArray()));
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          raw.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
              .put(rs.getString(2), value(rs.getString(3), rs.getString(4)));
        }
      }
    }
    Map<String, Metadata> result = new HashMap<>();
    raw.forEach((id, m) -> result.put(id, new Metadata(m)));
    return result;
  }

  private static MetadataValue value(String type, String val) {
    return switch (type) {
      case "number" -> MetadataValue.number(Double.parseDouble(val));
      case "date" -> MetadataValue.date(Instant.parse(val));
      default -> MetadataValue.text(val);
    };
  }
}
