package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.model.ModelDescriptor;
import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.RedactionOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a {@link SoloEngine} runs: its data folder, model, chunking, limits and search parameters.
 * Immutable and validated when built; every setting has a default that says why.
 *
 * <pre>{@code
 * EngineConfig config = EngineConfig.builder(Path.of("solo-data"))
 *     .chunkMaxTokens(200)
 *     .chunking(ChunkingStrategy.SECTION)
 *     .maxDocumentBytes(64L << 20)
 *     .parseTimeout(Duration.ofSeconds(20))
 *     .build();
 * }</pre>
 */
public final class EngineConfig {

  /** The built-in embedding model used unless another is chosen. */
  public static final String DEFAULT_EMBEDDING_MODEL = "all-minilm-l6-v2";

  /**
   * The ids of the built-in embedding models, default first: {@code all-minilm-l6-v2} (fp32),
   * {@code all-minilm-l6-v2-q} (the same, int8), {@code bge-small-en-v1.5-q} (int8, [CLS] pooling,
   * an instruction before queries) and {@code e5-small-v2-q} (int8, {@code "query: "} and {@code
   * "passage: "} prefixes). All give 384-dimensional unit vectors.
   */
  public static List<String> builtInModels() {
    return ModelSpec.BUILT_IN.stream().map(ModelSpec::id).toList();
  }

  /**
   * Word pieces per chunk, special tokens included: 128, the sequence length all-MiniLM-L6-v2 was
   * trained on (its input limit, 256, is the upper bound). On the example corpus, 128-token chunks
   * ranked the right document first for 20 of 20 hybrid questions, 256-token chunks for 18. On
   * BEIR SciFact's train queries (nDCG@10, all-MiniLM-L6-v2): vector search 0.684 with 128, 0.673
   * with 256; bge-small-en-v1.5-q gains from whole abstracts (0.738 with 128, 0.744 with 512), too
   * little to give up the example corpus's answers.
   */
  public static final int DEFAULT_CHUNK_MAX_TOKENS = 128;

  /**
   * Word pieces shared by consecutive chunks: a short sentence, so a fact cut at a chunk boundary is
   * still whole in one of the two. Measured better than 32 with 128-token chunks.
   */
  public static final int DEFAULT_CHUNK_OVERLAP_TOKENS = 16;

  /**
   * Largest file accepted (32 MiB): far above any text or office document, small enough that one
   * file cannot take a batch's memory and hours of embedding.
   */
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 32L << 20;

  /**
   * Chunks each retriever hands to fusion and grouping: deep enough that a document ranked well by
   * one retriever is seen by the other, cheap enough for interactive search. A search for {@code n}
   * documents fetches at least {@code 4n} chunks (and as many documents with {@link
   * LexicalScope#DOCUMENT}). Searches for 10 documents on SciFact's train queries (hybrid,
   * all-MiniLM-L6-v2) scored nDCG@10 0.729, 0.735 and 0.738 with depths 40, 100 and 400, the last
   * at twice the query time.
   */
  public static final int DEFAULT_CANDIDATE_DEPTH = 100;

  /**
   * Most characters of text one document may yield (10 million, about 4,000 pages): a hostile or
   * absurd file is refused before it takes the heap, and a real one this large is better split.
   */
  public static final long DEFAULT_MAX_EXTRACTED_CHARS = 10_000_000L;

  /**
   * Longest a document's parse may run (60 s): office and PDF parsers finish real files in well
   * under a second per megabyte, so a parse this slow is looping on a broken or hostile file.
   */
  public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Archives inside archives that are opened (3): real exports nest one or two levels, zip bombs
   * nest many.
   */
  public static final int DEFAULT_MAX_ARCHIVE_DEPTH = 3;

  /** Entries read from one archive, nested ones included (10,000). */
  public static final int DEFAULT_MAX_ARCHIVE_ENTRIES = 10_000;

  /**
   * Most inflated bytes per compressed byte of an archive entry (100): text and office files
   * compress 3 to 20 times; a zip bomb inflates thousands of times.
   */
  public static final int DEFAULT_MAX_COMPRESSION_RATIO = 100;

