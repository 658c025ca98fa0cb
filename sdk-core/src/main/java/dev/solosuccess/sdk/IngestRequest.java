package dev.solosuccess.sdk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A batch of files and folders, and of documents held in memory, to ingest. The batch runs as one
 * pipeline (parsing ahead on several threads, embedding the chunks of several documents per model
 * call), which is several times faster than ingesting documents one by one.
 *
 * <pre>{@code
 * IngestRequest.builder()
 *     .source(DocumentSource.ofText("abstracts/4983", text).withId("4983"))
 *     .source(DocumentSource.ofText("abstracts/5836", other).withId("5836"))
 *     .build();
 * }</pre>
 *
 * @param paths files and folders; folders are walked recursively when {@code recursive}
 * @param metadata entries attached to every document of the batch
 * @param recursive whether to descend into sub-folders (hidden files and folders are always skipped)
 * @param listener told of each file as it is ingested or skipped
 * @param include glob patterns a file must match one of to be ingested (all files when empty); a
 *     pattern without {@code /} matches the file name ({@code *.pdf}), one with {@code /} the path
 *     relative to the folder named in {@code paths} ({@code reports/**}); entries of ZIP archives
 *     are matched the same way, and an archive itself is always opened unless excluded
 * @param exclude glob patterns of files to leave out, matched like {@code include}; exclusion wins
 * @param sources documents held in memory (bytes or text, with a source name and optionally an
 *     id), ingested after the files in this order; the patterns do not apply to them, and {@code
 *     metadata} is added under their own entries (theirs win on equal keys)
 * @param labels access labels given to every document of the batch ({@code tenant:a}, {@code
 *     group:cardiology}; see {@link Principal#checkLabels}): a principal with labels sees a
 *     document only when it carries one of them. Empty: the documents get the ingesting
 *     principal's labels, or none for an unrestricted principal (an unlabelled document is seen
 *     only by principals without labels). A principal with labels may only give its own.
 */
public record IngestRequest(
    List<Path> paths,
    Metadata metadata,
    boolean recursive,
    IngestListener listener,
    List<String> include,
    List<String> exclude,
    List<DocumentSource> sources,
    java.util.Set<String> labels) {

  public IngestRequest {
    labels = Principal.checkLabels(labels == null ? java.util.Set.of() : labels);
    if ((paths == null || paths.isEmpty()) && (sources == null || sources.isEmpty())) {
      throw new InvalidInputException("an ingest request needs at least one path or source");
    }
    paths = paths == null ? List.of() : List.copyOf(paths);
    sources = sources == null ? List.of() : List.copyOf(sources);
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(listener, "listener");
    include = checkGlobs("include", include);
    exclude = checkGlobs("exclude", exclude);
  }

  /** A request of files and folders only. */
  public IngestRequest(
      List<Path> paths,
      Metadata metadata,
      boolean recursive,
      IngestListener listener,
      List<String> include,
      List<String> exclude) {
    this(paths, metadata, recursive, listener, include, exclude, List.of(), java.util.Set.of());
  }

  /** A request without access labels. */
  public IngestRequest(
      List<Path> paths,
      Metadata metadata,
      boolean recursive,
      IngestListener listener,
      List<String> include,
      List<String> exclude,
      List<DocumentSource> sources) {
    this(paths, metadata, recursive, listener, include, exclude, sources, java.util.Set.of());
  }

  private static List<String> checkGlobs(String what, List<String> globs) {
    for (String g : globs) {
      if (g == null || g.isBlank()) {
        throw new InvalidInputException(what + " patterns must not be blank");
      }
      try {
        java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + g);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            "invalid " + what + " pattern '" + g + "': " + e.getMessage());
      }
    }
    return List.copyOf(globs);
  }

  /** The given paths, recursive, no metadata, no listener. */
  public static IngestRequest of(Path... paths) {
    return builder().paths(List.of(paths)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link IngestRequest}; not thread-safe. */
  public static final class Builder {
    private final List<Path> paths = new ArrayList<>();
    private Metadata metadata = Metadata.empty();
    private boolean recursive = true;
    private IngestListener listener = IngestListener.NONE;
    private final List<String> include = new ArrayList<>();
    private final List<String> exclude = new ArrayList<>();
    private final List<DocumentSource> sources = new ArrayList<>();
    private java.util.Set<String> labels = java.util.Set.of();

    private Builder() {}

    /** Access labels of every document of the batch; see {@link IngestRequest#labels()}. */
    public Builder labels(java.util.Set<String> labels) {
      this.labels = Objects.requireNonNull(labels, "labels");
      return this;
    }

    /** Adds a document held in memory; see {@link IngestRequest#sources()}. */
    public Builder source(DocumentSource source) {
      sources.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    /** Adds documents held in memory, in order. */
    public Builder sources(List<DocumentSource> more) {
      more.forEach(this::source);
      return this;
    }

    /** Adds a glob pattern that files must match (any of them); see {@link IngestRequest}. */
    public Builder include(String glob) {
      include.add(glob);
      return this;
    }

    /** Adds a glob pattern of files to leave out; see {@link IngestRequest}. */
    public Builder exclude(String glob) {
      exclude.add(glob);
      return this;
    }

    public Builder path(Path path) {
      paths.add(Objects.requireNonNull(path, "path"));
      return this;
    }

    public Builder paths(List<Path> more) {
      more.forEach(this::path);
      return this;
    }

    public Builder metadata(Metadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /** Default {@code true}. */
    public Builder recursive(boolean recursive) {
      this.recursive = recursive;
      return this;
    }

    /** Default {@link IngestListener#NONE}. */
    public Builder listener(IngestListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public IngestRequest build() {
      return new IngestRequest(
          paths, metadata, recursive, listener, include, exclude, sources, labels);
    }
  }
}
