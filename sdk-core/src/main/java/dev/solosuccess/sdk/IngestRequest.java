package dev.solosuccess.sdk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A batch of files and folders to ingest.
 *
 * @param paths files and folders; folders are walked recursively when {@code recursive}
 * @param metadata entries attached to every document of the batch
 * @param recursive whether to descend into sub-folders (hidden files and folders are always skipped)
 * @param listener told of each file as it is ingested or skipped
 */
public record IngestRequest(
    List<Path> paths, Metadata metadata, boolean recursive, IngestListener listener) {

  public IngestRequest {
    if (paths == null || paths.isEmpty()) {
      throw new InvalidInputException("an ingest request needs at least one path");
    }
    paths = List.copyOf(paths);
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(listener, "listener");
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

    private Builder() {}

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
      return new IngestRequest(paths, metadata, recursive, listener);
    }
  }
}
