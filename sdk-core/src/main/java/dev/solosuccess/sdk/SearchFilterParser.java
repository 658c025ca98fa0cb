package dev.solosuccess.sdk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The command-line syntax of {@link SearchFilter#parse(Iterable)}. Stateless. */
final class SearchFilterParser {

  private SearchFilterParser() {}

  static SearchFilter parse(Iterable<String> expressions) {
    if (expressions == null) {
      throw new InvalidInputException("filter expressions must not be null");
    }
    List<SearchFilter.Condition> conditions = new ArrayList<>();
    for (String expression : expressions) {
      try {
        conditions.add(condition(expression));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage() + " (filter '" + expression + "')");
      }
    }
    return conditions.isEmpty() ? SearchFilter.none() : new SearchFilter(conditions);
  }

  private static SearchFilter.Condition condition(String expression) {
    int at = expression == null ? -1 : operatorIndex(expression);
    if (at <= 0) {
      throw new InvalidInputException(
          "a filter must be key=value, key=a|b, key=min..max, key>=x, key<=x, key>x or key<x");
    }
    String left = expression.substring(0, at);
    String op =
        expression.charAt(at) != '=' && at + 1 < expression.length()
                && expression.charAt(at + 1) == '='
            ? expression.substring(at, at + 2)
            : expression.substring(at, at + 1);
    String raw = expression.substring(at + op.length()).strip();
    int colon = left.indexOf(':');
    String key = MetadataValues.checkKey((colon < 0 ? left : left.substring(0, colon)).strip());
    String type = colon < 0 ? null : left.substring(colon + 1).strip();
    if (type != null) {
      MetadataValues.checkType(type);
    }
    return switch (op) {
      case "=" -> equality(key, type, raw);
      case ">=" -> new SearchFilter.Range(key, bound(key, type, raw), null);
      case "<=" -> new SearchFilter.Range(key, null, bound(key, type, raw));
      case ">" -> new SearchFilter.Range(key, step(bound(key, type, raw), true), null);
      default -> new SearchFilter.Range(key, null, step(bound(key, type, raw), false));
    };
  }

  private static int operatorIndex(String expression) {
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '=' || c == '<' || c == '>') {
        return i;
      }
    }
    return -1;
  }

  private static SearchFilter.Condition equality(String key, String type, String raw) {
    boolean text = type != null && type.equalsIgnoreCase("string");
    if (raw.indexOf('|') >= 0) {
      Set<MetadataValue> values = new LinkedHashSet<>();
      for (String part : raw.split("\\|", -1)) {
        String v = part.strip();
        if (v.isEmpty()) {
          throw new InvalidInputException("'" + raw + "' has an empty value between '|'");
        }
        values.add(value(key, type, v));
      }
      return new SearchFilter.In(key, values);
    }
    int dots = raw.indexOf("..");
    if (dots >= 0 && !text) {
      String min = raw.substring(0, dots).strip();
      String max = raw.substring(dots + 2).strip();
      if (min.isEmpty() && max.isEmpty()) {
        throw new InvalidInputException("a range needs a lower or upper bound, got '" + raw + "'");
      }
      return new SearchFilter.Range(
          key,
          min.isEmpty() ? null : bound(key, type, min),
          max.isEmpty() ? null : bound(key, type, max));
    }
    return new SearchFilter.Equals(key, value(key, type, raw));
  }

  private static MetadataValue value(String key, String type, String raw) {
    return type == null ? MetadataValue.parse(raw) : Metadata.typed(key, type, raw);
  }

  private static MetadataValue bound(String key, String type, String raw) {
    MetadataValue v = value(key, type, raw);
    if (v instanceof MetadataValue.Text) {
      throw new InvalidInputException(
          "'" + raw + "' is not a number or date"
              + (type == null ? "; use key:string=" + raw + " to match text" : ""));
    }
    return v;
  }

  /** The next value above ({@code up}) or below: a strict bound as an inclusive one. */
  private static MetadataValue step(MetadataValue v, boolean up) {
    if (v instanceof MetadataValue.Number n) {
      return MetadataValue.number(up ? Math.nextUp(n.value()) : Math.nextDown(n.value()));
    }
    Instant t = ((MetadataValue.Date) v).value();
    return MetadataValue.date(t.plusMillis(up ? 1 : -1));
  }
}