  /**
   * Reciprocal rank fusion's k when {@link FusionMethod#RRF} is chosen: 10. On SciFact's train
   * queries hybrid nDCG@10 was 0.729 with k = 10, 0.724 with 30 and 0.722 with 60 (the original
   * paper's value) for all-MiniLM-L6-v2, and 0.751, 0.748, 0.746 for bge-small-en-v1.5-q.
   */
  public static final int DEFAULT_RRF_K = 10;

  /**
   * Hybrid search fuses by convex combination: on SciFact's train queries it scored hybrid nDCG@10
   * 0.740 (all-MiniLM-L6-v2) and 0.751 (bge-small-en-v1.5-q) at the default weight, against 0.729
   * and 0.751 for reciprocal rank fusion at its best k; both answer the example corpus's questions.
   * Reciprocal rank fusion needs no weight, which makes it the safer choice for a model whose
   * scores were never measured.
   */
  public static final FusionMethod DEFAULT_FUSION = FusionMethod.CONVEX;

  /**
   * The vector ranking's weight in {@link FusionMethod#CONVEX} fusion: 0.7. On SciFact's train
   * queries (hybrid nDCG@10) all-MiniLM-L6-v2 peaked near 0.6 (0.737, 0.741, 0.742, 0.740, 0.733
   * for 0.4 to 0.8), while bge-small-en-v1.5-q, whose cosines crowd near its best one, kept rising
   * (0.719, 0.728, 0.738, 0.751, 0.757, 0.767 for 0.4 to 0.9): 0.7 is the best single weight for
   * both; with bge alone, 0.9 is better.
   */
  public static final double DEFAULT_SEMANTIC_WEIGHT = 0.7;

  /**
   * What BM25 scores when search ranks documents: whole documents. On BEIR SciFact's train queries
   * BM25 reached nDCG@10 0.698 on whole documents against 0.664 on their 128-token chunks (a
   * document ranked by its best chunk) and 0.692 on 256-token chunks; whole-document BM25 with
   * these k1 and b is what the published BM25 baselines run (Anserini's 0.679 on the test queries,
   * which this reproduces). The example corpus's questions are answered either way.
   */
  public static final LexicalScope DEFAULT_LEXICAL_SCOPE = LexicalScope.DOCUMENT;

  /**
   * BM25 k1 of the Anserini BEIR baselines (Lucene's default is 1.2). On SciFact's train queries,
   * whole-document BM25 stayed within 0.003 nDCG@10 for k1 from 0.7 to 1.2 and b from 0.3 to 0.75;
   * these values are the field's reference.
   */
  public static final float DEFAULT_BM25_K1 = 0.9f;

  /**
   * BM25 b of the Anserini BEIR baselines (Lucene's default is 0.75); see {@link
   * #DEFAULT_BM25_K1}.
   */
  public static final float DEFAULT_BM25_B = 0.4f;

  /**
   * English analysis with Porter stemming and stop words, as the published BM25 baselines use it.
   * Measured on BEIR SciFact's train queries (whole-document BM25, k1 0.9, b 0.4); see the README's
   * "Search quality".
   */
  public static final TextAnalyzer DEFAULT_TEXT_ANALYZER = TextAnalyzer.ENGLISH;

  /** Inputs per model run: length-sorted batches of 32 keep both cores busy with little padding. */
  public static final int DEFAULT_EMBEDDING_BATCH_SIZE = 32;

  /**
   * Vectors kept in the embedding cache (100,000): about 160 MB of the data folder at 384
   * dimensions, enough for the chunks of a few thousand documents and every query of a busy day.
   * Embedding a chunk costs about 3 ms of a core; reading it back from the cache, a few
   * microseconds.
   */
  public static final long DEFAULT_EMBEDDING_CACHE_ENTRIES = 100_000;

  /** Sub-folder of the data folder where models named by {@link Builder#embeddingModel(String)} live. */
  public static final String MODELS_FOLDER = "models";

