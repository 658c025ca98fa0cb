package dev.solosuccess.benchmarks;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.engine.VerifyReport;
import dev.solosuccess.index.VectorHit;
import dev.solosuccess.index.VectorIndex;
import dev.solosuccess.index.IndexFilter;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link KillHarness} checks after each kill, through the public API and Lucene's CheckIndex.
 * Not thread-safe.
 */
final class KillChecks {

  /** One acknowledged document: its content hash and the term only it holds. */
  record Ack(String sha256, String marker) {}

  /** What a round's checks found: counts and the first problems, each on one line. */
  static final class Outcome {
    int checked;
    int lost;
    int mismatches;
    final List<String> problems = new ArrayList<>();

    void lost(String problem) {
      lost++;
      note(problem);
    }

    void mismatch(String problem) {
      mismatches++;
      note(problem);
    }

    private void note(String problem) {
      if (problems.size() < 20) {
        problems.add(problem);
      }
    }
  }

  /** The acknowledged history of one engine data folder, over all its rounds. */
  static final class EngineFolder {
    final Path dataDir;
    final EngineConfig config;
    final String masterKeyBase64; // null: not encrypted
    final Map<String, Ack> live = new LinkedHashMap<>();
    final Set<String> deleted = new HashSet<>();
    /** Deletes in flight at a kill: the document may or may not be there, but whole if there. */
    final Map<String, Ack> uncertain = new LinkedHashMap<>();

    EngineFolder(Path dataDir, EngineConfig config, String masterKeyBase64) {
      this.dataDir = dataDir;
      this.config = config;
      this.masterKeyBase64 = masterKeyBase64;
    }

    /** Takes in a killed child's output; returns the acknowledgements it held. */
    int record(List<String> lines) {
      int acks = 0;
      for (String line : lines) {
        String[] f = line.split(" ");
        switch (f[0]) {
          case "ACK" -> {
            live.put(f[1], new Ack(f[2], f[3]));
            acks++;
          }
          case "TRY-DEL" -> uncertain.put(f[1], live.remove(f[1]));
          case "DEL" -> {
            uncertain.remove(f[1]);
            deleted.add(f[1]);
          }
          default -> { }
        }
      }
      return acks;
    }
  }

  private KillChecks() {}

  /**
   * The folder closed as the kill left it (CheckIndex, store opens), then opened (the index catches
   * up): every acknowledged document in the store with its hash, first for its own term and for
   * its own text as a vector query; no deleted one back; the index's documents exactly the store's;
   * closed again, verify finds nothing.
   */
  static Outcome engine(EngineFolder folder) {
    Outcome o = new Outcome();
    VerifyReport before = SoloEngine.verify(folder.config);
    for (String p : before.problems()) {
      o.mismatch("as killed: " + p);
    }
    try (SoloEngine engine = SoloEngine.open(folder.config)) {
      for (Map.Entry<String, Ack> e : folder.live.entrySet()) {
        o.checked++;
        String id = e.getKey();
        Optional<Document> d = engine.documents().get(id);
        if (d.isEmpty()) {
          o.lost("acknowledged document " + id + " is not in the store");
          continue;
        }
        if (!d.get().sha256().equals(e.getValue().sha256())) {
          o.lost("document " + id + " has content " + d.get().sha256() + ", acknowledged "
              + e.getValue().sha256());
          continue;
        }
        checkFound(engine, id, e.getValue().marker(), o);
      }
      for (String id : folder.deleted) {
        if (engine.documents().get(id).isPresent()) {
          o.mismatch("deleted document " + id + " is back in the store");
        }
      }
      for (Map.Entry<String, Ack> e : folder.uncertain.entrySet()) {
        if (engine.documents().get(e.getKey()).isPresent()) {
          checkFound(engine, e.getKey(), e.getValue().marker(), o);
        }
      }
      Set<String> stored = new TreeSet<>();
      for (Document d : engine.documents().list()) {
        stored.add(d.id());
      }
      Set<String> indexed = new TreeSet<>();
      for (SearchHit h : search(engine, "harness", SearchMode.LEXICAL, SearchRequest.MAX_LIMIT)) {
        indexed.add(h.documentId());
      }
      if (stored.size() >= SearchRequest.MAX_LIMIT) {
        o.mismatch("too many documents (" + stored.size() + ") to list the index by search");
      }
      for (String id : indexed) {
        if (!stored.contains(id)) {
          o.mismatch("the index has document " + id + ", the store does not");
        }
      }
      for (String id : stored) {
        if (!indexed.contains(id)) {
          o.mismatch("the store has document " + id + ", the index does not");
        }
      }
    }
    VerifyReport after = SoloEngine.verify(folder.config);
    for (String p : after.problems()) {
      o.mismatch("after reopening: " + p);
    }
    return o;
  }

