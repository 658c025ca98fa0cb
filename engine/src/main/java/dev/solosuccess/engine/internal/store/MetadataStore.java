package dev.solosuccess.engine.internal.store;

import dev.solosuccess.index.internal.faults.KillPoints;
import dev.solosuccess.engine.internal.model.VectorCache;
import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.Provenance;
import dev.solosuccess.sdk.StorageException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The system of record: documents, their text, chunks, vectors and metadata, and the change log, in
 * one embedded H2 database file ({@code <data>/meta.mv.db}).
 *
 * <p>Every write is one transaction that also appends a {@link Change} with the next sequence
 * number; a write method returns only after its commit is on disk. H2's default write delay (500
 * ms) acknowledges commits that a kill then loses, so the store opens with {@code WRITE_DELAY=0}.
 * The trace file is off: it is never encrypted, and would hold document text.
 *
 * <p>Thread-safe: reads run concurrently on pooled connections; writes are serialized, so sequence
 * numbers commit in order.
 */
public final class MetadataStore implements AutoCloseable {

  /** Version of the schema below; a newer one on disk is refused. */
  public static final int SCHEMA_VERSION = 2;

  static final String URL_SETTINGS = ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE";

  private static final System.Logger LOG = System.getLogger(MetadataStore.class.getName());
  private static final int H2_DATABASE_IN_USE = 90020;
  private static final int H2_DATABASE_CLOSED = 90098;
  private static final int H2_FILE_CORRUPTED = 90030;
  private static final int H2_WRONG_FILE_PASSWORD = 90049;

  private final Path file;
  private final JdbcConnectionPool pool;
  private AuditLog auditLog; // guarded by this
  private PrincipalTable principals; // guarded by this
  private volatile boolean compactOnClose;
  private final Object writeMonitor = new Object();
  private long lastSequence; // guarded by writeMonitor

  private MetadataStore(Path file, JdbcConnectionPool pool, long lastSequence) {
    this.file = file;
    this.pool = pool;
    this.lastSequence = lastSequence;
  }