  private final Path dataDir;
  private final String embeddingModel;
  private final Path embeddingModelFolder;
  private final long embeddingCacheEntries;
  private final int chunkMaxTokens;
  private final int chunkOverlapTokens;
  private final long maxDocumentBytes;
  private final int candidateDepth;
  private final int rrfK;
  private final FusionMethod fusion;
  private final LexicalScope lexicalScope;
  private final double semanticWeight;
  private final float bm25K1;
  private final float bm25B;
  private final TextAnalyzer textAnalyzer;
  private final int embeddingBatchSize;
  private final int inferenceThreads;
  private final Path nativeLibraryDir;
  private final ChunkingStrategy chunking;
  private final long maxExtractedChars;
  private final Duration parseTimeout;
  private final int maxArchiveDepth;
  private final int maxArchiveEntries;
  private final int maxCompressionRatio;
  private final DuplicatePolicy duplicates;
  private final int parseThreads;
  private final InferenceListener inferenceListener;
  private final InferenceDevice device;
  private final MasterKey masterKey;
  private final String apiKey;
  private final boolean deterministicEmbeddings;
  private final PhiPolicy phiPolicy;
  private final RedactionOptions phiRedaction;
  private final LlmFallback llmFallback; // null: no fallback (the default)

  private EngineConfig(Builder b) {
    this.dataDir = b.dataDir;
    this.embeddingModel = b.embeddingModel;
    this.embeddingModelFolder = b.resolvedFolder;
    this.embeddingCacheEntries = b.embeddingCacheEntries;
    this.chunkMaxTokens = b.chunkMaxTokens;
    this.chunkOverlapTokens = b.chunkOverlapTokens;
    this.maxDocumentBytes = b.maxDocumentBytes;
    this.candidateDepth = b.candidateDepth;
    this.rrfK = b.rrfK;
    this.fusion = b.fusion;
    this.lexicalScope = b.lexicalScope;
    this.semanticWeight = b.semanticWeight;
    this.bm25K1 = b.bm25K1;
    this.bm25B = b.bm25B;
    this.textAnalyzer = b.textAnalyzer;
    this.embeddingBatchSize = b.embeddingBatchSize;
    this.inferenceThreads = b.inferenceThreads;
    this.nativeLibraryDir =
        b.nativeLibraryDir != null ? b.nativeLibraryDir : b.dataDir.resolve("native");
    this.chunking = b.chunking;
    this.maxExtractedChars = b.maxExtractedChars;
    this.parseTimeout = b.parseTimeout;
    this.maxArchiveDepth = b.maxArchiveDepth;
    this.maxArchiveEntries = b.maxArchiveEntries;
    this.maxCompressionRatio = b.maxCompressionRatio;
    this.duplicates = b.duplicates;
    this.parseThreads = b.parseThreads;
    this.inferenceListener = b.inferenceListener;
    this.device = b.device;
    this.masterKey = b.masterKey;
    this.apiKey = b.apiKey;
    this.deterministicEmbeddings = b.deterministicEmbeddings;
    this.phiPolicy = b.phiPolicy;
    this.phiRedaction = b.phiRedaction;
    this.llmFallback = b.llmFallback;
  }

