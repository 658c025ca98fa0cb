package dev.solosuccess.engine.internal.store;

import dev.solosuccess.engine.internal.model.VectorCache;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedding cache in the store's H2 file (table {@code embedding_cache}): one row per (model,
 * input), the vector as little-endian floats (1.5 KiB at 384 dimensions). Bounded by a number of
 * entries; past it, the least recently used entries (by a counter set on every store and hit) are
 * deleted down to 95% of the bound, so eviction runs once per many writes rather than on each.
 *
 * <p>The cache is an optimization, not data: a failed read is a miss and a failed write is
 * skipped, each logged, so that a cache problem never fails an ingest or a search. Thread-safe.
 */
final class H2VectorCache implements VectorCache {

  private static final System.Logger LOG = System.getLogger(H2VectorCache.class.getName());

  /** Inputs per SELECT: bounded, so the statement stays small. */
  private static final int LOOKUP_BATCH = 256;

  private final JdbcConnectionPool pool;
  private final Path file;
  private final long maxEntries;
  private final AtomicLong clock;
  private final AtomicLong entries;
  private final Object evictMonitor = new Object();

  H2VectorCache(JdbcConnectionPool pool, Path file, long maxEntries) throws SQLException {
    this.pool = pool;
    this.file = file;
    this.maxEntries = maxEntries;
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COALESCE(MAX(used), 0), COUNT(*) FROM embedding_cache")) {
      rs.next();
      this.clock = new AtomicLong(rs.getLong(1));
      this.entries = new AtomicLong(rs.getLong(2));
    }
    if (entries.get() > maxEntries) {
      evict(); // the bound was lowered since the last run
    }
  }

  @Override
  public Entry[] getAll(String modelKey, byte[][] inputs) {
    Entry[] out = new Entry[inputs.length];
    byte[] model = model(modelKey);
    try (Connection c = pool.getConnection()) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < inputs.length; i++) {
        index.put(HexFormat.of().formatHex(inputs[i]), i);
      }
      int hits = 0;
      for (int from = 0; from < inputs.length; from += LOOKUP_BATCH) {
        int to = Math.min(inputs.length, from + LOOKUP_BATCH);
        String sql =
            "SELECT input, vector, truncated FROM embedding_cache WHERE model = ? AND input IN ("
                + "?,".repeat(to - from - 1) + "?)";
        try (PreparedStatement p = c.prepareStatement(sql)) {
          p.setBytes(1, model);
          for (int i = from; i < to; i++) {
            p.setBytes(2 + i - from, inputs[i]);
          }
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              Integer at = index.get(HexFormat.of().formatHex(rs.getBytes(1)));
              if (at != null) {
                out[at] = new Entry(Vectors.fromBytes(rs.getBytes(2)), rs.getBoolean(3));
                hits++;
              }
            }
          }
        }
      }
      if (hits > 0) {
        touch(c, model, inputs, out);
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "embedding cache read failed in " + file + "; embedding instead", e);
      return new Entry[inputs.length];
    }
    return out;
  }

  /**
   * Rows in key order: every transaction that writes several rows takes their locks in the same
   * order, so that an ingest and a search writing the same entries wait for each other instead of
   * deadlocking.
   */
  private static Integer[] inKeyOrder(byte[][] inputs) {
    Integer[] order = new Integer[inputs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(inputs[a], inputs[b]));
    return order;
  }

  /** Marks the hits as just used, so eviction takes others first. */
  private void touch(Connection c, byte[] model, byte[][] inputs, Entry[] found)
      throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement p =
        c.prepareStatement("UPDATE embedding_cache SET used = ? WHERE model = ? AND input = ?")) {
      for (int i : inKeyOrder(inputs)) {
        if (found[i] != null) {
          p.setLong(1, clock.incrementAndGet());
          p.setBytes(2, model);
          p.setBytes(3, inputs[i]);
          p.addBatch();
        }
      }
      p.executeBatch();
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  @Override
  public void putAll(String modelKey, byte[][] inputs, Entry[] values) {
    if (inputs.length == 0) {
      return;
    }
    byte[] model = model(modelKey);
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement p =
          c.prepareStatement(
              "MERGE INTO embedding_cache(model, input, vector, truncated, used) KEY(model, input)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        for (int i : inKeyOrder(inputs)) {
          p.setBytes(1, model);
          p.setBytes(2, inputs[i]);
          p.setBytes(3, Vectors.toBytes(values[i].vector()));
          p.setBoolean(4, values[i].truncated());
          p.setLong(5, clock.incrementAndGet());
          p.addBatch();
        }
        p.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "embedding cache write failed in " + file + "; not cached", e);
      return;
    }
    // An input stored twice at once is counted twice: the count only errs high, evicting early.
    if (entries.addAndGet(inputs.length) > maxEntries) {
      try {
        evict();
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "embedding cache eviction failed in " + file, e);
      }
    }
  }

  /** Deletes the least recently used entries down to 95% of the bound. */
  private void evict() throws SQLException {
    synchronized (evictMonitor) {
      try (Connection c = pool.getConnection()) {
        long count;
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM embedding_cache")) {
          rs.next();
          count = rs.getLong(1);
        }
        long target = maxEntries - maxEntries / 20;
        if (count > maxEntries) {
          long excess = count - target;
          try (PreparedStatement p =
              c.prepareStatement(
                  "DELETE FROM embedding_cache WHERE used <= (SELECT used FROM embedding_cache"
                      + " ORDER BY used OFFSET ? ROWS FETCH NEXT 1 ROW ONLY)")) {
            p.setLong(1, excess - 1);
            count -= p.executeUpdate();
          }
        }
        entries.set(count);
      }
    }
  }

  /** Entries stored, for tests and statistics. */
  long size() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM embedding_cache")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new dev.solosuccess.sdk.StorageException(
          "cannot count the embedding cache in " + file + ": " + e.getMessage(), file, e);
    }
  }

  /** The first 16 bytes of the model's key: 128 bits tell models apart. */
  private static byte[] model(String modelKey) {
    return Arrays.copyOf(HexFormat.of().parseHex(modelKey), 16);
  }
}
