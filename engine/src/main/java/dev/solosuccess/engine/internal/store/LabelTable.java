package dev.solosuccess.engine.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The access labels of documents ({@code document_labels}: one row per document and label). A
 * document without rows is unlabelled. Stateless; every method works within the caller's
 * connection and transaction, so labels change in the same transaction as their document.
 */
final class LabelTable {

  static final String DDL =
      "CREATE TABLE IF NOT EXISTS document_labels(document_id VARCHAR(128) NOT NULL,"
          + " label VARCHAR(128) NOT NULL, PRIMARY KEY(document_id, label))";

  private LabelTable() {}

  static void replace(Connection c, String documentId, Set<String> labels) throws SQLException {
    delete(c, documentId);
    if (labels.isEmpty()) {
      return;
    }
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO document_labels(document_id, label) VALUES (?, ?)")) {
      for (String label : labels) {
        p.setString(1, documentId);
        p.setString(2, label);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  static void delete(Connection c, String documentId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("DELETE FROM document_labels WHERE document_id = ?")) {
      p.setString(1, documentId);
      p.executeUpdate();
    }
  }

  /** Labels of the given documents, or of every labelled one when {@code documentIds} is null. */
  static Map<String, Set<String>> read(Connection c, Collection<String> documentIds)
      throws SQLException {
    String sql =
        "SELECT document_id, label FROM document_labels"
            + (documentIds == null ? "" : " WHERE document_id = ANY(?)");
    Map<String, Set<String>> labels = new HashMap<>();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      if (documentIds != null) {
        p.setArray(1, c.createArrayOf("VARCHAR", documentIds.toArray()));
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          labels.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        }
      }
    }
    return labels;
  }
}
