package dev.solosuccess.engine.internal.store;

import dev.solosuccess.sdk.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of re-embedding a store with another model. New vectors go to a staging table, {@code
 * reindex_vectors}, in as many transactions as convenient; one last transaction copies them into
 * {@code chunks} and records the new model. A crash before that commit leaves the old model's
 * store untouched (the staging table is dropped by the next run); after it, the new one's. Stateless;
 * every method works within the caller's connection.
 */
public final class Reembedding {

  static final String[] CREATE = {
    "DROP TABLE IF EXISTS reindex_vectors",
    "CREATE TABLE reindex_vectors(chunk_id VARCHAR(160) PRIMARY KEY,"
        + " vector BINARY VARYING(16384) NOT NULL)"
  };

  static final String[] DROP = {"DROP TABLE IF EXISTS reindex_vectors"};

  private Reembedding() {}

  /**
   * A chunk's id and stored text.
   *
   * @param id the chunk id
   * @param documentId its document
   * @param text its text, as embedded
   */
  public record ChunkText(String id, String documentId, String text) {}

  static List<ChunkText> chunksAfter(Connection c, String afterId, int limit) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT id, document_id, text FROM chunks WHERE id > ? ORDER BY id"
                + " FETCH FIRST ? ROWS ONLY")) {
      p.setString(1, afterId);
      p.setInt(2, limit);
      List<ChunkText> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new ChunkText(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
      return out;
    }
  }

  static void stage(Connection c, List<String> chunkIds, float[][] vectors) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("MERGE INTO reindex_vectors(chunk_id, vector) KEY(chunk_id) VALUES (?, ?)")) {
      for (int i = 0; i < chunkIds.size(); i++) {
        p.setString(1, chunkIds.get(i));
        p.setBytes(2, Vectors.toBytes(vectors[i]));
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  static void switchVectors(Connection c, Path file) throws SQLException {
    try (Statement s = c.createStatement()) {
      long missing;
      try (ResultSet rs =
          s.executeQuery(
              "SELECT COUNT(*) FROM chunks c WHERE NOT EXISTS"
                  + " (SELECT 1 FROM reindex_vectors r WHERE r.chunk_id = c.id)")) {
        rs.next();
        missing = rs.getLong(1);
      }
      if (missing > 0) {
        throw new StorageException(
            missing + " chunks of " + file + " have no re-embedded vector; the store keeps its"
                + " model",
            file,
            null);
      }
      s.executeUpdate(
          "UPDATE chunks c SET vector ="
              + " (SELECT r.vector FROM reindex_vectors r WHERE r.chunk_id = c.id)");
    }
  }
}