  private static void checkFound(SoloEngine engine, String id, String marker, Outcome o) {
    List<SearchHit> byTerm = search(engine, marker, SearchMode.LEXICAL, 3);
    if (byTerm.isEmpty() || !byTerm.get(0).documentId().equals(id)) {
      o.mismatch("document " + id + " is not the top hit for its term " + marker + ": "
          + byTerm.stream().map(SearchHit::documentId).toList());
    }
    String text = engine.documents().text(id);
    List<SearchHit> byVector = search(engine, text, SearchMode.SEMANTIC, 3);
    if (byVector.isEmpty() || !byVector.get(0).documentId().equals(id)) {
      o.mismatch("document " + id + " is not the top hit for its own vector: "
          + byVector.stream().map(SearchHit::documentId).toList());
    }
  }

  private static List<SearchHit> search(SoloEngine engine, String q, SearchMode mode, int limit) {
    return engine.search()
        .search(SearchRequest.builder(q).mode(mode).limit(limit).build())
        .hits();
  }

  /**
   * The hnswlib index as the kill left it: it opens, its committed sequence is the last
   * acknowledged commit or the one in flight, it holds exactly the entries up to that sequence,
   * and each sampled entry is the top hit for its own vector.
   *
   * @param acknowledged the last sequence whose commit returned before the kill
   * @return the outcome; {@code checked} counts the sampled entries
   */
  static Outcome hnsw(Path dir, long acknowledged, long[] committedOut, Random random) {
    Outcome o = new Outcome();
    try (VectorIndex index = VectorIndex.open(dir, KillHnswChild.config())) {
      long s = index.committedSequence();
      committedOut[0] = s;
      if (s < acknowledged) {
        o.lost("the snapshot records sequence " + s + ", acknowledged " + acknowledged);
      } else if (s != acknowledged && s != acknowledged + KillHnswChild.COMMIT_EVERY) {
        o.mismatch("the snapshot records sequence " + s + ", neither the acknowledged "
            + acknowledged + " nor the next commit");
      }
      if (index.size() != s) {
        o.mismatch("the snapshot at sequence " + s + " holds " + index.size() + " entries");
      }
      List<Long> sample = new ArrayList<>();
      for (long i = Math.max(1, s - KillHnswChild.COMMIT_EVERY + 1); i <= s; i++) {
        sample.add(i);
      }
      for (int i = 0; i < 200 && s > 0; i++) {
        sample.add(1 + (long) random.nextInt((int) s));
      }
      for (long i : sample) {
        o.checked++;
        List<VectorHit> hits = index.search(KillHnswChild.vector(i), 1, IndexFilter.none());
        if (hits.isEmpty() || !hits.get(0).id().equals("v" + i)) {
          o.mismatch("entry v" + i + " is not the top hit for its own vector: " + hits);
        }
      }
    } catch (RuntimeException e) {
      o.mismatch("the hnswlib index does not open: " + e);
    }
    return o;
  }
}
