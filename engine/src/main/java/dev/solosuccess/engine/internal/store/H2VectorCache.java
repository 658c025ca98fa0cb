package dev.solosuccess.engine.internal.store;

import dev.solosuccess.engine.internal.model.VectorCache;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedding cache in the store's H2 file (table {@code embedding_cache}): one row per (model,
 * input), the vector as little-endian floats (1.5 KiB at 384 dimensions).
 *
 * <p>Reads run on the caller's thread; writes (new entries, and hits marked as used again) go to
 * one background thread, so that neither a search nor an ingest waits for a cache commit. Entries
 * waiting to be written are answered from memory meanwhile; {@link #close()} writes them. A crash
 * loses the entries still waiting, which only means the model runs for them again.
 *
 * <p>Bounded by a number of entries: past it, the least recently used entries (by a counter set
 * when an entry is stored, and again when it is hit while in the older three quarters of the
 * cache, an approximate LRU that keeps most hits free of writes) are deleted down to 95% of the
 * bound, so eviction runs once per many writes rather than on each.
 *
 * <p>The cache is an optimization, not data: a failed read is a miss and a failed write is
 * skipped, each logged, so that a cache problem never fails an ingest or a search. Thread-safe.
 */
final class H2VectorCache implements VectorCache {

  private static final System.Logger LOG = System.getLogger(H2VectorCache.class.getName());

  /** Inputs per SELECT: bounded, so the statement stays small. */
  private static final int LOOKUP_BATCH = 256;

  /** Rows per background write transaction. */
  private static final int WRITE_BATCH = 1_024;

  /** Entries waiting to be written beyond which new ones are dropped (the writer fell behind). */
  private static final int MAX_PENDING = 16_384;

  private final JdbcConnectionPool pool;
  private final Path file;
  private final long maxEntries;
  private final AtomicLong clock;
  private final AtomicLong entries;
  private final ExecutorService writer;

  private final Object lock = new Object();
  private final Map<String, Row> pending = new LinkedHashMap<>(); // guarded by lock
  private final Map<String, Row> touched = new LinkedHashMap<>(); // guarded by lock
  private boolean draining; // guarded by lock
  private boolean closed; // guarded by lock

  /** A row to write: a new entry, or (entry null) a hit to mark as used. */
  private record Row(byte[] model, byte[] input, Entry entry, long used) {}

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
    this.writer =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("solo-embedding-cache").factory());
  }

  @Override
  public Entry[] getAll(String modelKey, byte[][] inputs) {
    Entry[] out = new Entry[inputs.length];
    byte[] model = model(modelKey);
    Map<String, Integer> index = new HashMap<>();
    synchronized (lock) {
      for (int i = 0; i < inputs.length; i++) {
        String k = key(model, inputs[i]);
        Row p = pending.get(k);
        if (p != null) {
          out[i] = p.entry();
          pending.put(k, new Row(model, inputs[i], p.entry(), clock.incrementAndGet())); // used now
        } else {
          index.put(HexFormat.of().formatHex(inputs[i]), i);
        }
      }
    }
    if (index.isEmpty()) {
      return out;
    }
    List<Integer> lookup = index.values().stream().sorted().toList();
    List<Row> stale = new ArrayList<>();
    long recent = clock.get() - maxEntries / 4;
    try (Connection c = pool.getConnection()) {
      for (int from = 0; from < lookup.size(); from += LOOKUP_BATCH) {
        List<Integer> part = lookup.subList(from, Math.min(lookup.size(), from + LOOKUP_BATCH));
        String sql =
            "SELECT input, vector, truncated, used FROM embedding_cache WHERE model = ? AND input"
                + " IN (" + "?,".repeat(part.size() - 1) + "?)";
        try (PreparedStatement p = c.prepareStatement(sql)) {
          p.setBytes(1, model);
          for (int i = 0; i < part.size(); i++) {
            p.setBytes(2 + i, inputs[part.get(i)]);
          }
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              byte[] input = rs.getBytes(1);
              Integer at = index.get(HexFormat.of().formatHex(input));
              if (at != null) {
                out[at] = new Entry(Vectors.fromBytes(rs.getBytes(2)), rs.getBoolean(3));
                // Only hits in the older three quarters are marked as used again: the newest
                // quarter is far from eviction, and a hit there costs a read alone.
                if (rs.getLong(4) < recent) {
                  stale.add(new Row(model, input, null, 0));
                }
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "embedding cache read failed in " + file + "; embedding instead", e);
      return new Entry[inputs.length];
    }
    if (!stale.isEmpty()) {
      synchronized (lock) {
        for (Row r : stale) {
          touched.put(key(r.model(), r.input()), r);
        }
        schedule();
      }
    }
    return out;
  }

  @Override
  public void putAll(String modelKey, byte[][] inputs, Entry[] values) {
    if (inputs.length == 0) {
      return;
    }
    byte[] model = model(modelKey);
    synchronized (lock) {
      if (closed || pending.size() >= MAX_PENDING) {
        return;
      }
      for (int i = 0; i < inputs.length; i++) {
        pending.put(
            key(model, inputs[i]), new Row(model, inputs[i], values[i], clock.incrementAndGet()));
      }
      schedule();
    }
  }

  @Override
  public int deleteAll(String modelKey, byte[][] inputs) {
    if (inputs.length == 0) {
      return 0;
    }
    byte[] model = model(modelKey);
    synchronized (lock) {
      for (byte[] input : inputs) {
        String k = key(model, input);
        pending.remove(k);
        touched.remove(k);
      }
      // A batch the writer took before this call must land before the DELETE, not after it.
      boolean interrupted = false;
      while (draining) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    int removed = 0;
    try (Connection c = pool.getConnection();
        PreparedStatement p =
            c.prepareStatement("DELETE FROM embedding_cache WHERE model = ? AND input = ?")) {
      for (byte[] input : inputs) {
        p.setBytes(1, model);
        p.setBytes(2, input);
        removed += p.executeUpdate();
      }
    } catch (SQLException e) {
      throw new dev.solosuccess.sdk.StorageException(
          "cannot erase embedding cache entries in " + file + ": " + e.getMessage(), file, e);
    }
    entries.addAndGet(-removed);
    return removed;
  }

  /** Starts the writer if it is idle. Holds {@link #lock}. */
  private void schedule() {
    if (!draining && !closed) {
      draining = true;
      writer.execute(this::drain);
    }
  }

  /** Runs on the writer thread: writes pending rows in batches until none are left. */
  private void drain() {
    while (true) {
      List<Row> puts = new ArrayList<>();
      List<Row> touches;
      synchronized (lock) {
        if (pending.isEmpty() && touched.isEmpty()) {
          draining = false;
          lock.notifyAll();
          return;
        }
        for (Row r : pending.values()) {
          if (puts.size() == WRITE_BATCH) {
            break;
          }
          puts.add(r);
        }
        touches = new ArrayList<>(touched.values());
        touched.clear();
      }
      try {
        write(puts, touches);
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "embedding cache write failed in " + file + "; not cached", e);
      }
      synchronized (lock) {
        for (Row r : puts) {
          pending.remove(key(r.model(), r.input()), r); // unless put again meanwhile
        }
      }
    }
  }

  private void write(List<Row> puts, List<Row> touches) throws SQLException {
    // Rows in key order: every transaction that writes several rows takes their locks in the same
    // order, so two of them never wait for each other in a cycle.
    Comparator<Row> byKey =
        Comparator.<Row, byte[]>comparing(Row::model, Arrays::compareUnsigned)
            .thenComparing(Row::input, Arrays::compareUnsigned);
    puts.sort(byKey);
    touches.sort(byKey);
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!puts.isEmpty()) {
          try (PreparedStatement p =
              c.prepareStatement(
                  "MERGE INTO embedding_cache(model, input, vector, truncated, used)"
                      + " KEY(model, input) VALUES (?, ?, ?, ?, ?)")) {
            for (Row r : puts) {
              p.setBytes(1, r.model());
              p.setBytes(2, r.input());
              p.setBytes(3, Vectors.toBytes(r.entry().vector()));
              p.setBoolean(4, r.entry().truncated());
              p.setLong(5, r.used());
              p.addBatch();
            }
            p.executeBatch();
          }
        }
        if (!touches.isEmpty()) {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE embedding_cache SET used = ? WHERE model = ? AND input = ?")) {
            for (Row r : touches) {
              p.setLong(1, clock.incrementAndGet());
              p.setBytes(2, r.model());
              p.setBytes(3, r.input());
              p.addBatch();
            }
            p.executeBatch();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    // An input stored twice is counted twice: the count only errs high, evicting a little early.
    if (entries.addAndGet(puts.size()) > maxEntries) {
      evict();
    }
  }

  /** Deletes the least recently used entries down to 95% of the bound. */
  private void evict() throws SQLException {
    try (Connection c = pool.getConnection()) {
      long count;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM embedding_cache")) {
        rs.next();
        count = rs.getLong(1);
      }
      long target = maxEntries - maxEntries / 20;
      if (count > maxEntries) {
        try (PreparedStatement p =
            c.prepareStatement(
                "DELETE FROM embedding_cache WHERE used <= (SELECT used FROM embedding_cache"
                    + " ORDER BY used OFFSET ? ROWS FETCH NEXT 1 ROW ONLY)")) {
          p.setLong(1, count - target - 1);
          count -= p.executeUpdate();
        }
      }
      entries.set(count);
    }
  }

  /** Writes what is pending, then stops the writer. Idempotent. */
  @Override
  public void close() {
    boolean interrupted = false;
    synchronized (lock) {
      if (closed) {
        return;
      }
      while (draining) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          interrupted = true; // the store closes after us: the writer must be done first
        }
      }
      closed = true;
    }
    writer.shutdown();
    try {
      if (!writer.awaitTermination(60, TimeUnit.SECONDS)) {
        LOG.log(Level.WARNING, "the embedding cache writer did not stop in 60 s");
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static String key(byte[] model, byte[] input) {
    return HexFormat.of().formatHex(model) + HexFormat.of().formatHex(input);
  }

  /** The first 16 bytes of the model's key: 128 bits tell models apart. */
  private static byte[] model(String modelKey) {
    return Arrays.copyOf(HexFormat.of().parseHex(modelKey), 16);
  }
}