  /**
   * Opens or creates the store in {@code dataDir}.
   *
   * @param modelId the embedding model of the engine: a store built with another is refused
   * @param dimension its vector dimension
   * @throws InvalidInputException if the store was built with another model or a newer schema
   * @throws StorageException if the file cannot be opened, or another process has it open
   */
  public static MetadataStore open(Path dataDir, String modelId, int dimension) {
    MetadataStore store = open(dataDir);
    try {
      store.checkModel(modelId, dimension);
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Opens or creates the store in {@code dataDir} without checking its model: the caller reads
   * {@link #storedModel()} and then calls {@link #checkModel}, in that order, before using it.
   *
   * @throws StorageException if the file cannot be opened, or another process has it open
   */
  public static MetadataStore open(Path dataDir) {
    if (dev.solosuccess.engine.internal.crypto.KeyRing.present(dataDir)) {
      throw new InvalidInputException(
          "the data folder " + dataDir + " is encrypted: open it with its master key");
    }
    return open(dataDir, null);
  }

  /**
   * Opens or creates the store, encrypted (H2's AES file encryption) when {@code filePassword} is
   * given: the hex digits of a random 256-bit data key, never a human password.
   *
   * @throws StorageException if the file cannot be opened (a wrong key is named as such)
   */
  public static MetadataStore open(Path dataDir, String filePassword) {
    try {
      return openOnce(dataDir, filePassword);
    } catch (StorageException e) {
      if (!(e.getCause() instanceof SQLException sql)
          || sql.getErrorCode() != H2_DATABASE_CLOSED) {
        throw e;
      }
      // A store whose file failed a write (a full disk) can stay registered, closed, in this
      // JVM's H2 engine; the first open after it meets that database and H2 then drops it, so
      // the second opens the file (FaultInjectionTest reopens after every injected failure).
      LOG.log(System.Logger.Level.INFO, "reopening the store " + dataDir.resolve("meta.mv.db")
          + " after an earlier failure of its file in this process");
      return openOnce(dataDir, filePassword);
    }
  }

  private static MetadataStore openOnce(Path dataDir, String filePassword) {
    Path file = dataDir.resolve("meta.mv.db");
    String url =
        StoreFileSystem.urlPrefix(dataDir) + dataDir.resolve("meta").toAbsolutePath() + URL_SETTINGS
            + (filePassword == null ? "" : ";CIPHER=AES");
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(url, "solo", filePassword == null ? "" : filePassword + " ");
    pool.setMaxConnections(32);
    try (Connection c = pool.getConnection()) {
      Schema.create(c);
      long last;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM changes")) {
        rs.next();
        last = rs.getLong(1);
      }
      return new MetadataStore(file, pool, last);
    } catch (SQLException e) {
      pool.dispose();
      throw switch (e.getErrorCode()) {
        case H2_DATABASE_IN_USE ->
            new StorageException(
                "the data folder " + dataDir + " is in use by another process", file, e);
        case H2_FILE_CORRUPTED ->
            new StorageException("the store " + file + " is corrupted: " + e.getMessage(), file, e);
        case H2_WRONG_FILE_PASSWORD ->
            new StorageException(
                "the store " + file + " does not open with this folder's store key: the key file"
                    + " and the store do not belong together",
                file,
                e);
        default -> new StorageException("cannot open the store " + file + ": " + e, file, e);
      };
    } catch (RuntimeException e) {
      pool.dispose();
      throw e;
    }
  }

  /**
   * Whether the encrypted store in {@code dataDir} opens with {@code filePassword}: false when H2
   * says the password is wrong.
   *
   * @throws StorageException for any other failure
   */
  public static boolean opensWith(Path dataDir, String filePassword) {
    String url =
        StoreFileSystem.urlPrefix(dataDir) + dataDir.resolve("meta").toAbsolutePath() + URL_SETTINGS
            + ";CIPHER=AES;IFEXISTS=TRUE";
    try (Connection c = java.sql.DriverManager.getConnection(url, "solo", filePassword + " ")) {
      return c.isValid(1);
    } catch (SQLException e) {
      if (e.getErrorCode() == H2_WRONG_FILE_PASSWORD) {
        return false;
      }
      Path file = dataDir.resolve("meta.mv.db");
      throw new StorageException("cannot open the store " + file + ": " + e, file, e);
    }
  }

  /**
   * Writes a transactionally consistent copy of the store to {@code zip} while it stays in use
   * (H2's {@code BACKUP}); an encrypted store's pages stay encrypted in the copy.
   */
  public void backup(Path zip) {
    String target = zip.toAbsolutePath().toString().replace("'", "''");
    execute("cannot back up the store to " + zip, "BACKUP TO '" + target + "'");
  }

  /** The id of the embedding model the store was built with; empty for a new store. */
  public Optional<String> storedModel() {
    return storedModelRecord().map(ModelRecord::id);
  }

  /** The embedding model the store was built with; empty for a new store. */
  public Optional<ModelRecord> storedModelRecord() {
    try (Connection c = pool.getConnection()) {
      return Schema.model(Schema.readInfo(c));
    } catch (SQLException e) {
      throw failure("cannot read the store's model", e);
    }
  }

  /**
   * Records the schema, model and dimension in a new store; checks them in an existing one.
   *
   * @throws InvalidInputException if the store was built with another model or a newer schema
   */
  public void checkModel(String modelId, int dimension) {
    checkModel(ModelRecord.builtIn(modelId, dimension));
  }

  /**
   * Records the schema and model in a new store; checks them in an existing one: the same id and
   * dimension, and for a user model the same files and settings.
   *
   * @throws InvalidInputException if the store was built with another model or a newer schema
   */
  public void checkModel(ModelRecord model) {
    checkModel(model, true);
  }

  /**
   * Checks that the store may be used with the model, as {@link #checkModel(ModelRecord)} does,
   * without recording anything: a new store passes.
   *
   * @throws InvalidInputException if the store was built with another model or a newer schema
   */
  public void precheckModel(ModelRecord model) {
    checkModel(model, false);
  }

  private void checkModel(ModelRecord model, boolean record) {
    synchronized (writeMonitor) {
      try (Connection c = pool.getConnection()) {
        Schema.checkInfo(c, model, file, record);
      } catch (SQLException e) {
        throw failure("cannot read the store's model", e);
      }
    }
  }

  /**
   * The embedding cache in this store, bounded to {@code maxEntries} entries.
   *
   * @param maxEntries at least 1
   */
  public VectorCache vectorCache(long maxEntries) {
    try {
      return new H2VectorCache(pool, file, maxEntries);
    } catch (SQLException e) {
      throw failure("cannot open the embedding cache", e);
    }
  }

  /** The LLM fallback's reply cache in this store, bounded to {@code maxEntries} replies. */
  public dev.solosuccess.engine.internal.llm.ChatCache chatCache(long maxEntries) {
    return new H2ChatCache(pool, file, maxEntries);
  }

  /** The audit trail in this store, created on first use; one instance per store. */
  public synchronized AuditLog auditLog() {
    if (auditLog == null) {
      auditLog = new AuditLog(pool, file);
    }
    return auditLog;
  }

  /** Entries in the embedding cache, of every model. */
  public long vectorCacheEntries() {
    return queryLong("SELECT COUNT(*) FROM embedding_cache");
  }

  // ---- re-embedding with another model (solo reindex)

  /**
   * Starts a re-embedding: an empty staging table for the new vectors. Anything a crashed
   * re-embedding left there is dropped.
   */
  public void startStaging() {
    execute("cannot create the re-embedding table", Reembedding.CREATE);
  }

  /** Drops the staging table, if there is one. */
  public void dropStaging() {
    execute("cannot drop the re-embedding table", Reembedding.DROP);
  }

  /** Up to {@code limit} chunks with an id after {@code afterId} (empty: from the start), by id. */
  public List<Reembedding.ChunkText> chunkTextsAfter(String afterId, int limit) {
    try (Connection c = pool.getConnection()) {
      return Reembedding.chunksAfter(c, afterId, limit);
    } catch (SQLException e) {
      throw failure("cannot read chunk texts", e);
    }
  }

  /** Stores new vectors of chunks in the staging table, in one transaction. */
  public void stage(List<String> chunkIds, float[][] vectors) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        Reembedding.stage(c, chunkIds, vectors);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollback(c, e);
        throw e;
      }
    } catch (SQLException e) {
      throw failure("cannot store re-embedded vectors", e);
    }
  }

  /**
   * Switches the store to the new model in one transaction: every chunk takes its staged vector
   * and the model record is replaced. Before the commit the store is entirely the old model's; after
   * it, entirely the new one's.
   *
   * @throws StorageException if a chunk has no staged vector (nothing is changed then)
   */
  public void switchModel(ModelRecord model) {
    synchronized (writeMonitor) {
      try (Connection c = pool.getConnection()) {
        c.setAutoCommit(false);
        try {
          Reembedding.switchVectors(c, file);
          Schema.writeModel(c, model);
          c.commit();
        } catch (SQLException | RuntimeException e) {
          rollback(c, e);
          throw e;
        }
      } catch (SQLException e) {
        throw failure("cannot switch the store to model " + model.id(), e);
      }
    }
  }

  /** Chunks stored, of all documents. */
  public long chunkCount() {
    return queryLong("SELECT COUNT(*) FROM chunks");
  }

  private void execute(String what, String... sql) {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** The sequence number of the last committed change; 0 for an empty store. */
  public long lastSequence() {
    synchronized (writeMonitor) {
      return lastSequence;
    }
  }

  /** Stores a new version of a document, replacing any under the same id; returns its sequence. */
  public long upsert(NewDocument doc) {
    return write(
        "cannot store document " + doc.id(),
        (c, seq, now) -> {
          deleteParts(c, doc.id());
          try (PreparedStatement p =
              c.prepareStatement(
                  "MERGE INTO documents(id, source, media_type, sha256, text, characters, pages,"
                      + " chunks, seq, ingested_at) KEY(id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, doc.id());
            p.setString(2, doc.source());
            p.setString(3, doc.mediaType());
            p.setString(4, doc.sha256());
            p.setString(5, doc.text());
            p.setInt(6, doc.text().length());
            p.setInt(7, doc.pages());
            p.setInt(8, doc.chunks().size());
            p.setLong(9, seq);
            p.setObject(10, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            p.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO chunks(id, document_id, idx, text, tokens, page, start_offset,"
                      + " end_offset, vector, section) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < doc.chunks().size(); i++) {
              NewChunk chunk = doc.chunks().get(i);
              p.setString(1, chunkId(doc.id(), i));
              p.setString(2, doc.id());
              p.setInt(3, i);
              p.setString(4, chunk.text());
              p.setInt(5, chunk.tokens());
              p.setInt(6, chunk.provenance().page());
              p.setInt(7, chunk.provenance().startOffset());
              p.setInt(8, chunk.provenance().endOffset());
              p.setBytes(9, Vectors.toBytes(chunk.vector()));
              p.setString(10, Sections.join(chunk.provenance().section()));
              p.addBatch();
            }
            p.executeBatch();
          }
          insertMetadata(c, doc.id(), doc.metadata());
          MetadataTable.insert(c, MetadataTable.Origin.EXTRACTED, doc.id(), doc.extracted());
          LabelTable.replace(c, doc.id(), doc.labels());
          logChange(c, seq, doc.id(), false, now);
        });
  }

  /**
   * Replaces a document's metadata, keeping its chunks and extracted metadata; returns the change's
   * sequence.
   */
  public long replaceMetadata(String documentId, Metadata metadata) {
    return replaceMetadata(documentId, metadata, null);
  }

  /**
   * Replaces a document's metadata and, unless {@code labels} is null, its access labels, keeping
   * its chunks and extracted metadata; returns the change's sequence.
   */
  public long replaceMetadata(
      String documentId, Metadata metadata, java.util.Set<String> labels) {
    return write(
        "cannot update the metadata of document " + documentId,
        (c, seq, now) -> {
          try (PreparedStatement p =
              c.prepareStatement("UPDATE documents SET seq = ?, ingested_at = ? WHERE id = ?")) {
            p.setLong(1, seq);
            p.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            p.setString(3, documentId);
            if (p.executeUpdate() == 0) {
              throw new NotFoundException("document", documentId);
            }
          }
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM document_metadata WHERE document_id = ?")) {
            p.setString(1, documentId);
            p.executeUpdate();
          }
          insertMetadata(c, documentId, metadata);
          if (labels != null) {
            LabelTable.replace(c, documentId, labels);
          }
          logChange(c, seq, documentId, false, now);
        });
  }

  /**
   * Deletes a document and logs a tombstone; returns its sequence.
   *
   * @throws NotFoundException if there is no such document
   */
  public long delete(String documentId) {
    return write(
        "cannot delete document " + documentId,
        (c, seq, now) -> {
          deleteParts(c, documentId);
          try (PreparedStatement p = c.prepareStatement("DELETE FROM documents WHERE id = ?")) {
            p.setString(1, documentId);
            if (p.executeUpdate() == 0) {
              throw new NotFoundException("document", documentId);
            }
          }
          logChange(c, seq, documentId, true, now);
        });
  }

  /** The body of a write transaction, given its sequence number and time. */
  @FunctionalInterface
  private interface WriteBody {
    void run(Connection c, long sequence, Instant now) throws SQLException;
  }

  /**
   * Runs one write transaction with the next sequence number; the sequence advances only when the
   * commit succeeded, and writes are serialized so that sequences commit in order.
   */
  private long write(String what, WriteBody body) {
    synchronized (writeMonitor) {
      long seq = lastSequence + 1;
      try (Connection c = pool.getConnection()) {
        c.setAutoCommit(false);
        try {
          body.run(c, seq, Instant.now());
          KillPoints.reach("h2.before-commit");
          c.commit();
        } catch (SQLException | RuntimeException e) {
          rollback(c, e);
          throw e;
        }
      } catch (SQLException e) {
        throw failure(what, e);
      }
      KillPoints.reach("h2.after-commit");
      lastSequence = seq;
      return seq;
    }
  }

  private static void deleteParts(Connection c, String documentId) throws SQLException {
    for (String sql :
        List.of(
            "DELETE FROM chunks WHERE document_id = ?",
            "DELETE FROM document_metadata WHERE document_id = ?",
            "DELETE FROM document_extracted WHERE document_id = ?",
            "DELETE FROM document_labels WHERE document_id = ?",
            // Chat replies made from the document's text go with it (a reply may quote it).
            "DELETE FROM chat_cache WHERE cache_key IN"
                + " (SELECT cache_key FROM chat_cache_documents WHERE document_id = ?)",
            "DELETE FROM chat_cache_documents WHERE document_id = ?")) {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, documentId);
        p.executeUpdate();
      }
    }
  }

  private static void insertMetadata(Connection c, String documentId, Metadata metadata)
      throws SQLException {
    MetadataTable.insert(c, MetadataTable.Origin.USER, documentId, metadata);
  }

  private static void logChange(
      Connection c, long seq, String documentId, boolean deleted, Instant at) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO changes(seq, document_id, deleted, at) VALUES (?, ?, ?, ?)")) {
      p.setLong(1, seq);
      p.setString(2, documentId);
      p.setBoolean(3, deleted);
      p.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      p.executeUpdate();
    }
  }

  private static void rollback(Connection c, Exception primary) {
    try {
      c.rollback();
    } catch (SQLException e) {
      primary.addSuppressed(e);
    }
  }

  /** The chunk id of a document's chunk {@code index}. */
  public static String chunkId(String documentId, int index) {
    return documentId + "#" + index;
  }

  // ---- reads

  public Optional<Document> document(String id) {
    List<Document> docs = queryDocuments("WHERE id = ?", id);
    return docs.isEmpty() ? Optional.empty() : Optional.of(docs.get(0));
  }

  /** Every document, ordered by source. */
  public List<Document> documents() {
    return queryDocuments("ORDER BY source, id", null);
  }

  /** Documents whose content has this SHA-256, ordered by id. */
  public List<Document> documentsWithContent(String sha256) {
    return queryDocuments("WHERE sha256 = ? ORDER BY id", sha256);
  }

  /** The extracted text of a document, if there is one. */
  public Optional<String> text(String documentId) {
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT text FROM documents WHERE id = ?")) {
      p.setString(1, documentId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("cannot read the text of document " + documentId, e);
    }
  }

  /** The access labels of a document; empty if it has none or does not exist. */
  public java.util.Set<String> labels(String documentId) {
    return labelsOf(List.of(documentId)).getOrDefault(documentId, java.util.Set.of());
  }

  /**
   * The access labels of the given documents, or of every labelled document when {@code
   * documentIds} is null; unlabelled documents are absent.
   */
  public Map<String, java.util.Set<String>> labelsOf(Collection<String> documentIds) {
    try (Connection c = pool.getConnection()) {
      return LabelTable.read(c, documentIds);
    } catch (SQLException e) {
      throw failure("cannot read access labels", e);
    }
  }

  /** The principals of this store, with their key hashes; one instance per store. */
  public synchronized PrincipalTable principals() {
    if (principals == null) {
      principals = new PrincipalTable(pool, file);
    }
    return principals;
  }

  public long documentCount() {
    return queryLong("SELECT COUNT(*) FROM documents");
  }


  private long queryLong(String sql) {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw failure("cannot read the store", e);
    }
  }

  private List<Document> queryDocuments(String where, String arg) {
    String sql =
        "SELECT id, source, media_type, sha256, characters, pages, chunks, seq, ingested_at"
            + " FROM documents "
            + where;
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      if (arg != null) {
        p.setString(1, arg);
      }
      List<Document> docs = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          docs.add(
              new Document(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  Metadata.empty(),
                  Metadata.empty(),
                  rs.getInt(5),
                  rs.getInt(6),
                  rs.getInt(7),
                  rs.getLong(8),
                  rs.getObject(9, OffsetDateTime.class).toInstant()));
        }
      }
      if (docs.isEmpty()) {
        return docs;
      }
      Map<String, Metadata> metadata = metadataOf(c, arg != null ? List.of(arg) : null);
      Map<String, Metadata> extracted =
          MetadataTable.read(
              c, MetadataTable.Origin.EXTRACTED, arg != null ? List.of(arg) : null);
      List<Document> withMetadata = new ArrayList<>(docs.size());
      for (Document d : docs) {
        withMetadata.add(
            new Document(
                d.id(),
                d.source(),
                d.mediaType(),
                d.sha256(),
                metadata.getOrDefault(d.id(), Metadata.empty()),
                extracted.getOrDefault(d.id(), Metadata.empty()),
                d.characters(),
                d.pages(),
                d.chunks(),
                d.sequence(),
                d.ingestedAt()));
      }
      return withMetadata;
    } catch (SQLException e) {
      throw failure("cannot read documents", e);
    }
  }

  /** Metadata of the given documents, or of all when {@code documentIds} is null. */
  private static Map<String, Metadata> metadataOf(Connection c, Collection<String> documentIds)
      throws SQLException {
    return MetadataTable.read(c, MetadataTable.Origin.USER, documentIds);
  }


  /** A document's chunks in order; empty if it has none or does not exist. */
  public List<Chunk> chunks(String documentId) {
    return storedChunks(documentId, false).stream().map(StoredChunk::chunk).toList();
  }

  /** A document's chunks with their vectors, in order. */
  public List<StoredChunk> chunksWithVectors(String documentId) {
    return storedChunks(documentId, true);
  }

  private List<StoredChunk> storedChunks(String documentId, boolean withVectors) {
    String sql =
        "SELECT id, idx, text, tokens, page, start_offset, end_offset, section"
            + (withVectors ? ", vector" : "")
            + " FROM chunks WHERE document_id = ? ORDER BY idx";
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, documentId);
      List<StoredChunk> chunks = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          Chunk chunk =
              new Chunk(
                  rs.getString(1),
                  documentId,
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getInt(4),
                  new Provenance(
                      rs.getInt(5), rs.getInt(6), rs.getInt(7), Sections.split(rs.getString(8))));
          chunks.add(new StoredChunk(chunk, withVectors ? Vectors.fromBytes(rs.getBytes(9)) : null));
        }
      }
      return chunks;
    } catch (SQLException e) {
      throw failure("cannot read the chunks of document " + documentId, e);
    }
  }

  /** Chunk, source and metadata of each chunk id that still exists. */
  public Map<String, HitRow> hitRows(Collection<String> chunkIds) {
    if (chunkIds.isEmpty()) {
      return Map.of();
    }
    String sql =
        "SELECT c.id, c.document_id, c.idx, c.text, c.tokens, c.page, c.start_offset,"
            + " c.end_offset, d.source, c.section FROM chunks c"
            + " JOIN documents d ON d.id = c.document_id"
            + " WHERE c.id = ANY(?)";
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      Array ids = c.createArrayOf("VARCHAR", chunkIds.toArray());
      p.setArray(1, ids);
      Map<String, Chunk> chunks = new HashMap<>();
      Map<String, String> sources = new HashMap<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          Chunk chunk =
              new Chunk(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getString(4),
                  rs.getInt(5),
                  new Provenance(
                      rs.getInt(6), rs.getInt(7), rs.getInt(8), Sections.split(rs.getString(10))));
          chunks.put(chunk.id(), chunk);
          sources.put(chunk.documentId(), rs.getString(9));
        }
      }
      Map<String, Metadata> metadata = metadataOf(c, sources.keySet());
      Map<String, HitRow> rows = new HashMap<>();
      for (Chunk chunk : chunks.values()) {
        rows.put(
            chunk.id(),
            new HitRow(
                chunk,
                sources.get(chunk.documentId()),
                metadata.getOrDefault(chunk.documentId(), Metadata.empty())));
      }
      return rows;
    } catch (SQLException e) {
      throw failure("cannot read search hits", e);
    }
  }

  /** Up to {@code limit} changes after {@code sequence}, in order. */
  public List<Change> changesAfter(long sequence, int limit) {
    try (Connection c = pool.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT seq, document_id, deleted FROM changes WHERE seq > ? ORDER BY seq"
                    + " FETCH FIRST ? ROWS ONLY")) {
      p.setLong(1, sequence);
      p.setInt(2, limit);
      List<Change> changes = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          changes.add(new Change(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
        }
      }
      return changes;
    } catch (SQLException e) {
      throw failure("cannot read the change log", e);
    }
  }

  /** An H2 setting as the database reports it, for checks of the durability settings. */
  public String setting(String name) {
    try (Connection c = pool.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw failure("cannot read setting " + name, e);
    }
  }

  private StorageException failure(String what, SQLException e) {
    return new StorageException(what + " in " + file + ": " + e.getMessage(), file, e);
  }

  /**
   * Has the store rewrite its file when it closes ({@code SHUTDOWN COMPACT}), so that pages of
   * erased rows are gone from it, not just unreferenced.
   */
  public void compactOnClose() {
    compactOnClose = true;
  }

  @Override
  public void close() {
    synchronized (writeMonitor) {
      if (compactOnClose) {
        try (Connection c = pool.getConnection();
            Statement s = c.createStatement()) {
          s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
          LOG.log(System.Logger.Level.WARNING,
              "cannot compact the store " + file + " on close: " + e.getMessage());
        }
      }
      pool.dispose();
    }
  }
}
