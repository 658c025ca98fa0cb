package dev.solosuccess.engine.internal.ingest;

import dev.solosuccess.engine.DuplicatePolicy;
import dev.solosuccess.engine.internal.EngineWriter;
import dev.solosuccess.engine.internal.chunk.ChunkSpan;
import dev.solosuccess.engine.internal.chunk.Chunker;
import dev.solosuccess.engine.internal.model.EmbeddingModel;
import dev.solosuccess.engine.internal.parse.ExtractedText;
import dev.solosuccess.engine.internal.parse.Formats;
import dev.solosuccess.engine.internal.parse.ParseGuard;
import dev.solosuccess.engine.internal.parse.Parsers;
import dev.solosuccess.engine.internal.phi.PhiIngest;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.engine.internal.store.NewChunk;
import dev.solosuccess.engine.internal.store.NewDocument;
import dev.solosuccess.engine.internal.store.StoredChunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.IngestStage;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LimitExceededException;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.MetadataValue;
import dev.solosuccess.engine.internal.parse.DocInfo;
import java.time.temporal.ChronoUnit;
import dev.solosuccess.sdk.Provenance;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One document from source to store, in stages that a batch can run on different threads: {@link
 * #read} and {@link #admit} (is there anything to do?), {@link #prepare} (parse and chunk, bounded
 * by the limits), then embedding (batched by the caller, across documents) and {@link #store}.
 * {@link #ingest(DocumentSource)} runs them all for one document. Thread-safe.
 */
public final class Ingestor {

  private final MetadataStore store;
  private final EngineWriter writer;
  private final EmbeddingModel model;
  private final Chunker chunker;
  private final Parsers parsers;
  private final Limits limits;
  private final PhiIngest phi;

  /**
   * The per-document limits.
   *
   * @param maxDocumentBytes largest input
   * @param maxExtractedChars most characters of text
   * @param parseTimeout longest parse
   * @param duplicates what to do with content stored under another source
   */
  public record Limits(
      long maxDocumentBytes,
      long maxExtractedChars,
      Duration parseTimeout,
      DuplicatePolicy duplicates) {}

  public Ingestor(
      MetadataStore store,
      EngineWriter writer,
      EmbeddingModel model,
      Chunker chunker,
      Parsers parsers,
      Limits limits,
      PhiIngest phi) {
    this.phi = phi;
    this.store = store;
    this.writer = writer;
    this.model = model;
    this.chunker = chunker;
    this.parsers = parsers;
    this.limits = limits;
  }

  /** What ingesting one source did. */
  public enum Status {
    STORED,
    UNCHANGED,
    /** Content already stored under another source; see {@link Outcome#original()}. */
    DUPLICATE_KEPT,
    DUPLICATE_SKIPPED
  }

  /**
   * The document as stored, and whether this call changed it.
   *
   * @param document the stored document (for a skipped duplicate: the original)
   * @param original for duplicates, the document that already held the content
   */
  public record Outcome(Document document, Status status, Document original) {}

  /** The first look at a source: what, if anything, must be done. */
  public sealed interface Admission {}

  /** Stored already with this content and metadata: nothing to do. */
  public record Unchanged(Document document) implements Admission {}

  /** Stored already with this content, but the metadata changed. */
  public record MetadataChanged(String id, Metadata metadata) implements Admission {}

  /** Content stored under another source. */
  public record Duplicate(String id, String source, Metadata metadata, Document original)
      implements Admission {}

  /** New or changed content: parse, chunk, embed, store. */
  public record Fresh(
      String id, String source, String sha256, Formats.Format format, byte[] content,
      Metadata metadata) implements Admission {}

  /** A parsed and chunked document, ready for the model. */
  public record Prepared(Fresh fresh, ExtractedText text, List<ChunkSpan> spans,
      List<String> chunkTexts) {}

  /** One document, all stages. */
  public Outcome ingest(DocumentSource source, IngestScope scope) {
    IngestStats stats = new IngestStats();
    byte[] content = stats.time(IngestStage.READ, () -> read(source));
    Admission admission = stats.time(IngestStage.READ, () -> admit(source, content, scope));
    return switch (admission) {
      case Unchanged u -> new Outcome(u.document(), Status.UNCHANGED, null);
      case MetadataChanged m ->
          new Outcome(
              writer.replaceMetadata(m.id(), m.metadata(), scope.labels()), Status.STORED, null);
      case Duplicate d -> storeDuplicate(d, stats, scope);
      case Fresh f -> {
        if (f.format().reader() == Formats.Reader.ARCHIVE) {
          throw new InvalidInputException(
              source.name() + " is a ZIP archive, which holds many documents: ingest it with an"
                  + " IngestRequest (solo ingest), which stores each entry as a document",
              source.name(), null);
        }
        Prepared p = prepare(f, stats);
        float[][] vectors = embed(List.of(p), stats).get(0);
        yield new Outcome(store(p, vectors, stats, scope), Status.STORED, null);
      }
    };
  }

  /** The bytes of a source, refusing files over the size limit before reading them. */
  public byte[] read(DocumentSource source) {
    byte[] content =
        source.content().orElseGet(() -> readFile(source.path().orElseThrow(), source.name()));
    checkSize(source.name(), content);
    return content;
  }

  /**
   * Decides what ingesting {@code source} with this content (from {@link #read}, which checked its
   * size) means: nothing (unchanged), a metadata update, a duplicate of another document, or a
   * fresh parse. New labels on unchanged content are a metadata update.
   *
   * @throws dev.solosuccess.sdk.UnsupportedFormatException for a format the engine cannot read
   * @throws dev.solosuccess.sdk.AccessDeniedException if the id is held by a document the caller
   *     cannot see (it is never replaced)
   */
  public Admission admit(DocumentSource source, byte[] content, IngestScope scope) {
    String name = source.name();
    String sha256 = DocumentIds.sha256(content);
    String id = source.id().orElseGet(() -> DocumentIds.fromSource(name));
    Optional<Document> existing = store.document(id);
    if (existing.isPresent()) {
      if (!scope.mayReplace().test(id)) {
        throw new dev.solosuccess.sdk.AccessDeniedException(
            "document id " + id + " of " + name + " is held by a document outside your access"
                + " labels; give the document another id");
      }
      Document old = existing.get();
      if (source.id().isEmpty() && !old.source().equals(name)) {
        throw new InvalidInputException(
            "derived document id " + id + " of " + name + " collides with " + old.source()
                + "; give one of them an explicit id",
            name,
            null);
      }
      if (old.sha256().equals(sha256) && old.source().equals(name)) {
        return old.metadata().equals(source.metadata())
                && store.labels(id).equals(scope.labels())
            ? new Unchanged(old)
            : new MetadataChanged(id, source.metadata());
      }
    }
    Optional<Document> original = originalOf(sha256, id, scope);
    if (original.isPresent()) {
      return new Duplicate(id, name, source.metadata(), original.get());
    }
    Formats.Format format =
        Formats.detect(source.mediaType().orElse(null), name, content, parsers.tika());
    return new Fresh(id, name, sha256, format, content, source.metadata());
  }

  /**
   * Another document holding this content, if any, among those with exactly the scope's labels: a
   * duplicate never names, or copies from, a document under other labels.
   */
  public Optional<Document> originalOf(String sha256, String id, IngestScope scope) {
    return store.documentsWithContent(sha256).stream()
        .filter(d -> !d.id().equals(id))
        .filter(d -> store.labels(d.id()).equals(scope.labels()))
        .findFirst();
  }

  /**
   * Parses and chunks, within the limits.
   *
   * @throws LimitExceededException if the parse ran past a limit; it is abandoned
   * @throws InvalidInputException if the content is broken or holds no text
   */
  public Prepared prepare(Fresh f, IngestStats stats) {
    ParseGuard guard =
        new ParseGuard(
            f.source(), limits.maxExtractedChars(), limits.parseTimeout(), limits.maxDocumentBytes());
    ExtractedText text =
        stats.time(IngestStage.PARSE, () -> parsers.parse(f.format(), f.content(), guard));
    if (text.isBlank()) {
      throw new InvalidInputException(
          "no text could be extracted from " + f.source()
              + (f.format().reader() == Formats.Reader.PDF
                  ? " (a scanned PDF holds images of text; OCR is not supported)"
                  : ""),
          f.source(),
          null);
    }
    // Under a PHI policy the chunks (and so the vectors and the index) come from the redacted
    // text; their offsets point into the text that is stored.
    PhiIngest.Texts texts = stats.time(IngestStage.CHUNK, () -> phi.apply(text));
    List<ChunkSpan> chunked = stats.time(IngestStage.CHUNK, () -> chunker.chunk(texts.chunked()));
    List<ChunkSpan> spans = new ArrayList<>(chunked.size());
    List<String> chunkTexts = new ArrayList<>(chunked.size());
    for (ChunkSpan s : chunked) {
      chunkTexts.add(texts.chunked().text().substring(s.start(), s.end()));
      spans.add(new ChunkSpan(s.page(), texts.stored(s.start(), false), texts.stored(s.end(), true),
          s.tokens(), s.section()));
    }
    return new Prepared(f, texts.stored(), spans, chunkTexts);
  }

  /**
   * Embeds the chunks of several documents in one model call, as passages (with the model's passage
   * prefix, if it has one); vectors per document, in order. Chunks the embedding cache holds do not
   * reach the model.
   */
  public List<float[][]> embed(List<Prepared> docs, IngestStats stats) {
    List<String> all = new ArrayList<>();
    for (Prepared p : docs) {
      all.addAll(p.chunkTexts());
    }
    EmbeddingModel.Embedded embedded =
        stats.time(IngestStage.EMBED, () -> model.embedPassages(all));
    stats.truncated(embedded.truncated());
    stats.cached(embedded.cached());
    List<float[][]> out = new ArrayList<>(docs.size());
    int at = 0;
    for (Prepared p : docs) {
      int n = p.chunkTexts().size();
      float[][] vectors = new float[n][];
      System.arraycopy(embedded.vectors(), at, vectors, 0, n);
      out.add(vectors);
      at += n;
    }
    return out;
  }

  /** Stores a prepared, embedded document: one transaction, then the index. */
  public Document store(Prepared p, float[][] vectors, IngestStats stats, IngestScope scope) {
    List<NewChunk> chunks = new ArrayList<>(p.spans().size());
    for (int i = 0; i < p.spans().size(); i++) {
      ChunkSpan s = p.spans().get(i);
      chunks.add(
          new NewChunk(p.chunkTexts().get(i), s.tokens(),
              new Provenance(s.page(), s.start(), s.end(), s.section()), vectors[i]));
    }
    Fresh f = p.fresh();
    NewDocument doc =
        new NewDocument(
            f.id(),
            f.source(),
            f.format().mediaType(),
            f.sha256(),
            f.metadata(),
            extracted(p.text().info(), f.format().mediaType()),
            p.text().text(),
            p.text().pageCount(),
            chunks,
            scope.labels());
    return writer.upsert(doc, stats);
  }

  /**
   * Stores or skips a duplicate, as the policy says. An update of an existing document is always
   * stored: skipping it would leave the document's old content in place.
   */
  public Outcome storeDuplicate(Duplicate d, IngestStats stats, IngestScope scope) {
    boolean update = store.document(d.id()).isPresent();
    if (limits.duplicates() == DuplicatePolicy.SKIP && !update) {
      return new Outcome(d.original(), Status.DUPLICATE_SKIPPED, d.original());
    }
    Document original = d.original();
    List<StoredChunk> chunks =
        stats.time(IngestStage.STORE, () -> store.chunksWithVectors(original.id()));
    String text = stats.time(IngestStage.STORE, () -> store.text(original.id()).orElse(""));
    List<NewChunk> copies = new ArrayList<>(chunks.size());
    for (StoredChunk c : chunks) {
      copies.add(new NewChunk(c.chunk().text(), c.chunk().tokens(), c.chunk().provenance(),
          c.vector()));
    }
    NewDocument doc =
        new NewDocument(
            d.id(), d.source(), original.mediaType(), original.sha256(), d.metadata(),
            original.extracted(), text, original.pages(), copies, scope.labels());
    return new Outcome(writer.upsert(doc, stats), Status.DUPLICATE_KEPT, original);
  }

  /**
   * What the parser learned, as metadata that filters can match: {@code title}, {@code author},
   * {@code created} (a date), {@code language} and {@code content_type}.
   */
  static Metadata extracted(DocInfo info, String mediaType) {
    java.util.Map<String, MetadataValue> m = new java.util.TreeMap<>();
    m.put("content_type", MetadataValue.text(mediaType));
    if (info.title() != null) {
      m.put("title", MetadataValue.text(info.title()));
    }
    if (info.author() != null) {
      m.put("author", MetadataValue.text(info.author()));
    }
    if (info.created() != null) {
      m.put("created", MetadataValue.date(info.created().truncatedTo(ChronoUnit.MILLIS)));
    }
    if (info.language() != null) {
      m.put("language", MetadataValue.text(info.language()));
    }
    return new Metadata(m);
  }

  private void checkSize(String name, byte[] content) {
    if (content.length > limits.maxDocumentBytes()) {
      throw tooLarge(name, content.length);
    }
    if (content.length == 0) {
      throw new InvalidInputException(name + " is empty (0 bytes)", name, null);
    }
  }

  private byte[] readFile(Path file, String name) {
    try {
      if (!Files.isRegularFile(file)) {
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
          throw new InvalidInputException(
              "cannot read " + name + ": it is a broken symbolic link", name, null);
        }
        if (!Files.exists(file)) {
          throw new InvalidInputException("cannot read " + name + ": no such file", name, null);
        }
        throw new InvalidInputException(
            "cannot read " + name + ": not a regular file (a folder, device, pipe or socket)",
            name,
            null);
      }
      long size = Files.size(file);
      if (size > limits.maxDocumentBytes()) {
        throw tooLarge(name, size); // refused before reading a byte of it
      }
      return Files.readAllBytes(file);
    } catch (AccessDeniedException e) {
      throw new InvalidInputException("cannot read " + name + ": permission denied", name, e);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("cannot read " + name + ": no such file", name, e);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + name + ": " + e, name, e);
    }
  }

  private LimitExceededException tooLarge(String name, long size) {
    return new LimitExceededException(
        name + " is " + size + " bytes, more than maxDocumentBytes (" + limits.maxDocumentBytes()
            + ")",
        name,
        "maxDocumentBytes",
        limits.maxDocumentBytes(),
        size);
  }

  /** The largest input accepted: also the largest archive entry a batch inflates. */
  public long maxDocumentBytes() {
    return limits.maxDocumentBytes();
  }

  /** Longest one parse may run: a batch waits for a parse thread about twice as long. */
  public Duration parseTimeout() {
    return limits.parseTimeout();
  }
}
