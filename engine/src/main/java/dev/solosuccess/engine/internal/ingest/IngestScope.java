package dev.solosuccess.engine.internal.ingest;

import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who ingests, as far as ingestion cares: the access labels every document of the call gets, and
 * which existing documents the caller may replace (those it can see). Immutable.
 *
 * @param labels the labels of each stored document; empty for unlabelled documents
 * @param mayReplace whether a document with this id may be replaced by the caller
 */
public record IngestScope(Set<String> labels, Predicate<String> mayReplace) {

  /** Unlabelled documents, any of which may be replaced: an engine without security. */
  public static final IngestScope UNRESTRICTED = new IngestScope(Set.of(), id -> true);

  public IngestScope {
    labels = Set.copyOf(labels);
    Objects.requireNonNull(mayReplace, "mayReplace");
  }
}
