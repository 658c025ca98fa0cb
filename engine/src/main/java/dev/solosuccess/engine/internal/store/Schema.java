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
import java.util.Optional;
import java.util.TreeMap;

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
              + " at TIMESTAMP WITH TIME ZONE NOT NULL)",
          // Vectors of earlier model runs: the first 16 bytes of the model's key, the SHA-256 of
          // the exact model input, the vector as little-endian floats, and a use counter for LRU.
          "CREATE TABLE IF NOT EXISTS embedding_cache(model BINARY(16) NOT NULL,"
              + " input BINARY(32) NOT NULL, vector BINARY VARYING(16384) NOT NULL,"
              + " truncated BOOLEAN NOT NULL, used BIGINT NOT NULL, PRIMARY KEY(model, input))",
          "CREATE INDEX IF NOT EXISTS embedding_cache_used ON embedding_cache(used)",
          // Added in schema 2: access labels of documents, and principals with key hashes.
          LabelTable.DDL,
          PrincipalTable.DDL,
          // Replies of the LLM fallback's chat model: the SHA-256 of the request body (model and
          // prompt), and the documents whose text was in the prompt, so that deleting one drops
          // them.
          "CREATE TABLE IF NOT EXISTS chat_cache(cache_key BINARY(32) PRIMARY KEY,"
              + " model VARCHAR(256) NOT NULL, reply CHARACTER LARGE OBJECT NOT NULL,"
              + " reply_model VARCHAR(256) NOT NULL, prompt_tokens INT NOT NULL,"
              + " completion_tokens INT NOT NULL, created TIMESTAMP WITH TIME ZONE NOT NULL)",
          "CREATE TABLE IF NOT EXISTS chat_cache_documents(cache_key BINARY(32) NOT NULL,"
              + " document_id VARCHAR(128) NOT NULL, PRIMARY KEY(cache_key, document_id))",
          "CREATE INDEX IF NOT EXISTS chat_cache_documents_document ON"
              + " chat_cache_documents(document_id)");

  private Schema() {}

  static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String ddl : DDL) {
        s.execute(ddl);
      }
    }
    MetadataTable.migrate(c);
  }

  /** The info rows of a user model, besides the id and dimension every store records. */
  static final String MODEL = "embedding.model";

  static final String DIMENSION = "embedding.dimension";
  static final String KEY = "embedding.key";
  static final String FOLDER = "embedding.folder";
  static final String SHA256_PREFIX = "embedding.sha256.";

  static Map<String, String> readInfo(Connection c) throws SQLException {
    Map<String, String> info = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, val FROM solo_info")) {
      while (rs.next()) {
        info.put(rs.getString(1), rs.getString(2));
      }
    }
    return info;
  }

  /** The model the info rows record; empty for a new store. */
  static Optional<ModelRecord> model(Map<String, String> info) {
    String id = info.get(MODEL);
    if (id == null) {
      return Optional.empty();
    }
    Map<String, String> sha256 = new TreeMap<>();
    info.forEach(
        (name, val) -> {
          if (name.startsWith(SHA256_PREFIX)) {
            sha256.put(name.substring(SHA256_PREFIX.length()), val);
          }
        });
    return Optional.of(
        new ModelRecord(
            id,
            Integer.parseInt(info.getOrDefault(DIMENSION, "0")),
            info.getOrDefault(KEY, ""),
            info.getOrDefault(FOLDER, ""),
            sha256));
  }

  /**
   * Records the schema and model on first open; checks them on every later one. A user model that
   * moved to another folder is recorded at its new place.
   */
  static void checkInfo(Connection c, ModelRecord model, Path file, boolean record)
      throws SQLException {
    Map<String, String> info = readInfo(c);
    if (info.isEmpty()) {
      if (!record) {
        return;
      }
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO solo_info(name, val) VALUES (?, ?)")) {
        p.setString(1, "schema");
        p.setString(2, Integer.toString(MetadataStore.SCHEMA_VERSION));
        p.executeUpdate();
      }
      writeModel(c, model);
      return;
    }
    int schema = Integer.parseInt(info.getOrDefault("schema", "0"));
    if (schema > MetadataStore.SCHEMA_VERSION) {
      throw new InvalidInputException(
          "the store " + file + " has schema version " + schema + ", newer than this engine's "
              + MetadataStore.SCHEMA_VERSION + ": use a newer engine");
    }
    ModelRecord stored = model(info).orElseThrow();
    if (!model.id().equals(stored.id()) || model.dimension() != stored.dimension()) {
      throw new InvalidInputException(
          "the data folder was built with embedding model " + stored.id() + " ("
              + stored.dimension() + " dimensions), but the engine is configured with "
              + model.id() + " (" + model.dimension() + " dimensions): use the same model,"
              + " another data folder, or re-embed this one with the new model ('solo reindex"
              + " --model " + model.id() + "', SoloEngine.reindex)");
    }
    if (!model.key().equals(stored.key())) {
      String what =
          model.sha256().equals(stored.sha256())
              ? "its files are the same but its descriptor's settings (input limit, pooling or"
                  + " prefixes) are not"
              : "its files are not the same";
      throw new InvalidInputException(
          "the data folder was built with " + stored.describe() + ", but the model "
              + model.id() + (model.folder().isEmpty() ? "" : " in " + model.folder())
              + " is now " + model.describe() + ": " + what + ". Restore the files it was built"
              + " with, or re-embed the data folder with the changed model ('solo reindex --model "
              + (model.folder().isEmpty() ? model.id() : model.folder()) + "')");
    }
    if (record && !model.folder().equals(stored.folder())) {
      setInfo(c, FOLDER, model.folder());
    }
  }

  /** Replaces the recorded model, within the caller's transaction. */
  static void writeModel(Connection c, ModelRecord model) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("DELETE FROM solo_info WHERE name LIKE 'embedding.%'")) {
      p.executeUpdate();
    }
    setInfo(c, MODEL, model.id());
    setInfo(c, DIMENSION, Integer.toString(model.dimension()));
    if (model.isFolder()) {
      setInfo(c, KEY, model.key());
      setInfo(c, FOLDER, model.folder());
      for (Map.Entry<String, String> e : model.sha256().entrySet()) {
        setInfo(c, SHA256_PREFIX + e.getKey(), e.getValue());
      }
    }
  }

  private static void setInfo(Connection c, String name, String val) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("MERGE INTO solo_info(name, val) KEY(name) VALUES (?, ?)")) {
      p.setString(1, name);
      p.setString(2, val);
      p.executeUpdate();
    }
  }
}
