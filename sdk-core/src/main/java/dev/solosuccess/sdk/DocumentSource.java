package dev.solosuccess.sdk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One document to ingest: a file, or bytes with a name. Immutable; the {@code with} methods return
 * copies.
 *
 * <p>The format comes from the explicit media type if one is given, else from the name's extension
 * ({@code .txt .md .html .htm .pdf}), else from the content (a PDF header).
 *
 * <pre>{@code
 * DocumentSource.of(Path.of("handbook.pdf")).withMetadata(Metadata.of("team", "hr"));
 * DocumentSource.ofText("notes/standup-2026-03-02", "Decided to ship on Friday.");
 * }</pre>
 */
public final class DocumentSource {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  private final String name;
  private final Path path; // exactly one of path and content is set
  private final byte[] content;
  private final String mediaType;
  private final String id;
  private final Metadata metadata;

  private DocumentSource(
      String name, Path path, byte[] content, String mediaType, String id, Metadata metadata) {
    this.name = name;
    this.path = path;
    this.content = content;
    this.mediaType = mediaType;
    this.id = id;
    this.metadata = metadata;
  }

  /** A file; its source name is its absolute, normalized path. */
  public static DocumentSource of(Path file) {
    Objects.requireNonNull(file, "file");
    Path absolute = file.toAbsolutePath().normalize();
    return new DocumentSource(absolute.toString(), absolute, null, null, null, Metadata.empty());
  }

  /** Bytes with a source name; the name's extension, if any, tells the format. */
  public static DocumentSource ofBytes(String source, byte[] content) {
    Objects.requireNonNull(content, "content");
    return new DocumentSource(checkName(source), null, content.clone(), null, null, Metadata.empty());
  }

  /** Plain text with a source name. */
  public static DocumentSource ofText(String source, String text) {
    Objects.requireNonNull(text, "text");
    return new DocumentSource(
        checkName(source),
        null,
        text.getBytes(StandardCharsets.UTF_8),
        "text/plain",
        null,
        Metadata.empty());
  }

  /**
   * A copy with a caller-chosen document id (1-128 characters of letters, digits, {@code . _ : @ -});
   * without one the id is derived from the source name, so re-ingesting a source replaces it.
   */
  public DocumentSource withId(String documentId) {
    // "." and ".." would be path segments that URLs (solo serve) and file paths resolve away
    if (documentId == null || !ID.matcher(documentId).matches()
        || documentId.equals(".") || documentId.equals("..")) {
      throw new InvalidInputException(
          "document id must be 1-128 characters of letters, digits, '.', '_', ':', '@', '-', and"
              + " not '.' or '..', got '" + documentId + "'");
    }
    return new DocumentSource(name, path, content, mediaType, documentId, metadata);
  }

  /** A copy with these metadata entries (replacing any set before). */
  public DocumentSource withMetadata(Metadata metadata) {
    return new DocumentSource(
        name, path, content, mediaType, id, Objects.requireNonNull(metadata, "metadata"));
  }

  /** A copy with an explicit media type such as {@code text/markdown}, overriding detection. */
  public DocumentSource withMediaType(String mediaType) {
    if (mediaType == null || mediaType.isBlank()) {
      throw new InvalidInputException("media type must not be blank");
    }
    return new DocumentSource(name, path, content, mediaType.strip(), id, metadata);
  }

  /** The source name: an absolute path for files. */
  public String name() {
    return name;
  }

  /** The file, for sources made by {@link #of(Path)}. */
  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  /** A copy of the bytes, for sources made from bytes or text. */
  public Optional<byte[]> content() {
    return content == null ? Optional.empty() : Optional.of(content.clone());
  }

  /** The explicit media type, if one was given. */
  public Optional<String> mediaType() {
    return Optional.ofNullable(mediaType);
  }

  /** The caller-chosen id, if one was given. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  public Metadata metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return "DocumentSource[" + name + (id == null ? "" : ", id=" + id) + "]";
  }

  private static String checkName(String source) {
    if (source == null || source.isBlank()) {
      throw new InvalidInputException("source name must not be blank");
    }
    if (source.length() > 4096) {
      throw new InvalidInputException(
          "source name must be at most 4096 characters, got " + source.length());
    }
    return source;
  }
}
