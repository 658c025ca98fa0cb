package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.Auditor;
import dev.solosuccess.engine.internal.BoundClient;
import dev.solosuccess.engine.internal.EngineParts;
import dev.solosuccess.engine.internal.security.AuthThrottle;
import dev.solosuccess.engine.internal.security.Caller;
import dev.solosuccess.engine.internal.security.Permission;
import dev.solosuccess.engine.internal.security.Security;
import dev.solosuccess.sdk.AccessDeniedException;
import dev.solosuccess.sdk.Principal;
import dev.solosuccess.sdk.UserService;
import dev.solosuccess.engine.internal.DataDirLock;
import dev.solosuccess.engine.internal.EngineWriter;
import dev.solosuccess.engine.internal.IndexSync;
import dev.solosuccess.engine.internal.Indexes;
import dev.solosuccess.engine.internal.ModelChoice;
import dev.solosuccess.engine.internal.Reindexer;
import dev.solosuccess.engine.internal.Lifecycle;
import dev.solosuccess.engine.internal.chunk.Chunker;
import dev.solosuccess.engine.internal.crypto.FileSeal;
import dev.solosuccess.engine.internal.crypto.KeyRing;
import dev.solosuccess.engine.internal.classify.Classifiers;
import dev.solosuccess.engine.internal.parse.Parsers;
import dev.solosuccess.engine.internal.parse.TikaFormats;
import dev.solosuccess.engine.internal.ingest.BatchIngestor;
import dev.solosuccess.engine.internal.ingest.Ingestor;
import dev.solosuccess.engine.internal.phi.Deidentifier;
import dev.solosuccess.engine.internal.phi.PhiIngest;
import dev.solosuccess.engine.internal.model.CachingEmbeddingModel;
import dev.solosuccess.engine.internal.model.EmbeddingModel;
import dev.solosuccess.engine.internal.model.ModelLoader;
import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.engine.internal.model.NativeRuntime;
import dev.solosuccess.engine.internal.model.VectorCache;
import dev.solosuccess.engine.internal.search.Fusion;
import dev.solosuccess.engine.internal.search.SearchExecutor;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.index.ChunkIndex;
import dev.solosuccess.index.IndexEncryption;
import dev.solosuccess.index.IndexException;
import dev.solosuccess.sdk.AuditService;
import dev.solosuccess.sdk.DocumentService;
import dev.solosuccess.sdk.InferenceService;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.SearchService;
import dev.solosuccess.sdk.SoloClient;
import dev.solosuccess.sdk.SoloException;
import dev.solosuccess.sdk.StorageException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-process engine: a {@link SoloClient} on a data folder, with the H2 store as the system of
 * record, a Lucene index derived from it, and a local ONNX embedding model.
 *
 * <p>Opening replays into the index any change the store has and the index lacks (after a crash),
 * and rebuilds the index from the store when it is missing, damaged or of another format. One
 * engine at a time may open a data folder. Nothing is downloaded or contacted over the network:
 * models ship on the class path, and DJL is switched to offline mode before it loads.
 *
 * <p>Access control: an engine opened on a data folder without principals acts as one local
 * administrator ({@code local-admin}) and logs so once. Once a principal is added ({@link
 * #users()}), the folder's security is configured: the engine's own services refuse with {@link
 * AccessDeniedException} unless {@link EngineConfig#apiKey()} names a principal, and applications
 * bind a client to each principal with {@link #authenticate(String)}.
 *
 * <p>Thread-safe; share one engine. {@link #close()} waits for calls in flight, then releases
 * files, native memory and the folder lock; it is idempotent.
 *
 * <pre>{@code
 * try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(Path.of("solo-data")).build())) {
 *   engine.documents().ingest(IngestRequest.of(Path.of("docs")));
 *   engine.search().search("how many vacation days").hits().forEach(System.out::println);
 * }
 * }</pre>
 */
public final class SoloEngine implements SoloClient {

  private static final System.Logger LOG = System.getLogger(SoloEngine.class.getName());

  private final EngineConfig config;
  private final Lifecycle lifecycle;
  private final Deque<AutoCloseable> resources; // closed in reverse order of opening
  private final EngineParts parts;
  private final BoundClient own; // the engine's own caller
  private final MetadataStore store;
  private final java.util.Optional<KeyRing> keys; // present when the folder is encrypted
  private final IndexSync sync;

  private SoloEngine(
      EngineConfig config,
      Lifecycle lifecycle,
      Deque<AutoCloseable> resources,
      EngineParts parts,
      BoundClient own,
      MetadataStore store,
      java.util.Optional<KeyRing> keys,
      IndexSync sync) {
    this.keys = keys;
    this.sync = sync;
    this.config = config;
    this.lifecycle = lifecycle;
    this.resources = resources;
    this.parts = parts;
    this.own = own;
    this.store = store;
  }

  /** Opens an engine on {@code dataDir} with the default configuration. */
  public static SoloEngine open(Path dataDir) {
    return open(EngineConfig.builder(dataDir).build());
  }

  /**
   * Opens an engine, creating the data folder if needed.
   *
   * @throws StorageException if the folder cannot be used or is open elsewhere
   * @throws dev.solosuccess.sdk.InvalidInputException if the folder was built with another model
   * @throws dev.solosuccess.sdk.ModelException if the model cannot be loaded
   */
  public static SoloEngine open(EngineConfig config) {
    Path dataDir = config.dataDir();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StorageException("cannot create the data folder " + dataDir + ": " + e, dataDir, e);
    }
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      resources.push(DataDirLock.acquire(dataDir));
      NativeRuntime.prepare(config.nativeLibraryDir());
      java.util.Optional<KeyRing> keys = DataKeys.open(config);
      keys.ifPresent(resources::push);
      MetadataStore store =
          MetadataStore.open(dataDir, keys.map(KeyRing::storePassword).orElse(null));
      resources.push(store);
      ModelSpec spec = ModelChoice.forOpen(config, store);
      if (config.chunkMaxTokens() > spec.maxTokens()) {
        throw new InvalidInputException(
            "chunkMaxTokens must be at most " + spec.maxTokens() + " (the input limit of "
                + spec.id() + "), got " + config.chunkMaxTokens());
      }
      // Refused before the (slow) load if the folder has another model; recorded only after it,
      // so that a new folder never records a model that cannot load.
      store.precheckModel(ModelChoice.record(spec));
      EmbeddingModel model =
          ModelLoader.load(spec, config);
      resources.push(model);
      store.checkModel(ModelChoice.record(spec));
      store.dropStaging(); // what a killed re-embedding left
      // Ingest and search embed through the cache; inference().embed runs the model, since its
      // texts are not otherwise kept in the data folder.
      EmbeddingModel cached = model;
      if (config.embeddingCacheEntries() > 0) {
        VectorCache cache = store.vectorCache(config.embeddingCacheEntries());
        resources.push(cache); // closed (its pending writes done) before the store
        cached = new CachingEmbeddingModel(model, cache, config.inferenceListener());
      }
      ChunkIndex index =
          Indexes.open(
              dataDir.resolve("index"),
              Indexes.settings(spec, config),
              keys.map(k -> IndexEncryption.withKey(k.key(KeyRing.INDEX))).orElse(null));
      resources.push(index);

      IndexSync sync = new IndexSync(store, index);
      int replayed = sync.catchUp();
      sync.commit();
      if (replayed > 0) {
        LOG.log(Level.INFO, "index caught up with " + replayed + " documents from the store");
      }

      Lifecycle lifecycle = new Lifecycle("the engine at " + dataDir);
      ReadWriteLock visibility = new ReentrantReadWriteLock();
      EngineWriter writer = new EngineWriter(store, sync, visibility);
      // Stops its thread, after the writes in flight, before the index closes.
      resources.push(writer);
      // The chunker counts a chunk's own word pieces; the model also reads [CLS], [SEP] and the
      // passage prefix (e5's "passage: "), so those come off the budget.
      int chunkBudget = config.chunkMaxTokens() - model.passageOverheadTokens();
      if (config.chunkOverlapTokens() >= chunkBudget / 2) {
        throw new InvalidInputException(
            "chunkOverlapTokens must be less than " + (chunkBudget / 2) + " with " + spec.id()
                + " (half of chunkMaxTokens " + config.chunkMaxTokens() + " less "
                + model.passageOverheadTokens() + " for special tokens and passage prefix), got "
                + config.chunkOverlapTokens());
      }
      Chunker chunker =
          new Chunker(
              config.chunking(), model.tokenization(), chunkBudget, config.chunkOverlapTokens());
      Deidentifier deidentifier = Deidentifier.create();
      Ingestor ingestor =
          new Ingestor(
              store,
              writer,
              cached,
              chunker,
              new Parsers(new TikaFormats()),
              new Ingestor.Limits(
                  config.maxDocumentBytes(),
                  config.maxExtractedChars(),
                  config.parseTimeout(),
                  config.duplicates()),
              PhiIngest.of(config.phiPolicy(), deidentifier, config.phiRedaction()));
      BatchIngestor batch =
          new BatchIngestor(
              ingestor,
              writer,
              dataDir,
              config.parseThreads(),
              config.maxArchiveDepth(),
              config.maxArchiveEntries(),
              config.maxCompressionRatio());
      // PyTorch stays unloaded until a classifier is trained or used.
      Classifiers classifiers =
          new Classifiers(
              dataDir.resolve("classifiers"),
              model,
              keys.map(k -> FileSeal.with(k.key(KeyRing.FILES))).orElse(FileSeal.NONE));
      resources.push(classifiers);
      Security security =
          new Security(
              store.principals(), store.auditLog(), new AuthThrottle(System::currentTimeMillis));
      EmbeddingModel searchModel = cached;
      EngineParts parts =
          new EngineParts(
              lifecycle,
              store,
              ingestor,
              batch,
              writer,
              new SearchExecutor(
                  index,
                  store,
                  searchModel,
                  config.candidateDepth(),
                  config.lexicalScope(),
                  new Fusion(config.fusion(), config.rrfK(), config.semanticWeight()),
                  visibility),
              model,
              classifiers,
              deidentifier,
              cached instanceof CachingEmbeddingModel c
                  ? texts -> c.forget(texts, dev.solosuccess.sdk.EmbeddingKind.PASSAGE)
                  : texts -> 0,
              security,
              dev.solosuccess.engine.internal.answer.AnswerParts.open(
                  config, store, model, deidentifier, resources::push));
      // The engine's own services act as the configured key's principal, or as the local
      // administrator, who is refused once the data folder has principals.
      // A key given for a folder without principals has nothing to match: the folder is not
      // secured, so the local administrator acts (a shell's SOLO_API_KEY must not break a scratch
      // folder).
      Caller caller = Caller.localAdmin(security);
      if (config.apiKey().isPresent()) {
        if (security.configured()) {
          caller = Caller.of(security, security.authenticate(config.apiKey().get()));
        } else {
          LOG.log(Level.WARNING, "an API key was given, but the data folder " + dataDir
              + " has no principals: acting as " + Principal.LOCAL_ADMIN);
        }
      }
      // Closed first: the index is committed (on the writer thread) before it closes.
      resources.push(writer::commitBeforeClose);
      return new SoloEngine(config, lifecycle, resources, parts, parts.bind(caller), store, keys, sync);
    } catch (IndexException e) {
      SoloException failure =
          new StorageException("cannot open the index: " + e.getMessage(), e.directory(), e);
      closeAll(resources, failure);
      throw failure;
    } catch (RuntimeException e) {
      closeAll(resources, e);
      throw e;
    }
  }

  /**
   * Re-embeds the chunks of a data folder with the model {@code config} names, from their stored
   * text (nothing is parsed again), records the new model and rebuilds the search index. Chunks
   * whose vectors the embedding cache holds for the new model are not embedded again.
   *
   * <p>Crash-safe: until its last transaction the data folder keeps the old model, whole; after
   * it, the new one. Killed in between, the data folder opens with one or the other, never a mix,
   * and running this again finishes the job. No engine may have the data folder open meanwhile.
   *
   * <pre>{@code
   * ReindexSummary s = SoloEngine.reindex(
   *     EngineConfig.builder(Path.of("solo-data")).embeddingModel("e5-small-v2-q").build());
   * }</pre>
   *
   * @param config the data folder and the new model ({@link EngineConfig#embeddingModel()} or
   *     {@link EngineConfig#embeddingModelFolder()}; required); its inference settings and cache
   *     apply
   * @return what was done; {@link ReindexSummary#reembedded()} is false if the folder already had
   *     the model
   * @throws InvalidInputException if no model is named or there is no data folder
   * @throws StorageException if the folder is open elsewhere or cannot be written
   * @throws dev.solosuccess.sdk.ModelException if the new model cannot be loaded
   */
  public static ReindexSummary reindex(EngineConfig config) {
    return reindex(config, ReindexListener.NONE);
  }

  /** {@link #reindex(EngineConfig)}, telling {@code listener} how it goes. */
  public static ReindexSummary reindex(EngineConfig config, ReindexListener listener) {
    java.util.Objects.requireNonNull(listener, "listener");
    return Reindexer.run(config, listener, () -> DataKeys.open(config));
  }

  /**
   * Rewraps an encrypted data folder's data keys under {@code newKey}, with the folder closed: the
   * one file {@code keys.json} is replaced atomically, and everything encrypted stays as it is.
   * Afterwards the folder opens with {@code newKey} only.
   *
   * @param config the folder and its current master key
   * @throws InvalidInputException if the folder is not encrypted, or the current key is wrong
   * @throws StorageException if the folder is open elsewhere or the key file cannot be written
   */
  public static void rotateMasterKey(EngineConfig config, MasterKey newKey) {
    java.util.Objects.requireNonNull(newKey, "newKey");
    Path dataDir = config.dataDir();
    if (!KeyRing.present(dataDir)) {
      throw new InvalidInputException(
          "the data folder " + dataDir + " is not encrypted: there is no key to rotate");
    }
    if (config.masterKey().isEmpty()) {
      throw new InvalidInputException(
          "give the current master key to rotate it (EngineConfig.Builder.masterKey)");
    }
    try (DataDirLock lock = DataDirLock.acquire(dataDir);
        KeyRing keys = DataKeys.open(config).orElseThrow()) {
      byte[] fresh = DataKeys.read(newKey);
      try {
        keys.rewrap(dataDir, fresh);
      } finally {
        java.util.Arrays.fill(fresh, (byte) 0);
      }
    }
  }

  /**
   * Backs up the data folder into {@code dest} (new or empty) while the engine keeps working: a
   * transactionally consistent copy of the store (every document acknowledged before the call is
   * in it), the index's last commit (held while it is copied), the key file of an encrypted folder,
   * and a manifest; every file is forced to disk. A restored folder's first open catches the index
   * up from the store.
   *
   * @throws InvalidInputException if {@code dest} is not empty
   * @throws StorageException if the copy cannot be written
   */
  public BackupReceipt backup(Path dest) {
    java.util.Objects.requireNonNull(dest, "dest");
    Auditor auditor = new Auditor(store.auditLog(), own.caller().actor());
    return lifecycle.call(
        () ->
            auditor.call(
                "backup",
                List.of(),
                () -> {
                  own.caller().require(Permission.ADMINISTER);
                  return Backups.backup(
                      store, sync::snapshot, keys, config.dataDir(),
                      dest.toAbsolutePath().normalize());
                },
                r ->
                    Auditor.Entry.none()
                        .with("documents", r.documents())
                        .with("sequence", r.sequence())
                        .with("bytes", r.bytes())));
  }

  /**
   * Restores a backup made by {@link #backup(Path)} into {@code dataDir} (new or empty), after
   * checking the store copy against the manifest's SHA-256. Open it with the master key it was
   * encrypted with, if any; the index is rebuilt on that first open.
   *
   * @throws InvalidInputException if {@code backup} is not a backup, has changed, or {@code
   *     dataDir} is not empty
   */
  public static void restore(Path backup, Path dataDir) {
    Backups.restore(
        java.util.Objects.requireNonNull(backup, "backup"),
        java.util.Objects.requireNonNull(dataDir, "dataDir"),
        null);
  }

  /**
   * Restores a backup into {@code target}'s data folder (new or empty), with its master key: the
   * store copy of an encrypted folder's backup is sealed under a key that the backup's key file
   * wraps under that master key.
   *
   * @throws InvalidInputException if {@code backup} is not a backup, has changed, the master key is
   *     missing or wrong, or the data folder is not empty
   */
  public static void restore(Path backup, EngineConfig target) {
    Backups.restore(
        java.util.Objects.requireNonNull(backup, "backup"),
        target.dataDir(),
        target.masterKey().orElse(null));
  }

  /**
   * Checks a closed data folder: the store opens and is read in full; Lucene's CheckIndex reads
   * every file of the index and compares checksums; the index and the store agree (chunk counts at
   * the same change number, the index never ahead of the store).
   *
   * @throws InvalidInputException if there is no data folder, or its key is missing or wrong
   * @throws StorageException if the folder is open elsewhere or the store cannot be opened
   */
  public static VerifyReport verify(EngineConfig config) {
    return Backups.verify(config);
  }

  /**
   * Re-encrypts a closed, encrypted data folder under fresh data keys, keeping its master key: the
   * store is rewritten under a new store key and the index is rebuilt under a new index key when
   * the folder next opens. Crash-safe: an interrupted run is finished or rolled back by the next
   * open. Every document stays.
   *
   * @param config the folder and its master key
   * @throws InvalidInputException if the folder is not encrypted, or the key is wrong
   */
  public static void reencrypt(EngineConfig config) {
    reencrypt(config, 0);
  }

  static void reencrypt(EngineConfig config, int stopAfter) {
    Path dataDir = config.dataDir();
    if (!KeyRing.present(dataDir) || config.masterKey().isEmpty()) {
      throw new InvalidInputException(
          "re-encryption needs an encrypted data folder and its master key: " + dataDir);
    }
    try (DataDirLock lock = DataDirLock.acquire(dataDir)) {
      DataKeys.reencrypt(config, stopAfter);
    }
  }

  private static void closeAll(Deque<AutoCloseable> resources, Exception primary) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        primary.addSuppressed(e);
      }
    }
  }

  /** The configuration this engine was opened with. */
  public EngineConfig config() {
    return config;
  }

  /**
   * A client acting as the principal of {@code apiKey} on this engine, with that principal's role
   * and access labels; share it for as long as the principal acts. Closing it does nothing (close
   * the engine). The authentication is audited, the key never.
   *
   * <pre>{@code
   * SoloClient alice = engine.authenticate(System.getenv("SOLO_API_KEY"));
   * alice.search().search("discharge summary");
   * }</pre>
   *
   * @throws AccessDeniedException if the key is not valid or was revoked (the message never holds
   *     the key)
   * @throws dev.solosuccess.sdk.LimitExceededException if too many attempts failed lately (see
   *     {@link dev.solosuccess.sdk.LimitExceededException#retryAfter()})
   */
  public SoloClient authenticate(String apiKey) {
    return lifecycle.call(
        () -> parts.bind(Caller.of(parts.security(), parts.security().authenticate(apiKey))));
  }

  /**
   * Whether the data folder's security is configured: it has principals, so that only clients
   * bound to one may call it (and the engine's own services only with {@link
   * EngineConfig#apiKey()}).
   */
  public boolean securityConfigured() {
    return parts.security().configured();
  }

  /**
   * Documents and chunks stored, of every principal, unaudited: for {@link SoloServer}'s metrics
   * gauges, which no caller reads through. Throws {@link dev.solosuccess.sdk.ClosedException} once
   * closed.
   */
  long[] storedCounts() {
    return lifecycle.call(() -> new long[] {store.documentCount(), store.chunkCount()});
  }

  /**
   * Word pieces the embedding model reads for {@code text} as a passage (special tokens and prefix
   * included, truncation applied): the {@code usage} of {@link SoloServer}'s OpenAI-compatible
   * embeddings.
   */
  int passageTokens(String text) {
    return lifecycle.call(
        () -> {
          var model = parts.model();
          int tokens = model.tokenization().countTokens(text) + model.passageOverheadTokens();
          return Math.min(tokens, model.spec().maxTokens());
        });
  }

  /** The engine's own documents: as {@link EngineConfig#apiKey()}'s principal, or local-admin. */
  @Override
  public DocumentService documents() {
    return own.documents();
  }

  @Override
  public SearchService search() {
    return own.search();
  }

  @Override
  public InferenceService inference() {
    return own.inference();
  }

  /**
   * The audit trail: every access through this engine, hash-chained in the store. Without security
   * configured, every entry names the one local administrator ({@code local-admin}).
   */
  @Override
  public AuditService audit() {
    return own.audit();
  }

  /**
   * Principals and API keys. While the data folder has none, the local administrator may add the
   * first one, an admin; afterwards an admin's bound client manages them.
   */
  @Override
  public UserService users() {
    return own.users();
  }

  @Override
  public Principal principal() {
    return own.principal();
  }

  @Override
  public SoloClient breakGlass(String reason, java.time.Duration ttl) {
    return own.breakGlass(reason, ttl);
  }

  /**
   * Commits the index, then closes the model, index, store and folder lock. Waits for calls in
   * flight; idempotent.
   *
   * @throws StorageException if a part failed to close (all parts are still closed)
   */
  @Override
  public void close() {
    lifecycle.close(
        () -> {
          StorageException failure = null;
          while (!resources.isEmpty()) {
            try {
              resources.pop().close();
            } catch (Exception e) {
              if (failure == null) {
                failure =
                    new StorageException(
                        "closing the engine at " + config.dataDir() + " failed: " + e,
                        config.dataDir(),
                        e);
              } else {
                failure.addSuppressed(e);
              }
            }
          }
          if (failure != null) {
            throw failure;
          }
        });
  }

  @Override
  public String toString() {
    return "SoloEngine[" + config.dataDir() + "]";
  }
}
