package dev.solosuccess.engine.internal.store;

import dev.solosuccess.sdk.InvalidInputException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Creates the tables and checks what the store was built for. */
final class Schema {

  private static final List<String> DDL =
      List.of(
          "CREATE TABLE IF NOT EXISTS solo_info(name VARCHAR(64) PRIMARY KEY,"
              + " val VARCHAR(1024) NOT NULL)",
          "CREATE TABLE IF NOT EXISTS documents(id VARCHAR(128) PRIMARY KEY,"
              + " source VARCHAR(4096) NOT NULL, media_type VARCHAR(128) NOT NULL,"
              + " sha256 CHAR(64) NOT NULL, text CHARACTER LARGE OBJECT NOT NULL,"
              + " characters INT NOT NULL, pages INT NOT NULL, chunks INT NOT NULL,"
              + " seq BIGINT NOT NULL, ingested_at TIMESTAMP WITH TIME ZONE NOT NULL)",
          "CREATE INDEX IF NOT EXISTS documents_source ON documents(source)",
          "CREATE TABLE IF NOT EXISTS document_metadata(document_id VARCHAR(128) NOT NULL,"
              + " name VARCHAR(64) NOT NULL, val VARCHAR(1024) NOT NULL,"
              + " PRIMARY KEY(document_id, name))",
          "CREATE TABLE IF NOT EXISTS chunks(id VARCHAR(160) PRIMARY KEY,"
              + " document_id VARCHAR(128) NOT NULL, idx INT NOT NULL,"
              + " text CHARACTER VARYING NOT NULL, tokens INT NOT NULL, page INT NOT NULL,"
              + " start_offset INT NOT NULL, end_offset INT NOT NULL,"
              + " vector BINARY VARYING(16384) NOT NULL)",
          "CREATE INDEX IF NOT EXISTS chunks_document ON chunks(document_id, idx)",
          // Added after schema 1: the section path of each chunk, headings joined by U+001F.
          "ALTER TABLE chunks ADD COLUMN IF NOT EXISTS section CHARACTER VARYING NOT NULL"
              + " DEFAULT ''",
          "CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256)",
          "CREATE TABLE IF NOT EXISTS changes(seq BIGINT PRIMARY KEY,"
              + " document_id VARCHAR(128) NOT NULL, deleted BOOLEAN NOT NULL,"
              + " at TIMESTAMP WITH TIME ZONE NOT NULL)");

  private Schema() {}

  static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String ddl : DDL) {
        s.execute(ddl);
      }
    }
    MetadataTable.migrate(c);
  }

  /** Records the schema, model and dimension on first open; checks them on every later one. */
  static void checkInfo(Connection c, String modelId, int dimension, Path file)
      throws SQLException {
    Map<String, String> info = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, val FROM solo_info")) {
      while (rs.next()) {
        info.put(rs.getString(1), rs.getString(2));
      }
    }
    if (info.isEmpty()) {
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO solo_info(name, val) VALUES (?, ?)")) {
        for (String[] kv :
            new String[][] {
              {"schema", Integer.toString(MetadataStore.SCHEMA_VERSION)},
              {"embedding.model", modelId},
              {"embedding.dimension", Integer.toString(dimension)}
            }) {
          p.setString(1, kv[0]);
          p.setString(2, kv[1]);
          p.addBatch();
        }
        p.executeBatch();
      }
      return;
    }
    int schema = Integer.parseInt(info.getOrDefault("schema", "0"));
    if (schema > MetadataStore.SCHEMA_VERSION) {
      throw new InvalidInputException(
          "the store " + file + " has schema version " + schema + ", newer than this engine's "
              + MetadataStore.SCHEMA_VERSION + ": use a newer engine");
    }
    String storedModel = info.get("embedding.model");
    String storedDimension = info.get("embedding.dimension");
    if (!modelId.equals(storedModel) || !Integer.toString(dimension).equals(storedDimension)) {
      throw new InvalidInputException(
          "the data folder was built with embedding model " + storedModel + " (" + storedDimension
              + " dimensions), but the engine is configured with " + modelId + " (" + dimension
              + " dimensions): use the same model, or another data folder");
    }
  }
}
