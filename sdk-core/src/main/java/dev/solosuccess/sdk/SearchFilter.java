package dev.solosuccess.sdk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every hit's document must satisfy: an AND of conditions on its metadata (the caller's and
 * the extracted metadata alike). The search applies it inside each retriever, not after it, so a
 * filtered search still fills its limit.
 *
 * <ul>
 *   <li>{@link Equals}: the value's canonical string ({@link MetadataValue#asString()}) equals the
 *       document's, so the number {@code 2024} matches the text {@code "2024"}; text is
 *       case-sensitive.
 *   <li>{@link In}: equal to any of 1 to {@value #MAX_IN_VALUES} values.
 *   <li>{@link Range}: a number or date between two inclusive bounds, either one open; it matches
 *       values of the bounds' type only.
 * </ul>
 *
 * <pre>{@code
 * SearchFilter f = SearchFilter.builder()
 *     .equalTo("team", "support")
 *     .in("lang", "en", "de")
 *     .range("year", 2020, 2024)
 *     .between("created", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"))
 *     .build();
 * SearchFilter g = SearchFilter.parse(List.of("team=support", "lang=en|de", "year>=2020"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param conditions the conditions, all of which must hold; none matches every document
 */
public record SearchFilter(List<Condition> conditions) {

  /** The most values of one {@link In} condition. */
  public static final int MAX_IN_VALUES = 1024;

  /** The most conditions of one filter. */
  public static final int MAX_CONDITIONS = 64;

  private static final SearchFilter NONE = new SearchFilter(List.of());

  public SearchFilter {
    if (conditions == null) {
      throw new InvalidInputException("filter conditions must not be null");
    }
    if (conditions.size() > MAX_CONDITIONS) {
      throw new InvalidInputException(
          "a filter has at most " + MAX_CONDITIONS + " conditions, got " + conditions.size());
    }
    for (Condition c : conditions) {
      if (c == null) {
        throw new InvalidInputException("filter conditions must not be null: " + conditions);
      }
    }
    conditions = List.copyOf(conditions);
  }

  /** One condition on the metadata value under {@link #key()}. */
  public sealed interface Condition permits Equals, In, Range {
    String key();
  }

  /**
   * The value under {@code key} equals {@code value} (as canonical strings).
   *
   * @param key a metadata key
   * @param value the value to match
   */
  public record Equals(String key, MetadataValue value) implements Condition {
    public Equals {
      MetadataValues.checkKey(key);
      if (value == null) {
        throw new InvalidInputException("filter value of '" + key + "' must not be null");
      }
    }

    @Override
    public String toString() {
      return key + "=" + value.asString();
    }
  }

  /**
   * The value under {@code key} equals one of {@code values} (as canonical strings).
   *
   * @param key a metadata key
   * @param values 1 to {@value SearchFilter#MAX_IN_VALUES} values, in the order given
   */
  public record In(String key, Set<MetadataValue> values) implements Condition {
    public In {
      MetadataValues.checkKey(key);
      if (values == null || values.isEmpty() || values.size() > MAX_IN_VALUES) {
        throw new InvalidInputException(
            "filter on '" + key + "' must list 1 to " + MAX_IN_VALUES + " values, got "
                + (values == null ? "none" : values.size()));
      }
      LinkedHashSet<MetadataValue> copy = new LinkedHashSet<>();
      for (MetadataValue v : values) {
        if (v == null) {
          throw new InvalidInputException("filter values of '" + key + "' must not be null");
        }
        copy.add(v);
      }
      values = Collections.unmodifiableSet(copy);
    }

    @Override
    public String toString() {
      StringJoiner j = new StringJoiner("|", key + "=", "");
      values.forEach(v -> j.add(v.asString()));
      return j.toString();
    }
  }

  /**
   * The value under {@code key} is a number (or a date) from {@code min} to {@code max},
   * inclusive.
   *
   * @param key a metadata key
   * @param min the lowest value, or {@code null} for no lower bound
   * @param max the highest value, or {@code null} for no upper bound
   */
  public record Range(String key, MetadataValue min, MetadataValue max) implements Condition {
    public Range {
      MetadataValues.checkKey(key);
      if (min == null && max == null) {
        throw new InvalidInputException("range on '" + key + "' needs a lower or upper bound");
      }
      for (MetadataValue bound : new MetadataValue[] {min, max}) {
        if (bound instanceof MetadataValue.Text t) {
          throw new InvalidInputException(
              "range on '" + key + "' needs numbers or dates, got text '" + t.value() + "'");
        }
      }
      if (min != null && max != null) {
        if (min.getClass() != max.getClass()) {
          throw new InvalidInputException(
              "range on '" + key + "' needs bounds of one type, got " + min.type() + " "
                  + min.asString() + " and " + max.type() + " " + max.asString());
        }
        if (compare(min, max) > 0) {
          throw new InvalidInputException(
              "range on '" + key + "' has min " + min.asString() + " greater than max "
                  + max.asString());
        }
      }
    }

    /** The type of the bounds: {@code number} or {@code date}. */
    public String type() {
      return (min != null ? min : max).type();
    }

    private static int compare(MetadataValue a, MetadataValue b) {
      return a instanceof MetadataValue.Number x
          ? Double.compare(x.value(), ((MetadataValue.Number) b).value())
          : ((MetadataValue.Date) a).value().compareTo(((MetadataValue.Date) b).value());
    }

    @Override
    public String toString() {
      if (min == null) {
        return key + "<=" + max.asString();
      }
      if (max == null) {
        return key + ">=" + min.asString();
      }
      return key + "=" + min.asString() + ".." + max.asString();
    }
  }

  /** Matches every document. */
  public static SearchFilter none() {
    return NONE;
  }

  /** Equality on each entry of {@code metadata}; none for empty metadata. */
  public static SearchFilter of(Metadata metadata) {
    if (metadata.isEmpty()) {
      return NONE;
    }
    List<Condition> conditions = new ArrayList<>(metadata.size());
    for (Map.Entry<String, MetadataValue> e : metadata.entries().entrySet()) {
      conditions.add(new Equals(e.getKey(), e.getValue()));
    }
    return new SearchFilter(conditions);
  }

  /**
   * Parses conditions as typed on a command line, one per expression, all of which must hold:
   *
   * <ul>
   *   <li>{@code key=value}: equality; the value is typed as by {@link Metadata#parse(Iterable)}.
   *   <li>{@code key=v1|v2|v3}: any of the values.
   *   <li>{@code key=min..max}: a number or date range, inclusive; {@code min..} and {@code ..max}
   *       leave one side open.
   *   <li>{@code key>=x}, {@code key<=x}, {@code key>x}, {@code key<x}: one bound, {@code x} a
   *       number or date. A strict bound is the next representable value: {@link Math#nextUp} of a
   *       number, one millisecond after a date (and the other way for {@code <}).
   *   <li>{@code key:type=...}: values of an explicit type, {@code string}, {@code number} or
   *       {@code date}; with {@code string} the value is taken as it is ({@code code:string=00123},
   *       {@code range:string=a..b} is equality), except that {@code |} still separates values.
   * </ul>
   *
   * @throws InvalidInputException naming the first bad expression and what is wrong with it
   */
  public static SearchFilter parse(Iterable<String> expressions) {
    return SearchFilterParser.parse(expressions);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A filter with the conditions of both. */
  public SearchFilter and(SearchFilter other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    List<Condition> all = new ArrayList<>(conditions);
    all.addAll(other.conditions);
    return new SearchFilter(all);
  }

  public boolean isEmpty() {
    return conditions.isEmpty();
  }

  /** The conditions joined by {@code AND}, each in the syntax of {@link #parse(Iterable)}. */
  @Override
  public String toString() {
    if (isEmpty()) {
      return "(none)";
    }
    StringJoiner j = new StringJoiner(" AND ");
    conditions.forEach(c -> j.add(c.toString()));
    return j.toString();
  }

  /**
   * Builds a {@link SearchFilter}; each condition is checked in {@link #build()}. Not thread-safe.
   */
  public static final class Builder {
    private final List<Supplier<Condition>> conditions = new ArrayList<>();

    private Builder() {}

    /** The text under {@code key} equals {@code value}. */
    public Builder equalTo(String key, String value) {
      return add(() -> new Equals(key, MetadataValue.text(value)));
    }

    /** The number under {@code key} equals {@code value}. */
    public Builder equalTo(String key, double value) {
      return add(() -> new Equals(key, MetadataValue.number(value)));
    }

    /** The date under {@code key} is {@code value}, to the millisecond. */
    public Builder equalTo(String key, Instant value) {
      return add(() -> new Equals(key, MetadataValue.date(value)));
    }

    public Builder equalTo(String key, MetadataValue value) {
      return add(() -> new Equals(key, value));
    }

    /** The text under {@code key} is one of {@code values}. */
    public Builder in(String key, String... values) {
      return add(() -> new In(key, values(values, MetadataValue::text)));
    }

    /** The number under {@code key} is one of {@code values}. */
    public Builder in(String key, double... values) {
      return add(
          () -> {
            LinkedHashSet<MetadataValue> set = new LinkedHashSet<>();
            for (double v : values) {
              set.add(MetadataValue.number(v));
            }
            return new In(key, set);
          });
    }

    public Builder in(String key, Collection<? extends MetadataValue> values) {
      return add(() -> new In(key, values == null ? null : new LinkedHashSet<>(values)));
    }

    /** A number from {@code min} to {@code max}, inclusive. */
    public Builder range(String key, double min, double max) {
      return add(() -> new Range(key, MetadataValue.number(min), MetadataValue.number(max)));
    }

    /** Inclusive bounds, either of which may be {@code null} (open). */
    public Builder range(String key, MetadataValue min, MetadataValue max) {
      return add(() -> new Range(key, min, max));
    }

    /** A date from {@code from} to {@code to}, inclusive. */
    public Builder between(String key, Instant from, Instant to) {
      return add(() -> new Range(key, MetadataValue.date(from), MetadataValue.date(to)));
    }

    /** A number of at least {@code min}. */
    public Builder atLeast(String key, double min) {
      return add(() -> new Range(key, MetadataValue.number(min), null));
    }

    /** A date no earlier than {@code min}. */
    public Builder atLeast(String key, Instant min) {
      return add(() -> new Range(key, MetadataValue.date(min), null));
    }

    /** A number of at most {@code max}. */
    public Builder atMost(String key, double max) {
      return add(() -> new Range(key, null, MetadataValue.number(max)));
    }

    /** A date no later than {@code max}. */
    public Builder atMost(String key, Instant max) {
      return add(() -> new Range(key, null, MetadataValue.date(max)));
    }

    public Builder condition(Condition condition) {
      return add(() -> condition);
    }

    /** Every condition of {@code filter}. */
    public Builder all(SearchFilter filter) {
      filter.conditions().forEach(this::condition);
      return this;
    }

    private Builder add(Supplier<Condition> condition) {
      conditions.add(condition);
      return this;
    }

    private static Set<MetadataValue> values(
        String[] values, Function<String, MetadataValue> type) {
      if (values == null) {
        return null;
      }
      LinkedHashSet<MetadataValue> set = new LinkedHashSet<>();
      for (String v : values) {
        set.add(type.apply(v));
      }
      return set;
    }

    /**
     * @throws InvalidInputException naming the key and values of the first bad condition
     */
    public SearchFilter build() {
      List<Condition> built = new ArrayList<>(conditions.size());
      for (Supplier<Condition> c : conditions) {
        built.add(c.get());
      }
      return built.isEmpty() ? NONE : new SearchFilter(built);
    }
  }
}
