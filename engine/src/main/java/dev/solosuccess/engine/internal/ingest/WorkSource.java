package dev.solosuccess.engine.internal.ingest;

import dev.solosuccess.sdk.internal.files.Globs;

import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.SkippedFile;
import dev.solosuccess.sdk.SoloException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The documents of a batch in order: each file, and each entry of each archive, read lazily so that
 * only the documents in flight are in memory; then the request's in-memory sources (a source named
 * {@code *.zip}, as a remote client uploads an archive, is opened like a file). Not thread-safe.
 */
final class WorkSource {

  /** A document to ingest, or a file already known to be skipped. */
  sealed interface Work {}

  record Source(DocumentSource source) implements Work {}

  record Skipped(SkippedFile skipped) implements Work {}

  private final Iterator<Path> files;
  private final Iterator<DocumentSource> sources;
  private final Ingestor ingestor;
  private final ArchiveReader.Limits limits;
  private final Globs globs;
  private final Metadata metadata;
  private ArchiveReader archive;
  private Metadata archiveMetadata; // the metadata of the archive being read, for its entries
  private int discovered; // archive entries found beyond the files themselves

  WorkSource(
      List<Path> files,
      List<DocumentSource> sources,
      Ingestor ingestor,
      ArchiveReader.Limits limits,
      Globs globs,
      Metadata metadata) {
    this.files = files.iterator();
    this.sources = sources.iterator();
    this.ingestor = ingestor;
    this.limits = limits;
    this.globs = globs;
    this.metadata = metadata;
  }

  /** Documents found inside archives so far, beyond one per archive file. */
  int discovered() {
    return discovered;
  }

  /** The next document, or {@code null} at the end. */
  Work next() {
    while (true) {
      if (archive != null) {
        ArchiveReader.Item item = archive.next();
        if (item != null) {
          discovered++;
          return switch (item) {
            case ArchiveReader.Entry e ->
                new Source(
                    DocumentSource.ofBytes(e.source(), e.content()).withMetadata(archiveMetadata));
            case ArchiveReader.Skip s -> new Skipped(s.skipped());
          };
        }
        archive = null;
        discovered--; // the archive itself is not a document
        continue;
      }
      DocumentSource source;
      if (files.hasNext()) {
        source = DocumentSource.of(files.next()).withMetadata(metadata);
      } else if (sources.hasNext()) {
        // an in-memory source (an upload to solo serve, say) named *.zip is opened like a file
        DocumentSource s = sources.next();
        source = s.withMetadata(metadata.merge(s.metadata()));
      } else {
        return null;
      }
      if (!Globs.isArchive(fileName(source.name()))) {
        return new Source(source);
      }
      if (limits.maxDepth() < 1) {
        return new Skipped(new SkippedFile(source.name(), "limit-exceeded",
            source.name() + " is an archive, and maxArchiveDepth is 0: archives are not opened"));
      }
      byte[] bytes;
      try {
        bytes = ingestor.read(source).bytes(); // an archive: never streamed
      } catch (SoloException e) {
        return new Skipped(new SkippedFile(source.name(), e.code(), e.getMessage()));
      }
      archive = new ArchiveReader(source.name(), bytes, limits, globs);
      archiveMetadata = source.metadata();
    }
  }

  private static String fileName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }
}
