package dev.solosuccess.engine.internal.ingest;

import dev.solosuccess.engine.internal.parse.Formats;
import dev.solosuccess.engine.internal.parse.TikaFormats;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.internal.files.RegularFiles;
import dev.solosuccess.sdk.LimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a source's content within the size limit. Most files are read whole; a plain text file
 * larger than {@link #STREAM_TEXT_ABOVE_BYTES} is not: only its first bytes are read here (to name
 * its format), its hash is computed by streaming it, and its parser reads it as a stream that
 * stops at maxExtractedChars, so a text file of any size costs a bounded amount of memory.
 * Thread-safe.
 */
final class SourceReader {

  /**
   * Text files above this size (8 MiB) are streamed. Below it, reading whole is faster and costs
   * at most a few times the file in memory.
   */
  static final long STREAM_TEXT_ABOVE_BYTES = 8L << 20;

  /** Bytes read to name a streamed file's format and encoding. */
  static final int HEAD_BYTES = 64 * 1024;

  /**
   * A source's content.
   *
   * @param bytes the whole content; for a streamed file, its first {@link #HEAD_BYTES} bytes
   * @param file the streamed file, or {@code null} when {@code bytes} is the whole content
   */
  record Content(byte[] bytes, Path file) {
    boolean streamed() {
      return file != null;
    }
  }

  private final long maxDocumentBytes;
  private final TikaFormats tika;

  SourceReader(long maxDocumentBytes, TikaFormats tika) {
    this.maxDocumentBytes = maxDocumentBytes;
    this.tika = tika;
  }

  /** The content of a source, refusing files over the size limit before reading them. */
  Content read(DocumentSource source) {
    String name = source.name();
    if (source.content().isPresent()) {
      byte[] content = source.content().get();
      checkSize(name, content.length);
      return new Content(content, null);
    }
    Path file = source.path().orElseThrow();
    try {
      long size = checkFile(file, name);
      if (size > STREAM_TEXT_ABOVE_BYTES) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
          head = in.readNBytes(HEAD_BYTES);
        }
        Formats.Format format =
            Formats.detect(source.mediaType().orElse(null), name, head, tika);
        if (format.reader() == Formats.Reader.TEXT) {
          return new Content(head, file);
        }
      }
      return new Content(Files.readAllBytes(file), null);
    } catch (AccessDeniedException e) {
      throw new InvalidInputException("cannot read " + name + ": permission denied", name, e);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("cannot read " + name + ": no such file", name, e);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + name + ": " + e, name, e);
    }
  }

  /** Lower-case hex SHA-256 of the content, streaming a streamed file. */
  static String sha256(Content content, String name) {
    if (!content.streamed()) {
      return DocumentIds.sha256(content.bytes());
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(content.file()), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + name + ": " + e, name, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The size of a regular file within the limit. */
  private long checkFile(Path file, String name) throws IOException {
    RegularFiles.require(file, name);
    long size = Files.size(file);
    checkSize(name, size); // refused before reading a byte of it
    return size;
  }

  private void checkSize(String name, long size) {
    if (size > maxDocumentBytes) {
      throw new LimitExceededException(
          name + " is " + size + " bytes, more than maxDocumentBytes (" + maxDocumentBytes + ")",
          name,
          "maxDocumentBytes",
          maxDocumentBytes,
          size);
    }
    if (size == 0) {
      throw new InvalidInputException(name + " is empty (0 bytes)", name, null);
    }
  }
}
