package dev.solosuccess.index.internal.lucene;

import dev.solosuccess.index.ChunkIndex;
import dev.solosuccess.index.IncompatibleIndexException;
import dev.solosuccess.index.IndexCheck;
import dev.solosuccess.index.IndexClosedException;
import dev.solosuccess.index.IndexCorruptedException;
import dev.solosuccess.index.IndexException;
import dev.solosuccess.index.IndexEncryption;
import dev.solosuccess.index.IndexFilter;
import dev.solosuccess.index.IndexSettings;
import dev.solosuccess.index.IndexSnapshot;
import dev.solosuccess.index.IndexedChunk;
import dev.solosuccess.index.ScoredChunk;
import dev.solosuccess.index.VectorEncoding;
import dev.solosuccess.index.VectorSimilarity;
import dev.solosuccess.index.internal.faults.KillPoints;
import dev.solosuccess.index.internal.support.Simd;
import dev.solosuccess.index.internal.support.VectorChecks;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * {@link ChunkIndex} on one Lucene index: per chunk a stored chunk id and document id, the text
 * (English analysis: possessives, lower case, stop words, Porter stemming) for BM25, an HNSW vector
 * field, one exact-match field per term attribute ({@code attr.NAME}) and one {@link DoublePoint}
 * per numeric attribute ({@code num.NAME}), one exact-match {@code label} term per access label,
 * and each text field's token count as doc values ({@code len.FIELD}, for BM25 statistics over an
 * access scope; see {@link ScopedSearcher}). A filter is a conjunction of FILTER clauses (term,
 * term-in-set, point range), the same query in BM25 and as the HNSW search's filter.
 *
 * <p>The vector field's format follows {@link IndexSettings#vectorEncoding()}: Lucene's HNSW
 * format for float32, its scalar-quantized HNSW format (7 bits) for int8, whose candidates are
 * rescored on the float vectors it keeps beside the bytes. The format is chosen per field, so BM25
 * text and vectors stay in one index and one commit.
 *
 * <p>Searches refresh the near-real-time reader only when writes happened since the last refresh,
 * so a batch of writes with no search in between creates no tiny segments.
 */
public final class LuceneChunkIndex implements ChunkIndex {

  static final String FIELD_CHUNK = "chunk";
  static final String FIELD_DOC = "doc";
  static final String FIELD_TEXT = "text";
  /** The whole document's text, on its first chunk only: document-level BM25. */
  static final String FIELD_DOCUMENT_TEXT = "doctext";
  static final String FIELD_VECTOR = "vector";
  static final String ATTRIBUTE_PREFIX = "attr.";
  static final String NUMBER_PREFIX = "num.";
  /** Access labels, one exact term each (multi-valued). */
  static final String FIELD_LABEL = "label";

  private final Path path;
  private final IndexSettings settings;
  private final Directory directory;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final VectorSimilarityFunction similarity;