  /** A builder for the data folder {@code dataDir}, created on open if absent. */
  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** The data folder: store, index and native libraries. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * The embedding model asked for by name: a built-in id, or the name of a model folder under
   * {@code <dataDir>/models/} (then {@link #embeddingModelFolder()} is that folder). Empty when a
   * folder was given by path, or (the default) when none was asked for: then the engine uses the
   * model the data folder was built with, or {@value #DEFAULT_EMBEDDING_MODEL} for a new folder.
   */
  public java.util.Optional<String> embeddingModel() {
    return java.util.Optional.ofNullable(embeddingModel);
  }

  /**
   * The folder of the user model asked for (holding {@code solo-model.json}, the model and its
   * tokenizer); empty for a built-in model or none.
   */
  public java.util.Optional<Path> embeddingModelFolder() {
    return java.util.Optional.ofNullable(embeddingModelFolder);
  }

  /**
   * Most vectors the embedding cache keeps; 0 turns it off. Default {@value
   * #DEFAULT_EMBEDDING_CACHE_ENTRIES}.
   */
  public long embeddingCacheEntries() {
    return embeddingCacheEntries;
  }

  /** The most word pieces per chunk, special tokens included; default {@value #DEFAULT_CHUNK_MAX_TOKENS}. */
  public int chunkMaxTokens() {
    return chunkMaxTokens;
  }

  /** Word pieces shared by consecutive chunks; default {@value #DEFAULT_CHUNK_OVERLAP_TOKENS}. */
  public int chunkOverlapTokens() {
    return chunkOverlapTokens;
  }

  /** The largest document accepted, in bytes; default 32 MiB. */
  public long maxDocumentBytes() {
    return maxDocumentBytes;
  }

  /** Chunks fetched per retriever before fusion; default {@value #DEFAULT_CANDIDATE_DEPTH}. */
  public int candidateDepth() {
    return candidateDepth;
  }

  /** The k of {@link FusionMethod#RRF} fusion; default {@value #DEFAULT_RRF_K}. */
  public int rrfK() {
    return rrfK;
  }

  /** How hybrid search fuses its two rankings; default {@link #DEFAULT_FUSION}. */
  public FusionMethod fusion() {
    return fusion;
  }

  /**
   * The weight of the vector ranking in {@link FusionMethod#CONVEX} fusion (BM25 gets the rest),
   * 0 to 1; default {@value #DEFAULT_SEMANTIC_WEIGHT}.
   */
  public double semanticWeight() {
    return semanticWeight;
  }

  /** What BM25 scores when search ranks documents; default {@link #DEFAULT_LEXICAL_SCOPE}. */
  public LexicalScope lexicalScope() {
    return lexicalScope;
  }

  /** BM25's term-frequency saturation k1; default {@value #DEFAULT_BM25_K1}. */
  public float bm25K1() {
    return bm25K1;
  }

  /**
   * How lexical search cuts text into terms; default {@link #DEFAULT_TEXT_ANALYZER}. Changing it
   * rebuilds the index from the stored chunks when the data folder opens.
   */
  public TextAnalyzer textAnalyzer() {
    return textAnalyzer;
  }

  /** BM25's length normalization b, 0 to 1; default {@value #DEFAULT_BM25_B}. */
  public float bm25B() {
    return bm25B;
  }

  /** Inputs per model run; default {@value #DEFAULT_EMBEDDING_BATCH_SIZE}. */
  public int embeddingBatchSize() {
    return embeddingBatchSize;
  }

  /**
   * Threads that run the model: that many batches at once, each on one ONNX Runtime intra-op
   * thread; default: the number of processors.
   */
  public int inferenceThreads() {
    return inferenceThreads;
  }

  /**
   * Where native libraries (ONNX Runtime, DJL tokenizers, and PyTorch's 430 MB once a classifier
   * is trained or used) are extracted; default {@code
   * <dataDir>/native}. Native libraries load once per JVM, so the first engine's folder wins.
   */
  public Path nativeLibraryDir() {
    return nativeLibraryDir;
  }

  /** How text is cut into chunks; default {@link ChunkingStrategy#SENTENCE}. */
  public ChunkingStrategy chunking() {
    return chunking;
  }

  /** Most characters of text one document may yield; default 10 million. */
  public long maxExtractedChars() {
    return maxExtractedChars;
  }

  /** Longest one document's parse may run before it is abandoned; default 60 s. */
  public Duration parseTimeout() {
    return parseTimeout;
  }

  /** How deep archives inside archives are opened; default {@value #DEFAULT_MAX_ARCHIVE_DEPTH}. */
  public int maxArchiveDepth() {
    return maxArchiveDepth;
  }

  /** Most entries read from one archive; default {@value #DEFAULT_MAX_ARCHIVE_ENTRIES}. */
  public int maxArchiveEntries() {
    return maxArchiveEntries;
  }

  /** Most inflated bytes per compressed byte of an archive entry; default 100. */
  public int maxCompressionRatio() {
    return maxCompressionRatio;
  }

  /** What happens to content already stored under another source; default KEEP. */
  public DuplicatePolicy duplicates() {
    return duplicates;
  }

  /** Threads that parse and chunk a batch in parallel; default: the number of processors. */
  public int parseThreads() {
    return parseThreads;
  }

  /** Told of every model run; default {@link InferenceListener#NONE}. */
  public InferenceListener inferenceListener() {
    return inferenceListener;
  }

  /**
   * The master key of an encrypted data folder; empty (the default) for a folder without
   * encryption. A new folder opened with a key is encrypted: its store (H2) under a random data
   * key, wrapped by this key in {@code keys.json}. A folder created with a key cannot be opened
   * without it, nor with another.
   */
  public java.util.Optional<MasterKey> masterKey() {
    return java.util.Optional.ofNullable(masterKey);
  }

  /**
   * The API key of the principal the engine's own services act as ({@code engine.documents()},
   * {@code search()}, ...); empty (the default) for none: then they act as the local
   * administrator, which only a data folder without principals allows. Where the folder has
   * principals, a wrong or revoked key fails {@link SoloEngine#open(EngineConfig)}; where it has
   * none, the key is ignored (with a warning) and the local administrator acts. Never in {@link
   * #toString()}.
   */
  public java.util.Optional<String> apiKey() {
    return java.util.Optional.ofNullable(apiKey);
  }

  /** Where the embedding model runs; default {@link InferenceDevice#AUTO}. */
  public InferenceDevice device() {
    return device;
  }

  /**
   * Whether a text's vector is independent of the other texts embedded with it; default true.
   *
   * <p>fp32 models always are: padding is masked, and a text alone or in any batch gets the same
   * vector to a cosine of 0.99999. Dynamically quantized int8 models (all {@code -q} built-ins)
   * scale activations by the range of the whole batch, so in a shared batch a text's vector drifts
   * with its neighbours (down to a cosine of 0.975 measured for {@code all-minilm-l6-v2-q}). With
   * this on, such models run each text alone: identical text, identical vector, wherever and
   * whenever it is embedded, which keeps cached vectors, re-ingested chunks and queries exact. On
   * 2 cores this cost about 8% of int8 throughput (benchmarks/README.md); turn it off to trade
   * exactness for that.
   */
  public boolean deterministicEmbeddings() {
    return deterministicEmbeddings;
  }

  /** What ingestion does with protected health information; default {@link PhiPolicy#NONE}. */
  public PhiPolicy phiPolicy() {
    return phiPolicy;
  }

  /**
   * How ingestion redacts under a {@link #phiPolicy()} other than NONE; default {@link
   * RedactionOptions#defaults()} (every type, masked).
   */
  public RedactionOptions phiRedaction() {
    return phiRedaction;
  }

  /**
   * The chat model that {@code inference().answer} may ask, under its egress policy; empty (the
   * default) when answers stay local and nothing is sent anywhere.
   */
  public java.util.Optional<LlmFallback> llmFallback() {
    return java.util.Optional.ofNullable(llmFallback);
  }

  @Override
  public String toString() {
    return "EngineConfig[dataDir=" + dataDir + ", embeddingModel=" + embeddingModel
        + ", embeddingModelFolder=" + embeddingModelFolder
        + ", embeddingCacheEntries=" + embeddingCacheEntries
        + ", chunkMaxTokens=" + chunkMaxTokens + ", chunkOverlapTokens=" + chunkOverlapTokens
        + ", maxDocumentBytes=" + maxDocumentBytes + ", candidateDepth=" + candidateDepth
        + ", rrfK=" + rrfK + ", fusion=" + fusion + ", semanticWeight=" + semanticWeight
        + ", lexicalScope=" + lexicalScope + ", bm25K1=" + bm25K1 + ", bm25B=" + bm25B
        + ", textAnalyzer=" + textAnalyzer
        + ", embeddingBatchSize=" + embeddingBatchSize
        + ", inferenceThreads=" + inferenceThreads + ", nativeLibraryDir=" + nativeLibraryDir
        + ", chunking=" + chunking + ", maxExtractedChars=" + maxExtractedChars
        + ", parseTimeout=" + parseTimeout + ", maxArchiveDepth=" + maxArchiveDepth
        + ", maxArchiveEntries=" + maxArchiveEntries + ", maxCompressionRatio="
        + maxCompressionRatio + ", duplicates=" + duplicates + ", parseThreads=" + parseThreads
        + ", device=" + device + ", deterministicEmbeddings=" + deterministicEmbeddings
        + ", phiPolicy=" + phiPolicy + ", phiRedaction=" + phiRedaction
        + ", llmFallback=" + (llmFallback == null ? "none" : llmFallback)
        + ", masterKey=" + (masterKey == null ? "none" : masterKey)
        + ", apiKey=" + (apiKey == null ? "none" : "(set)") + "]";
  }

  /** Builds an {@link EngineConfig}; validates in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final Path dataDir;
    private String embeddingModel; // null: a folder, the data folder's own, or the default
    private Path embeddingModelFolder; // a user model's folder, given by path
    private Path resolvedFolder; // set by build(): the folder given, or <data>/models/<name>
    private long embeddingCacheEntries = DEFAULT_EMBEDDING_CACHE_ENTRIES;
    private int chunkMaxTokens = DEFAULT_CHUNK_MAX_TOKENS;
    private int chunkOverlapTokens = DEFAULT_CHUNK_OVERLAP_TOKENS;
    private long maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
    private int candidateDepth = DEFAULT_CANDIDATE_DEPTH;
    private int rrfK = DEFAULT_RRF_K;
    private FusionMethod fusion = DEFAULT_FUSION;
    private LexicalScope lexicalScope = DEFAULT_LEXICAL_SCOPE;
    private double semanticWeight = DEFAULT_SEMANTIC_WEIGHT;
    private float bm25K1 = DEFAULT_BM25_K1;
    private float bm25B = DEFAULT_BM25_B;
    private TextAnalyzer textAnalyzer = DEFAULT_TEXT_ANALYZER;
    private int embeddingBatchSize = DEFAULT_EMBEDDING_BATCH_SIZE;
    private int inferenceThreads = Runtime.getRuntime().availableProcessors();
    private Path nativeLibraryDir;
    private ChunkingStrategy chunking = ChunkingStrategy.SENTENCE;
    private long maxExtractedChars = DEFAULT_MAX_EXTRACTED_CHARS;
    private Duration parseTimeout = DEFAULT_PARSE_TIMEOUT;
    private int maxArchiveDepth = DEFAULT_MAX_ARCHIVE_DEPTH;
    private int maxArchiveEntries = DEFAULT_MAX_ARCHIVE_ENTRIES;
    private int maxCompressionRatio = DEFAULT_MAX_COMPRESSION_RATIO;
    private DuplicatePolicy duplicates = DuplicatePolicy.KEEP;
    private int parseThreads = Runtime.getRuntime().availableProcessors();
    private InferenceListener inferenceListener = InferenceListener.NONE;
    private InferenceDevice device = InferenceDevice.AUTO;
    private MasterKey masterKey;
    private String apiKey;
    private boolean deterministicEmbeddings = true;
    private PhiPolicy phiPolicy = PhiPolicy.NONE;
    private RedactionOptions phiRedaction = RedactionOptions.defaults();
    private LlmFallback llmFallback;

    private Builder(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
    }

    /**
     * The embedding model by name: one of {@link #builtInModels()}, or the name of a model folder
     * in {@code <dataDir>/models/<name>/}. A data folder keeps the model it was built with; opening
     * it with another is refused ({@link SoloEngine#reindex} re-embeds it). Without this setting the
     * engine uses the data folder's model, or {@value #DEFAULT_EMBEDDING_MODEL} for a new folder.
     * Replaces an earlier {@link #embeddingModel(Path)}.
     */
    public Builder embeddingModel(String id) {
      this.embeddingModel = Objects.requireNonNull(id, "id");
      this.embeddingModelFolder = null;
      return this;
    }

    /**
     * A user model: a folder holding {@code solo-model.json} (id, format, dimension, maxTokens,
     * pooling, prefixes, and the SHA-256 of each file), the model ({@code model.onnx}) and {@code
     * tokenizer.json}. Files that differ from their pinned hashes are refused when the engine
     * opens. The data folder records the model's id and hashes, and finds the folder again when no
     * model is named. Replaces an earlier {@link #embeddingModel(String)}.
     */
    public Builder embeddingModel(Path folder) {
      this.embeddingModelFolder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
      this.embeddingModel = null;
      return this;
    }

    /**
     * Most vectors the embedding cache keeps in the data folder, of all models together; past it
     * the least recently used are dropped. 0 turns the cache off. Default {@value
     * #DEFAULT_EMBEDDING_CACHE_ENTRIES}.
     */
    public Builder embeddingCacheEntries(long entries) {
      this.embeddingCacheEntries = entries;
      return this;
    }

    public Builder chunkMaxTokens(int tokens) {
      this.chunkMaxTokens = tokens;
      return this;
    }

    public Builder chunkOverlapTokens(int tokens) {
      this.chunkOverlapTokens = tokens;
      return this;
    }

    public Builder maxDocumentBytes(long bytes) {
      this.maxDocumentBytes = bytes;
      return this;
    }

    public Builder candidateDepth(int depth) {
      this.candidateDepth = depth;
      return this;
    }

    public Builder rrfK(int k) {
      this.rrfK = k;
      return this;
    }

    /** See {@link EngineConfig#fusion()}. */
    public Builder fusion(FusionMethod method) {
      this.fusion = Objects.requireNonNull(method, "method");
      return this;
    }

    /** See {@link EngineConfig#semanticWeight()}. */
    public Builder semanticWeight(double weight) {
      this.semanticWeight = weight;
      return this;
    }

    /** See {@link EngineConfig#lexicalScope()}. */
    public Builder lexicalScope(LexicalScope scope) {
      this.lexicalScope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /** See {@link EngineConfig#bm25K1()}. */
    public Builder bm25K1(float k1) {
      this.bm25K1 = k1;
      return this;
    }

    /** See {@link EngineConfig#bm25B()}. */
    public Builder bm25B(float b) {
      this.bm25B = b;
      return this;
    }

    /** See {@link EngineConfig#textAnalyzer()}. */
    public Builder textAnalyzer(TextAnalyzer analyzer) {
      this.textAnalyzer = Objects.requireNonNull(analyzer, "analyzer");
      return this;
    }

    public Builder embeddingBatchSize(int size) {
      this.embeddingBatchSize = size;
      return this;
    }

    public Builder inferenceThreads(int threads) {
      this.inferenceThreads = threads;
      return this;
    }

    public Builder nativeLibraryDir(Path dir) {
      this.nativeLibraryDir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
      return this;
    }

    public Builder chunking(ChunkingStrategy strategy) {
      this.chunking = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    public Builder maxExtractedChars(long chars) {
      this.maxExtractedChars = chars;
      return this;
    }

    public Builder parseTimeout(Duration timeout) {
      this.parseTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public Builder maxArchiveDepth(int depth) {
      this.maxArchiveDepth = depth;
      return this;
    }

    public Builder maxArchiveEntries(int entries) {
      this.maxArchiveEntries = entries;
      return this;
    }

    public Builder maxCompressionRatio(int ratio) {
      this.maxCompressionRatio = ratio;
      return this;
    }

    public Builder duplicates(DuplicatePolicy policy) {
      this.duplicates = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The master key of an encrypted data folder; see {@link EngineConfig#masterKey()}. */
    public Builder masterKey(MasterKey key) {
      this.masterKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /** The API key the engine's own services act with; see {@link EngineConfig#apiKey()}. */
    public Builder apiKey(String apiKey) {
      Objects.requireNonNull(apiKey, "apiKey");
      if (apiKey.isBlank()) {
        throw new dev.solosuccess.sdk.InvalidInputException("apiKey must not be blank");
      }
      this.apiKey = apiKey.strip();
      return this;
    }

    /** Where the embedding model runs; see {@link EngineConfig#device()}. */
    public Builder device(InferenceDevice device) {
      this.device = Objects.requireNonNull(device, "device");
      return this;
    }

    /** See {@link EngineConfig#deterministicEmbeddings()}. */
    public Builder deterministicEmbeddings(boolean deterministic) {
      this.deterministicEmbeddings = deterministic;
      return this;
    }

    /** See {@link EngineConfig#phiPolicy()} and {@link PhiPolicy}. */
    public Builder phiPolicy(PhiPolicy policy) {
      this.phiPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The mode, types and key of ingestion's redaction; see {@link EngineConfig#phiRedaction()}.
     * The options' key (for {@link dev.solosuccess.sdk.RedactionMode#HASH}) never appears in
     * {@link EngineConfig#toString()}.
     */
    public Builder phiRedaction(RedactionOptions options) {
      this.phiRedaction = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Lets {@code inference().answer} ask a chat model (OpenAI-compatible) when the local answer
     * is unsure or generation is asked for. Off by default; {@link LlmFallback} carries the egress
     * policy that must allow its host. Null turns it off again.
     */
    public Builder llmFallback(LlmFallback fallback) {
      this.llmFallback = fallback;
      return this;
    }

    public Builder inferenceListener(InferenceListener listener) {
      this.inferenceListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Builder parseThreads(int threads) {
      this.parseThreads = threads;
      return this;
    }

    /**
     * @throws InvalidInputException naming the first invalid setting
     */
    public EngineConfig build() {
      resolvedFolder = embeddingModelFolder;
      ModelSpec model = null;
      if (embeddingModel != null) {
        model = ModelSpec.builtIn(embeddingModel).orElse(null);
        if (model == null) {
          Path named = dataDir.resolve(MODELS_FOLDER).resolve(embeddingModel).normalize();
          if (named.getParent().equals(dataDir.resolve(MODELS_FOLDER))
              && ModelDescriptor.isModelFolder(named)) {
            resolvedFolder = named;
          } else {
            throw new InvalidInputException(
                "embeddingModel must be one of "
                    + ModelSpec.BUILT_IN.stream()
                        .map(ModelSpec::id)
                        .collect(Collectors.joining(", "))
                    + ", or the name of a model folder in " + dataDir.resolve(MODELS_FOLDER)
                    + ", got '" + embeddingModel + "' (a model folder elsewhere is given by its"
                    + " path)");
          }
        }
      }
      if (resolvedFolder != null) {
        model = ModelDescriptor.read(resolvedFolder); // its files are checked when the engine opens
      }
      // Without a model named, the data folder's decides; SoloEngine.open checks against it.
      int inputLimit =
          model != null
              ? model.maxTokens()
              : ModelSpec.BUILT_IN.stream().mapToInt(ModelSpec::maxTokens).max().orElseThrow();
      if (chunkMaxTokens < 16 || chunkMaxTokens > inputLimit) {
        throw new InvalidInputException(
            "chunkMaxTokens must be in 16.." + inputLimit + " (the input limit of "
                + (model != null ? model.id() : "the largest built-in model") + "), got "
                + chunkMaxTokens);
      }
      if (chunkOverlapTokens < 0 || chunkOverlapTokens >= (chunkMaxTokens - 2) / 2) {
        throw new InvalidInputException(
            "chunkOverlapTokens must be in 0.." + ((chunkMaxTokens - 2) / 2 - 1)
                + " (less than half a chunk), got " + chunkOverlapTokens);
      }
      if (maxDocumentBytes < 1) {
        throw new InvalidInputException("maxDocumentBytes must be >= 1, got " + maxDocumentBytes);
      }
      if (candidateDepth < 1 || candidateDepth > 10_000) {
        throw new InvalidInputException(
            "candidateDepth must be in 1..10000, got " + candidateDepth);
      }
      if (rrfK < 1) {
        throw new InvalidInputException("rrfK must be >= 1, got " + rrfK);
      }
      if (!(semanticWeight >= 0 && semanticWeight <= 1)) {
        throw new InvalidInputException("semanticWeight must be in 0..1, got " + semanticWeight);
      }
      if (!(bm25K1 >= 0) || Float.isInfinite(bm25K1)) {
        throw new InvalidInputException("bm25K1 must be a finite number >= 0, got " + bm25K1);
      }
      if (!(bm25B >= 0 && bm25B <= 1)) {
        throw new InvalidInputException("bm25B must be in 0..1, got " + bm25B);
      }
      if (embeddingBatchSize < 1 || embeddingBatchSize > 1024) {
        throw new InvalidInputException(
            "embeddingBatchSize must be in 1..1024, got " + embeddingBatchSize);
      }
      if (inferenceThreads < 1) {
        throw new InvalidInputException(
            "inferenceThreads must be >= 1, got " + inferenceThreads);
      }
      if (maxExtractedChars < 1) {
        throw new InvalidInputException(
            "maxExtractedChars must be >= 1, got " + maxExtractedChars);
      }
      if (parseTimeout.isNegative() || parseTimeout.isZero()) {
        throw new InvalidInputException("parseTimeout must be positive, got " + parseTimeout);
      }
      if (maxArchiveDepth < 0 || maxArchiveDepth > 100) {
        throw new InvalidInputException(
            "maxArchiveDepth must be in 0..100 (0: archives are not opened), got "
                + maxArchiveDepth);
      }
      if (maxArchiveEntries < 1) {
        throw new InvalidInputException(
            "maxArchiveEntries must be >= 1, got " + maxArchiveEntries);
      }
      if (maxCompressionRatio < 1) {
        throw new InvalidInputException(
            "maxCompressionRatio must be >= 1, got " + maxCompressionRatio);
      }
      if (embeddingCacheEntries < 0) {
        throw new InvalidInputException(
            "embeddingCacheEntries must be >= 0 (0 turns the cache off), got "
                + embeddingCacheEntries);
      }
      if (parseThreads < 1 || parseThreads > 256) {
        throw new InvalidInputException("parseThreads must be in 1..256, got " + parseThreads);
      }
      return new EngineConfig(this);
    }
  }
}
