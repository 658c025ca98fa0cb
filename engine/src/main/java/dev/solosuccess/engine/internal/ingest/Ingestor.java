package dev.solosuccess.engine.internal.ingest;

import dev.solosuccess.engine.internal.EngineWriter;
import dev.solosuccess.engine.internal.chunk.ChunkSpan;
import dev.solosuccess.engine.internal.chunk.SentenceChunker;
import dev.solosuccess.engine.internal.model.OnnxEmbeddingModel;
import dev.solosuccess.engine.internal.parse.ExtractedText;
import dev.solosuccess.engine.internal.parse.Formats;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.engine.internal.store.NewChunk;
import dev.solosuccess.engine.internal.store.NewDocument;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LimitExceededException;
import dev.solosuccess.sdk.Provenance;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One document from source to store: read (bounded), detect, parse, normalize, chunk, embed, then
 * hand to the {@link EngineWriter}. Everything before the write runs outside any lock, so several
 * callers prepare documents at once. Thread-safe.
 */
public final class Ingestor {

  private final MetadataStore store;
  private final EngineWriter writer;
  private final OnnxEmbeddingModel model;
  private final SentenceChunker chunker;
  private final long maxDocumentBytes;

  public Ingestor(
      MetadataStore store,
      EngineWriter writer,
      OnnxEmbeddingModel model,
      SentenceChunker chunker,
      long maxDocumentBytes) {
    this.store = store;
    this.writer = writer;
    this.model = model;
    this.chunker = chunker;
    this.maxDocumentBytes = maxDocumentBytes;
  }

  /** What ingesting one source did. */
  public enum Status {
    STORED,
    UNCHANGED
  }

  /** The document as stored, and whether this call changed it. */
  public record Outcome(Document document, Status status) {}

  public Outcome ingest(DocumentSource source) {
    String name = source.name();
    byte[] content = source.content().orElseGet(() -> read(source.path().orElseThrow(), name));
    if (content.length > maxDocumentBytes) {
      throw tooLarge(name, content.length);
    }
    if (content.length == 0) {
      throw new InvalidInputException(name + " is empty (0 bytes)", name, null);
    }
    String sha256 = DocumentIds.sha256(content);
    String id = source.id().orElseGet(() -> DocumentIds.fromSource(name));
    Optional<Document> existing = store.document(id);
    if (existing.isPresent()) {
      Document old = existing.get();
      if (source.id().isEmpty() && !old.source().equals(name)) {
        throw new InvalidInputException(
            "derived document id " + id + " of " + name + " collides with " + old.source()
                + "; give one of them an explicit id",
            name,
            null);
      }
      if (old.sha256().equals(sha256) && old.source().equals(name)) {
        if (old.metadata().equals(source.metadata())) {
          return new Outcome(old, Status.UNCHANGED);
        }
        return new Outcome(writer.replaceMetadata(id, source.metadata()), Status.STORED);
      }
    }
    Formats.Format format = Formats.detect(source.mediaType().orElse(null), name, content);
    ExtractedText extracted = format.extract(content, name);
    if (extracted.isBlank()) {
      throw new InvalidInputException(
          "no text could be extracted from " + name
              + (format == Formats.Format.PDF
                  ? " (a scanned PDF holds images of text; OCR is not supported)"
                  : ""),
          name,
          null);
    }
    List<ChunkSpan> spans = chunker.chunk(extracted);
    List<String> texts = new ArrayList<>(spans.size());
    for (ChunkSpan s : spans) {
      texts.add(extracted.text().substring(s.start(), s.end()));
    }
    float[][] vectors = model.embed(texts).vectors();
    List<NewChunk> chunks = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      ChunkSpan s = spans.get(i);
      chunks.add(
          new NewChunk(texts.get(i), s.tokens(), new Provenance(s.page(), s.start(), s.end()),
              vectors[i]));
    }
    NewDocument doc =
        new NewDocument(
            id,
            name,
            format.mediaType(),
            sha256,
            source.metadata(),
            extracted.text(),
            extracted.pageCount(),
            chunks);
    return new Outcome(writer.upsert(doc), Status.STORED);
  }

  private byte[] read(Path file, String name) {
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
      if (size > maxDocumentBytes) {
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
        name + " is " + size + " bytes, more than maxDocumentBytes (" + maxDocumentBytes + ")",
        name,
        "maxDocumentBytes",
        maxDocumentBytes,
        size);
  }
}