  private final AtomicLong writeGeneration = new AtomicLong();
  private volatile long searchableGeneration;
  private final Object refreshLock = new Object();
  /**
   * Runs reader refreshes off the searching thread: a near-real-time refresh flushes new segments
   * through the IndexWriter, and an interrupt reaching that write (a cancelled search) would close
   * the channel and with it the writer for good, a "tragic event". One thread, gone when idle.
   */
  private final ThreadPoolExecutor refresher = refresher();
  private final Object commitLock = new Object();
  private volatile long committedSequence;
  private boolean cleared; // guarded by commitLock: deleteAll() since the last commit
  private final AtomicBoolean closed = new AtomicBoolean();
  /** Recent access scopes by reader and label set; guarded by itself. */
  private final Map<List<Object>, ScopeStatistics> scopeCache =
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, ScopeStatistics> eldest) {
          return size() > SCOPE_CACHE_ENTRIES;
        }
      };
  private static final int SCOPE_CACHE_ENTRIES = 32;

  private LuceneChunkIndex(
      Path path,
      IndexSettings settings,
      Directory directory,
      Analyzer analyzer,
      IndexWriter writer,
      long committedSequence)
      throws IOException {
    this.path = path;
    this.settings = settings;
    this.directory = directory;
    this.analyzer = analyzer;
    this.writer = writer;
    this.committedSequence = committedSequence;
    this.similarity =
        settings.similarity() == VectorSimilarity.COSINE
            ? VectorSimilarityFunction.COSINE
            : VectorSimilarityFunction.DOT_PRODUCT;
    BM25Similarity bm25 = new BM25Similarity(settings.bm25K1(), settings.bm25B());
    this.searchers =
        new SearcherManager(
            writer,
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(
                  org.apache.lucene.index.IndexReader reader,
                  org.apache.lucene.index.IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(bm25);
                return searcher;
              }
            });
  }

  /** An index of plain files; see {@link ChunkIndex#open(Path, IndexSettings)}. */
  public static LuceneChunkIndex open(Path path, IndexSettings settings) {
    return open(path, settings, null);
  }

  /**
   * See {@link ChunkIndex#open(Path, IndexSettings, IndexEncryption)}.
   *
   * @param encryption the files' key, or null for plain files
   */
  public static LuceneChunkIndex open(
      Path path, IndexSettings settings, IndexEncryption encryption) {
    Simd.logOnce();
    Directory directory = null;
    Analyzer analyzer = null;
    IndexWriter writer = null;
    try {
      Files.createDirectories(path);
      Directory files = DirectoryHooks.wrap(path, FSDirectory.open(path));
      directory =
          encryption == null
              ? files
              : new EncryptingDirectory(files, encryption.key(), encryption.id());
      long sequence = 0;
      boolean exists = DirectoryReader.indexExists(directory);
      if (exists) {
        List<IndexCommit> commits = DirectoryReader.listCommits(directory);
        IndexCommit last = commits.get(commits.size() - 1);
        sequence = CommitInfo.check(last.getUserData(), settings, path);
      }
      analyzer = Analyzers.of(settings.textAnalysis());
      IndexWriterConfig config =
          new IndexWriterConfig(analyzer)
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setSimilarity(new BM25Similarity(settings.bm25K1(), settings.bm25B()))
              .setCodec(VectorCodec.forSettings(settings))
              .setMergePolicy(mergePolicy())
              .setIndexDeletionPolicy(
                  new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()))
              .setCommitOnClose(false);
      writer = new IndexWriter(directory, config);
      if (!exists) {
        writer.setLiveCommitData(CommitInfo.userData(settings, 0).entrySet());
        writer.commit();
      }
      return new LuceneChunkIndex(path, settings, directory, analyzer, writer, sequence);
    } catch (IOException | RuntimeException e) {
      closeQuietly(writer, e);
      closeQuietly(analyzer, e);
      closeQuietly(directory, e);
      throw translate("cannot open the index at " + path, path, e);
    }
  }

  /**
   * Lucene's tiered merging, except that {@link #expungeDeletes()} rewrites every segment with a
   * deleted chunk: by default a segment with under 10% deleted documents is left as it is, and an
   * erased document's text with it (a patient's three notes among thirty-four stayed on disk).
   */
  private static TieredMergePolicy mergePolicy() {
    TieredMergePolicy policy = new TieredMergePolicy();
    policy.setForceMergeDeletesPctAllowed(0);
    return policy;
  }

  /** See {@link ChunkIndex#check(Path, IndexEncryption)}. */
  public static IndexCheck check(Path path, IndexEncryption encryption) {
    try (Directory directory =
            encryption == null
                ? FSDirectory.open(path)
                : new EncryptingDirectory(
                    FSDirectory.open(path), encryption.key(), encryption.id());
        org.apache.lucene.index.CheckIndex checker =
            new org.apache.lucene.index.CheckIndex(directory)) {
      if (!DirectoryReader.indexExists(directory)) {
        throw new IndexException("there is no index at " + path, path, null);
      }
      java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
      checker.setInfoStream(
          new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
      org.apache.lucene.index.CheckIndex.Status status = checker.checkIndex();
      long sequence = 0;
      List<IndexCommit> commits = DirectoryReader.listCommits(directory);
      String recorded = commits.get(commits.size() - 1).getUserData().get(CommitInfo.KEY_SEQUENCE);
      if (recorded != null) {
        sequence = Long.parseLong(recorded);
      }
      // Counted by a reader: CheckIndex's liveDocStatus is null for a segment with deletions
      // (Lucene 10.3.2), so counting maxDoc less its deletions overcounted after a delete.
      long chunks = 0;
      if (status.clean) {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
          chunks = reader.numDocs();
        }
      }
      String problem = "";
      if (!status.clean) {
        String text = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        int at = text.indexOf("FAILED");
        problem = at >= 0 ? text.substring(at, Math.min(text.length(), at + 2000)) : text;
        if (problem.isBlank()) {
          problem = "CheckIndex reports the index is not clean";
        }
      }
      return new IndexCheck(status.clean, status.segmentInfos.size(), chunks, sequence, problem);
    } catch (IOException | RuntimeException e) {
      throw translate("cannot check the index at " + path, path, e);
    }
  }

  private static RuntimeException translate(String what, Path path, Exception e) {
    if (e instanceof IndexException ie) {
      return ie;
    }
    if (e instanceof EncryptingDirectory.KeyMismatchException) {
      return new IncompatibleIndexException(what + ": " + e.getMessage(), path);
    }
    if (e instanceof CorruptIndexException
        || e instanceof IndexFormatTooOldException
        || e instanceof IndexFormatTooNewException
        || e instanceof EOFException
        || e instanceof NoSuchFileException) {
      return new IndexCorruptedException(what + ": " + e.getMessage(), path, e);
    }
    if (e instanceof LockObtainFailedException) {
      return new IndexException(
          what + ": it is locked by another writer (" + e.getMessage() + ")", path, e);
    }
    if (e instanceof IllegalArgumentException iae) {
      return iae;
    }
    return new IndexException(what + ": " + e.getMessage(), path, e);
  }

  /**
   * The failure of a call on the writer or its readers. After a failure it cannot roll back (a
   * "tragic" one, such as a full disk while flushing or merging), Lucene closes its writer and
   * every later call throws its AlreadyClosedException or IllegalStateException: the last commit is
   * intact, and only a reopen writes again; the caller gets an {@link IndexException} that says so.
   */
  private RuntimeException failure(String what, Exception e) {
    Throwable tragic = writer.getTragicException();
    if (tragic != null) {
      return new IndexException(
          what + ": the index stopped writing after a failure it could not roll back ("
              + tragic.getMessage() + "); its last commit is intact, and it writes again once"
              + " reopened",
          path,
          e);
    }
    return translate(what, path, e);
  }

  private static void closeQuietly(AutoCloseable c, Exception primary) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception suppressed) {
      primary.addSuppressed(suppressed);
    }
  }

  @Override
  public IndexSettings settings() {
    ensureOpen();
    return settings;
  }

  @Override
  public long committedSequence() {
    ensureOpen();
    return committedSequence;
  }

  @Override
  public void replaceDocument(String documentId, List<IndexedChunk> chunks, String documentText) {
    ensureOpen();
    List<Document> docs = new ArrayList<>(chunks.size());
    for (IndexedChunk chunk : chunks) {
      if (!chunk.documentId().equals(documentId)) {
        throw new IllegalArgumentException(
            "chunk " + chunk.chunkId() + " belongs to document " + chunk.documentId()
                + ", not " + documentId);
      }
      checkVector(chunk.vector(), true);
      Document doc = toLucene(chunk);
      if (docs.isEmpty() && documentText != null) {
        // On one Lucene document per document only: the field's statistics (document count,
        // average length, document frequencies) are then those of whole documents.
        doc.add(new TextField(FIELD_DOCUMENT_TEXT, documentText, Field.Store.NO));
        addLength(doc, FIELD_DOCUMENT_TEXT, documentText);
      }
      docs.add(doc);
    }
    try {
      writer.updateDocuments(new Term(FIELD_DOC, documentId), docs);
    } catch (IOException | IllegalStateException e) {
      throw failure("cannot index document " + documentId, e);
    }
    writeGeneration.incrementAndGet();
  }

  private Document toLucene(IndexedChunk chunk) {
    Document doc = new Document();
    doc.add(new StringField(FIELD_CHUNK, chunk.chunkId(), Field.Store.YES));
    doc.add(new StringField(FIELD_DOC, chunk.documentId(), Field.Store.YES));
    doc.add(new BinaryDocValuesField(FIELD_CHUNK, new BytesRef(chunk.chunkId())));
    doc.add(new BinaryDocValuesField(FIELD_DOC, new BytesRef(chunk.documentId())));
    doc.add(new TextField(FIELD_TEXT, chunk.text(), Field.Store.NO));
    addLength(doc, FIELD_TEXT, chunk.text());
    doc.add(new KnnFloatVectorField(FIELD_VECTOR, chunk.vector(), similarity));
    for (String label : chunk.labels()) {
      doc.add(new StringField(FIELD_LABEL, label, Field.Store.NO));
    }
    for (Map.Entry<String, String> a : chunk.attributes().entrySet()) {
      doc.add(new StringField(ATTRIBUTE_PREFIX + a.getKey(), a.getValue(), Field.Store.NO));
    }
    for (Map.Entry<String, Double> n : chunk.numbers().entrySet()) {
      double v = n.getValue();
      doc.add(new DoublePoint(NUMBER_PREFIX + n.getKey(), v == 0 ? 0.0 : v)); // one zero
    }
    return doc;
  }

  /**
   * Records how many tokens {@code text} has in {@code field} (what the field adds to its
   * sumTotalTermFreq), so that BM25 statistics can be summed over an access scope's chunks alone
   * ({@link ScopedSearcher}). Nothing is recorded for a text without tokens, which Lucene's
   * docCount does not count either.
   */
  private void addLength(Document doc, String field, String text) {
    long tokens = 0;
    try (org.apache.lucene.analysis.TokenStream ts = analyzer.tokenStream(field, text)) {
      ts.reset();
      while (ts.incrementToken()) {
        tokens++;
      }
      ts.end();
    } catch (IOException e) {
      throw new IllegalStateException("analyzing text in memory cannot fail", e);
    }
    if (tokens > 0) {
      doc.add(new NumericDocValuesField(ScopedSearcher.LENGTH_PREFIX + field, tokens));
    }
  }

  @Override
  public void deleteDocument(String documentId) {
    ensureOpen();
    try {
      writer.deleteDocuments(new Term(FIELD_DOC, documentId));
    } catch (IOException | IllegalStateException e) {
      throw failure("cannot delete document " + documentId, e);
    }
    writeGeneration.incrementAndGet();
  }

  @Override
  public void deleteAll() {
    ensureOpen();
    synchronized (commitLock) {
      try {
        writer.deleteAll();
      } catch (IOException | IllegalStateException e) {
        throw failure("cannot clear the index", e);
      }
      cleared = true;
    }
    writeGeneration.incrementAndGet();
  }

  @Override
  public void commit(long sequence) {
    ensureOpen();
    synchronized (commitLock) {
      long minimum = cleared ? 0 : committedSequence;
      if (sequence < minimum) {
        throw new IllegalArgumentException(
            "sequence must be >= " + minimum + ", got " + sequence);
      }
      try {
        writer.setLiveCommitData(CommitInfo.userData(settings, sequence).entrySet());
        KillPoints.reach("lucene.before-commit");
        // prepareCommit writes and forces the new segments and pending commit point; commit then
        // renames it into place: a crash in between leaves the previous commit.
        writer.prepareCommit();
        KillPoints.reach("lucene.prepared");
        writer.commit();
        KillPoints.reach("lucene.committed");
      } catch (IOException | IllegalStateException e) {
        throw failure("cannot commit the index", e);
      }
      committedSequence = sequence;
      cleared = false;
    }
  }

  @Override
  public List<ScoredChunk> searchText(String query, int k, IndexFilter filter) {
    return searchField(FIELD_TEXT, query, k, filter);
  }

  @Override
  public List<ScoredChunk> searchDocuments(String query, int k, IndexFilter filter) {
    return searchField(FIELD_DOCUMENT_TEXT, query, k, filter);
  }

  private List<ScoredChunk> searchField(String field, String query, int k, IndexFilter filter) {
    ensureOpen();
    checkK(k);
    Query text = new QueryBuilder(analyzer).createBooleanQuery(field, query, Occur.SHOULD);
    if (text == null) {
      return List.of(); // nothing left after analysis, e.g. only stop words
    }
    Query q = text;
    if (!filter.isEmpty()) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
      addClauses(b, filter);
      q = b.build();
    }
    Query bm25 = q;
    java.util.Optional<IndexFilter.Labels> scope = filter.labelScope();
    if (scope.isEmpty()) {
      return run(searcher -> searcher.search(bm25, k).scoreDocs, k, false, null);
    }
    // A caller with an access scope gets BM25 statistics of the chunks in its scope only.
    IndexFilter.Labels labels = scope.get();
    return run(
        searcher ->
            new ScopedSearcher(
                    searcher.getIndexReader(),
                    scopeStatistics(searcher.getIndexReader(), labels),
                    searcher.getSimilarity())
                .search(bm25, k)
                .scoreDocs,
        k,
        false,
        null);
  }

  @Override
  public List<ScoredChunk> searchVector(float[] vector, int k, IndexFilter filter) {
    return searchVector(vector, k, filter, settings.hnsw().searchCandidates());
  }

  /**
   * Like {@link #searchVector(float[], int, IndexFilter)}, with {@code candidates} in place of
   * {@link dev.solosuccess.index.HnswParameters#searchCandidates()}.
   */
  public List<ScoredChunk> searchVector(
      float[] vector, int k, IndexFilter filter, int candidates) {
    ensureOpen();
    checkK(k);
    checkVector(vector, false);
    // HNSW explores as many candidates as it is asked for: a small k alone misses true
    // neighbours, so the graph search keeps `candidates` (ef) and the top k of them are kept.
    int ef = Math.max(k, candidates);
    // The int8 graph ranks by quantized scores; the float vectors put the candidates in exact order.
    float[] rescore = settings.vectorEncoding() == VectorEncoding.INT8 ? vector : null;
    if (filter.isEmpty()) {
      return run(searcher -> nearest(searcher, vector, ef), k, true, rescore);
    }
    Query query = new KnnFloatVectorQuery(FIELD_VECTOR, vector, ef, filterQuery(filter));
    return run(searcher -> searcher.search(query, ef).scoreDocs, k, true, rescore);
  }

  /**
   * The {@code ef} nearest live documents, straight from each segment's graph: without a filter,
   * the query machinery (rewrite, a second query over the hits, collectors) costs about as much as
   * the graph search itself on small indexes.
   */
  private static ScoreDoc[] nearest(IndexSearcher searcher, float[] vector, int ef)
      throws IOException {
    List<ScoreDoc> all = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafReader reader = leaf.reader();
      if (reader.getFieldInfos().fieldInfo(FIELD_VECTOR) == null) {
        continue; // a segment written before any vector
      }
      TopDocs top =
          reader.searchNearestVectors(
              FIELD_VECTOR,
              vector,
              ef,
              AcceptDocs.fromLiveDocs(reader.getLiveDocs(), reader.maxDoc()),
              Integer.MAX_VALUE);
      for (ScoreDoc sd : top.scoreDocs) {
        all.add(new ScoreDoc(sd.doc + leaf.docBase, sd.score));
      }
    }
    all.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : a.doc - b.doc);
    return all.subList(0, Math.min(ef, all.size())).toArray(ScoreDoc[]::new);
  }

  /** One way of finding hits. */
  @FunctionalInterface
  private interface Hits {
    ScoreDoc[] find(IndexSearcher searcher) throws IOException;
  }

  /**
   * Rescores hits on the float vectors of the field (Lucene's quantized format keeps them beside
   * the bytes), best first.
   */
  private ScoreDoc[] rescore(IndexSearcher searcher, ScoreDoc[] hits, float[] query)
      throws IOException {
    ScoreDoc[] byDoc = hits.clone();
    Arrays.sort(byDoc, (a, b) -> Integer.compare(a.doc, b.doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leaf = -1;
    FloatVectorValues values = null;
    KnnVectorValues.DocIndexIterator docs = null;
    ScoreDoc[] out = new ScoreDoc[byDoc.length];
    for (int i = 0; i < byDoc.length; i++) {
      ScoreDoc sd = byDoc[i];
      int at = ReaderUtil.subIndex(sd.doc, leaves);
      LeafReaderContext context = leaves.get(at);
      if (at != leaf) {
        leaf = at;
        values = context.reader().getFloatVectorValues(FIELD_VECTOR);
        docs = values.iterator();
      }
      int target = sd.doc - context.docBase;
      int doc = docs.docID() < target ? docs.advance(target) : docs.docID();
      float score =
          doc == target ? similarity.compare(query, values.vectorValue(docs.index())) : sd.score;
      out[i] = new ScoreDoc(sd.doc, score);
    }
    Arrays.sort(
        out, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : a.doc - b.doc);
    return out;
  }

  /**
   * Merges the index down to at most {@code maxSegments} segments (one HNSW graph each), and
   * waits. For a bulk-built index that is searched much more than written: each segment is a
   * separate graph search.
   */
  public void forceMerge(int maxSegments) {
    ensureOpen();
    try {
      writer.forceMerge(maxSegments);
    } catch (IOException | IllegalStateException e) {
      throw failure("cannot merge the index", e);
    }
    writeGeneration.incrementAndGet();
  }

  /** The bytes of the index files of the last commit (the files a search maps). */
  public long committedBytes() {
    ensureOpen();
    try {
      long total = 0;
      for (String name : DirectoryReader.listCommits(directory).getLast().getFileNames()) {
        total += directory.fileLength(name);
      }
      return total;
    } catch (IOException e) {
      throw translate("cannot list the index files", path, e);
    }
  }

  private static Query filterQuery(IndexFilter filter) {
    if (filter.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    addClauses(b, filter);
    return b.build();
  }

  /** Each clause of the filter as a non-scoring FILTER clause of {@code b}. */
  private static void addClauses(BooleanQuery.Builder b, IndexFilter filter) {
    for (IndexFilter.Clause clause : filter.clauses()) {
      Query q =
          switch (clause) {
            case IndexFilter.Terms t when t.values().size() == 1 ->
                new TermQuery(new Term(ATTRIBUTE_PREFIX + t.field(), t.values().iterator().next()));
            case IndexFilter.Terms t ->
                new TermInSetQuery(
                    ATTRIBUTE_PREFIX + t.field(), t.values().stream().map(BytesRef::new).toList());
            case IndexFilter.NumericRange r ->
                DoublePoint.newRangeQuery(NUMBER_PREFIX + r.field(), r.min(), r.max());
            case IndexFilter.Labels l -> labelQuery(l);
          };
      b.add(q, Occur.FILTER);
    }
  }

  /**
   * The scope's documents and collection statistics on this reader: cached per reader and label set
   * (a reader never changes), the few most recent, so a tenant's searches between two writes pay
   * only for their terms' postings.
   */
  private ScopeStatistics scopeStatistics(
      org.apache.lucene.index.IndexReader reader, IndexFilter.Labels labels) throws IOException {
    org.apache.lucene.index.IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return ScopeStatistics.compute(reader, labelQuery(labels));
    }
    List<Object> key = List.of(helper.getKey(), labels.anyOf());
    synchronized (scopeCache) {
      ScopeStatistics cached = scopeCache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    ScopeStatistics computed = ScopeStatistics.compute(reader, labelQuery(labels));
    synchronized (scopeCache) {
      scopeCache.put(key, computed);
    }
    return computed;
  }

  private static Query labelQuery(IndexFilter.Labels labels) {
    return new TermInSetQuery(FIELD_LABEL, labels.anyOf().stream().map(BytesRef::new).toList());
  }

  /**
   * Finds hits, rescores them on the float vectors when {@code rescore} is a query vector, and
   * returns the best {@code k} (ids are read for those only).
   */
  private List<ScoredChunk> run(Hits finder, int k, boolean vectorScores, float[] rescore) {
    IndexSearcher searcher = acquire();
    try {
      ScoreDoc[] found = finder.find(searcher);
      if (rescore != null) {
        found = rescore(searcher, found, rescore);
      }
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      List<ScoredChunk> hits = new ArrayList<>(Math.min(k, found.length));
      for (int i = 0; i < found.length && i < k; i++) {
        ScoreDoc sd = found[i];
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
        int doc = sd.doc - leaf.docBase;
        // Lucene maps dot product and cosine to (1 + s) / 2; report the similarity itself.
        double score = vectorScores ? 2.0 * sd.score - 1.0 : sd.score;
        hits.add(
            new ScoredChunk(
                idOf(leaf, FIELD_CHUNK, doc), idOf(leaf, FIELD_DOC, doc), score));
      }
      return hits;
    } catch (IOException | IllegalStateException e) {
      throw failure("cannot search the index", e);
    } finally {
      release(searcher);
    }
  }

  /** An id from doc values: a few bytes, where a stored field would decompress a whole block. */
  private static String idOf(LeafReaderContext leaf, String field, int doc) throws IOException {
    BinaryDocValues values = DocValues.getBinary(leaf.reader(), field);
    if (!values.advanceExact(doc)) {
      throw new CorruptIndexException("document " + doc + " has no " + field, leaf.reader().toString());
    }
    return values.binaryValue().utf8ToString();
  }

  @Override
  public IndexSnapshot snapshot() {
    ensureOpen();
    SnapshotDeletionPolicy policy =
        (SnapshotDeletionPolicy) writer.getConfig().getIndexDeletionPolicy();
    try {
      IndexCommit commit = policy.snapshot();
      List<String> files = new ArrayList<>(commit.getFileNames());
      String segments = commit.getSegmentsFileName();
      files.remove(segments);
      java.util.Collections.sort(files);
      files.add(segments); // copied last: a copy cut short has no commit point
      String recorded = commit.getUserData().get(CommitInfo.KEY_SEQUENCE);
      long sequence = recorded == null ? 0 : Long.parseLong(recorded);
      AtomicBoolean released = new AtomicBoolean();
      return new IndexSnapshot() {
        @Override
        public long sequence() {
          return sequence;
        }

        @Override
        public Path directory() {
          return path;
        }

        @Override
        public List<String> files() {
          return List.copyOf(files);
        }

        @Override
        public void close() {
          if (!released.compareAndSet(false, true)) {
            return;
          }
          try {
            policy.release(commit);
            if (!closed.get()) {
              writer.deleteUnusedFiles();
            }
          } catch (IOException | RuntimeException e) {
            throw translate("cannot release the snapshot of " + path, path, e);
          }
        }
      };
    } catch (IOException | RuntimeException e) {
      throw translate("cannot hold the last commit of " + path, path, e);
    }
  }

  @Override
  public void expungeDeletes() {
    ensureOpen();
    try {
      writer.forceMergeDeletes(true);
      writeGeneration.incrementAndGet();
    } catch (IOException | IllegalStateException e) {
      throw failure("cannot rewrite the segments of " + path, e);
    }
  }

  @Override
  public int chunkCount() {
    ensureOpen();
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      release(searcher);
    }
  }

  private IndexSearcher acquire() {
    long target = writeGeneration.get();
    try {
      if (searchableGeneration < target) {
        synchronized (refreshLock) {
          if (searchableGeneration < target) {
            long upTo = writeGeneration.get();
            refreshOffThisThread();
            searchableGeneration = upTo;
          }
        }
      }
      return searchers.acquire();
    } catch (IOException | IllegalStateException e) {
      throw failure("cannot refresh the index reader", e);
    }
  }

  private static ThreadPoolExecutor refresher() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            Thread.ofPlatform().name("solo-index-refresh").daemon().factory());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Refreshes the searchers on the refresher thread and waits for it, interrupts or not (a refresh
   * takes milliseconds); an interrupt received meanwhile is set again on this thread afterwards.
   */
  private void refreshOffThisThread() throws IOException {
    Future<?> done;
    try {
      done = refresher.submit(() -> {
        searchers.maybeRefreshBlocking();
        return null;
      });
    } catch (RejectedExecutionException e) {
      throw new org.apache.lucene.store.AlreadyClosedException("the index is closed", e);
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          done.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          switch (e.getCause()) {
            case IOException io -> throw io;
            case RuntimeException r -> throw r;
            case Error err -> throw err;
            default -> throw new IOException(e.getCause());
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw translate("cannot release an index reader", path, e);
    }
  }

  private void checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
  }

  private void checkVector(float[] vector, boolean indexing) {
    VectorChecks.check(vector, settings.dimension(), settings.similarity(), indexing);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IndexClosedException("the index at " + path + " is closed");
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    IndexException failure = null;
    refresher.shutdown(); // a refresh in flight finishes first: searchers.close() waits for it
    for (AutoCloseable c : new AutoCloseable[] {searchers, writer, analyzer, directory}) {
      try {
        c.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IndexException("cannot close the index at " + path, path, e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "LuceneChunkIndex[" + path + ", " + settings + "]";
  }
}
