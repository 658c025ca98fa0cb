package dev.solosuccess.engine.internal.store;

import dev.solosuccess.engine.ChatReply;
import dev.solosuccess.engine.internal.llm.ChatCache;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * The chat model's reply cache in the store's H2 file (tables {@code chat_cache} and {@code
 * chat_cache_documents}), so it is encrypted with the store when the folder has a key. Bounded by
 * a number of entries: past it, the oldest are deleted. Deleting a document deletes the replies
 * made from its text (in the same transaction, {@link MetadataStore}).
 *
 * <p>The cache is an optimization: a failed read is a miss, a failed write is skipped, each logged
 * without content. Thread-safe.
 */
final class H2ChatCache implements ChatCache {

  private static final System.Logger LOG = System.getLogger(H2ChatCache.class.getName());

  private final org.h2.jdbcx.JdbcConnectionPool pool;
  private final Path file;
  private final long maxEntries;

  H2ChatCache(org.h2.jdbcx.JdbcConnectionPool pool, Path file, long maxEntries) {
    this.pool = pool;
    this.file = file;
    this.maxEntries = maxEntries;
  }

  @Override
  public Optional<ChatReply> get(byte[] key) {
    try (Connection c = pool.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT reply, reply_model, prompt_tokens, completion_tokens FROM chat_cache"
                    + " WHERE cache_key = ?")) {
      p.setBytes(1, key);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new ChatReply(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), true));
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "chat cache read failed in " + file + " (SQL state "
          + e.getSQLState() + "); asking the model");
      return Optional.empty();
    }
  }

  @Override
  public void put(byte[] key, String model, ChatReply reply, Collection<String> documentIds) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement p =
            c.prepareStatement(
                "MERGE INTO chat_cache(cache_key, model, reply, reply_model, prompt_tokens,"
                    + " completion_tokens, created) KEY(cache_key) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
          p.setBytes(1, key);
          p.setString(2, model);
          p.setString(3, reply.text());
          p.setString(4, reply.model());
          p.setInt(5, reply.promptTokens());
          p.setInt(6, reply.completionTokens());
          p.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
          p.executeUpdate();
        }
        try (PreparedStatement p =
            c.prepareStatement(
                "MERGE INTO chat_cache_documents(cache_key, document_id) KEY(cache_key,"
                    + " document_id) VALUES (?, ?)")) {
          for (String id : new LinkedHashSet<>(documentIds)) {
            p.setBytes(1, key);
            p.setString(2, id);
            p.addBatch();
          }
          p.executeBatch();
        }
        evict(c);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "chat cache write failed in " + file + " (SQL state "
          + e.getSQLState() + "); reply not kept");
    }
  }

  private void evict(Connection c) throws SQLException {
    long count;
    try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM chat_cache");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      count = rs.getLong(1);
    }
    if (count <= maxEntries) {
      return;
    }
    String oldest =
        "SELECT cache_key FROM chat_cache ORDER BY created, cache_key LIMIT " + (count - maxEntries);
    try (PreparedStatement p =
        c.prepareStatement("DELETE FROM chat_cache_documents WHERE cache_key IN (" + oldest + ")")) {
      p.executeUpdate();
    }
    try (PreparedStatement p =
        c.prepareStatement("DELETE FROM chat_cache WHERE cache_key IN (" + oldest + ")")) {
      p.executeUpdate();
    }
  }

  @Override
  public long size() {
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM chat_cache");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return 0;
    }
  }
}
