package dev.solosuccess.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An AND of clauses over chunk attributes, applied inside the retrievers: BM25 scores only matching
 * chunks, and the HNSW search explores the graph for matching vectors, so a filtered search still
 * returns {@code k} hits when {@code k} match.
 *
 * <ul>
 *   <li>{@link Terms}: the chunk's term attribute ({@link IndexedChunk#attributes()}) is one of a
 *       set of exact, case-sensitive strings; a single string is equality.
 *   <li>{@link NumericRange}: the chunk's numeric attribute ({@link IndexedChunk#numbers()}) lies
 *       between two inclusive bounds; an infinite bound is open.
 *
 *   <li>{@link Labels}: the caller's access scope: the chunk carries at least one of a set of
 *       access labels ({@link IndexedChunk#labels()}). Besides restricting the hits, it restricts
 *       what shapes their scores: BM25's statistics (document frequencies, document counts,
 *       lengths) are computed over the chunks the scope admits only, so a chunk outside it never
 *       changes another's score.
 * </ul>
 *
 * <p>Term and numeric attributes are separate name spaces: a term clause never matches a number.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * IndexFilter.of(
 *     IndexFilter.terms("team", "support"),
 *     IndexFilter.range("year", 2020, Double.POSITIVE_INFINITY));
 * }</pre>
 *
 * @param clauses all of which must hold; none matches every chunk
 */
public record IndexFilter(List<Clause> clauses) {

  private static final IndexFilter NONE = new IndexFilter(List.of());

  public IndexFilter {
    clauses = List.copyOf(clauses);
    if (clauses.stream().filter(c -> c instanceof Labels).count() > 1) {
      throw new IllegalArgumentException("a filter holds at most one label scope");
    }
  }

  /** One condition on a named attribute. */
  public sealed interface Clause permits Terms, NumericRange, Labels {
    String field();
  }

  /**
   * The term attribute {@code field} is one of {@code values}.
   *
   * @param values one or more exact strings, kept sorted
   */
  public record Terms(String field, Set<String> values) implements Clause {
    public Terms {
      checkField(field);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("terms of '" + field + "' must not be empty");
      }
      for (String v : values) {
        Objects.requireNonNull(v, "term");
      }
      values = Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
  }

  /**
   * The numeric attribute {@code field} lies in {@code [min, max]}.
   *
   * @param min the lowest value, or {@link Double#NEGATIVE_INFINITY} for no lower bound
   * @param max the highest value, or {@link Double#POSITIVE_INFINITY} for no upper bound; a
   *     zero bound of either sign is 0.0, as are indexed zeros
   */
  public record NumericRange(String field, double min, double max) implements Clause {
    public NumericRange {
      checkField(field);
      if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
        throw new IllegalArgumentException(
            "range of '" + field + "' must have min <= max, got " + min + " and " + max);
      }
      // Points order -0.0 below 0.0; the index stores every zero as 0.0, so bounds do too.
      min = min == 0 ? 0.0 : min;
      max = max == 0 ? 0.0 : max;
    }
  }

  /**
   * The chunk carries at least one of {@code anyOf} as an access label. A filter holds at most one.
   *
   * @param anyOf one or more labels, kept sorted
   */
  public record Labels(Set<String> anyOf) implements Clause {
    public Labels {
      if (anyOf.isEmpty()) {
        throw new IllegalArgumentException("a label scope needs at least one label");
      }
      for (String v : anyOf) {
        Objects.requireNonNull(v, "label");
      }
      anyOf = Collections.unmodifiableSortedSet(new TreeSet<>(anyOf));
    }

    @Override
    public String field() {
      return "labels";
    }
  }

  /** The chunk carries at least one of {@code labels}. */
  public static Labels labels(Set<String> labels) {
    return new Labels(labels);
  }

  /** The access scope of this filter, if it has one. */
  public java.util.Optional<Labels> labelScope() {
    for (Clause c : clauses) {
      if (c instanceof Labels l) {
        return java.util.Optional.of(l);
      }
    }
    return java.util.Optional.empty();
  }

  /** This filter with {@code clause} added. */
  public IndexFilter and(Clause clause) {
    List<Clause> all = new ArrayList<>(clauses);
    all.add(Objects.requireNonNull(clause, "clause"));
    return new IndexFilter(all);
  }

  /** Matches every chunk. */
  public static IndexFilter none() {
    return NONE;
  }

  public static IndexFilter of(Clause... clauses) {
    return of(List.of(clauses));
  }

  public static IndexFilter of(Collection<? extends Clause> clauses) {
    return clauses.isEmpty() ? NONE : new IndexFilter(new ArrayList<>(clauses));
  }

  /** Equality on each entry: the term attribute named by the key has the value. */
  public static IndexFilter of(Map<String, String> terms) {
    List<Clause> clauses = new ArrayList<>(terms.size());
    new TreeMap<>(terms).forEach((field, value) -> clauses.add(terms(field, value)));
    return of(clauses);
  }

  /** The term attribute {@code field} is one of {@code values}. */
  public static Terms terms(String field, String... values) {
    return new Terms(field, new TreeSet<>(Arrays.asList(values)));
  }

  /** The numeric attribute {@code field} lies in {@code [min, max]}. */
  public static NumericRange range(String field, double min, double max) {
    return new NumericRange(field, min, max);
  }

  public boolean isEmpty() {
    return clauses.isEmpty();
  }

  /**
   * Whether an entry with these attributes passes the filter, as the Lucene index decides it: for
   * backends that evaluate filters in memory.
   */
  public boolean matches(Map<String, String> attributes, Map<String, Double> numbers) {
    return matches(attributes, numbers, Set.of());
  }

  /** {@link #matches(Map, Map)} for an entry that also carries access labels. */
  public boolean matches(
      Map<String, String> attributes, Map<String, Double> numbers, Set<String> labels) {
    for (Clause clause : clauses) {
      boolean ok =
          switch (clause) {
            case Terms t -> {
              String v = attributes.get(t.field());
              yield v != null && t.values().contains(v);
            }
            case NumericRange r -> {
              Double v = numbers.get(r.field());
              yield v != null && v >= r.min() && v <= r.max();
            }
            case Labels l -> labels.stream().anyMatch(l.anyOf()::contains);
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static void checkField(String field) {
    if (field == null || field.isEmpty()) {
      throw new IllegalArgumentException("attribute name must not be empty, got '" + field + "'");
    }
  }
}
