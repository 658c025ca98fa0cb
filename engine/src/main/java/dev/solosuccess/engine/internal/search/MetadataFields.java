package dev.solosuccess.engine.internal.search;

import dev.solosuccess.index.IndexFilter;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.MetadataValue;
import dev.solosuccess.sdk.SearchFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How typed metadata becomes index attributes, and a {@link SearchFilter} an {@link IndexFilter};
 * both directions live here so that they agree.
 *
 * <ul>
 *   <li>Every value is a term: its canonical string under its key. Equality and in-set filters
 *       match these terms, so they compare canonical strings whatever the type.
 *   <li>A number is also a numeric attribute under its key; a date is one under {@code
 *       key:date}, as epoch milliseconds. Metadata keys cannot contain {@code :}, so the two never
 *       collide, and a date range never matches a number.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class MetadataFields {

  private static final String DATE_SUFFIX = ":date";

  private MetadataFields() {}

  /** The term attributes of a chunk of a document with {@code metadata}. */
  public static Map<String, String> terms(Metadata metadata) {
    Map<String, String> terms = new HashMap<>();
    metadata.entries().forEach((key, value) -> terms.put(key, value.asString()));
    return terms;
  }

  /** The numeric attributes of a chunk of a document with {@code metadata}. */
  public static Map<String, Double> numbers(Metadata metadata) {
    Map<String, Double> numbers = new HashMap<>();
    metadata.entries().forEach(
        (key, value) -> {
          switch (value) {
            case MetadataValue.Number n -> numbers.put(key, n.value());
            case MetadataValue.Date d -> numbers.put(key + DATE_SUFFIX, millis(d));
            case MetadataValue.Text t -> {}
          }
        });
    return numbers;
  }

  /** The index filter of a search filter: one clause per condition. */
  public static IndexFilter filter(SearchFilter filter) {
    if (filter.isEmpty()) {
      return IndexFilter.none();
    }
    List<IndexFilter.Clause> clauses = new ArrayList<>(filter.conditions().size());
    for (SearchFilter.Condition c : filter.conditions()) {
      clauses.add(
          switch (c) {
            case SearchFilter.Equals e -> IndexFilter.terms(e.key(), e.value().asString());
            case SearchFilter.In in -> {
              Set<String> values = new LinkedHashSet<>();
              in.values().forEach(v -> values.add(v.asString()));
              yield new IndexFilter.Terms(in.key(), values);
            }
            case SearchFilter.Range r ->
                IndexFilter.range(
                    r.type().equals("date") ? r.key() + DATE_SUFFIX : r.key(),
                    r.min() == null ? Double.NEGATIVE_INFINITY : number(r.min()),
                    r.max() == null ? Double.POSITIVE_INFINITY : number(r.max()));
          });
    }
    return IndexFilter.of(clauses);
  }

  private static double number(MetadataValue bound) {
    return bound instanceof MetadataValue.Date d ? millis(d) : ((MetadataValue.Number) bound).value();
  }

  private static double millis(MetadataValue.Date d) {
    return d.value().toEpochMilli(); // exact: |millis| < 2^53 for the years 0000 to 9999
  }
}
