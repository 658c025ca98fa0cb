package dev.solosuccess.sdk;

import java.util.Objects;

/**
 * A search. Build with {@link #builder(String)}, or {@link #of(String)} for the defaults.
 *
 * <pre>{@code
 * SearchRequest.builder("refund window for opened items")
 *     .mode(SearchMode.LEXICAL)
 *     .limit(5)
 *     .filter(SearchFilter.builder().equalTo("team", "support").atLeast("year", 2023).build())
 *     .build();
 * }</pre>
 *
 * @param query the text to search for, at most {@value #MAX_QUERY_LENGTH} characters
 * @param mode which retrievers to use; default {@link SearchMode#HYBRID}
 * @param limit the most hits to return, 1 to {@value #MAX_LIMIT}; default {@value #DEFAULT_LIMIT}
 * @param filter the conditions every hit's document must meet (see {@link SearchFilter}), applied
 *     inside each retriever rather than after it, so a filtered search still fills its limit;
 *     default {@link SearchFilter#none()}
 * @param grouping one hit per document (default) or per chunk
 */
public record SearchRequest(
    String query, SearchMode mode, int limit, SearchFilter filter, Grouping grouping) {

  public static final int DEFAULT_LIMIT = 10;
  /** Large enough for evaluation runs, which rank the top 1,000. */
  public static final int MAX_LIMIT = 1000;
  public static final int MAX_QUERY_LENGTH = 4096;

  public SearchRequest {
    if (query == null || query.isBlank()) {
      throw new InvalidInputException("query must not be blank");
    }
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new InvalidInputException(
          "query must be at most " + MAX_QUERY_LENGTH + " characters, got " + query.length());
    }
    Objects.requireNonNull(mode, "mode");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit must be in 1.." + MAX_LIMIT + ", got " + limit);
    }
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(grouping, "grouping");
  }

  /** A hybrid search for {@code query} with the defaults. */
  public static SearchRequest of(String query) {
    return builder(query).build();
  }

  public static Builder builder(String query) {
    return new Builder(query);
  }

  /** Builds a {@link SearchRequest}, validated in {@link #build()}; not thread-safe. */
  public static final class Builder {
    private final String query;
    private SearchMode mode = SearchMode.HYBRID;
    private int limit = DEFAULT_LIMIT;
    private SearchFilter filter = SearchFilter.none();
    private Grouping grouping = Grouping.DOCUMENT;

    private Builder(String query) {
      this.query = query;
    }

    public Builder mode(SearchMode mode) {
      this.mode = mode;
      return this;
    }

    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Equality on each entry of {@code filter}; replaces any filter set before. */
    public Builder filter(Metadata filter) {
      this.filter = filter == null ? null : SearchFilter.of(filter);
      return this;
    }

    /** Replaces any filter set before. */
    public Builder filter(SearchFilter filter) {
      this.filter = filter;
      return this;
    }

    public Builder grouping(Grouping grouping) {
      this.grouping = grouping;
      return this;
    }

    public SearchRequest build() {
      return new SearchRequest(query, mode, limit, filter, grouping);
    }
  }
}
