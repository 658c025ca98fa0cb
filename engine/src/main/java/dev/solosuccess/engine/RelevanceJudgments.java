package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.eval.BeirFiles;
import dev.solosuccess.sdk.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Relevance judgments ("qrels"): for each query, the judged documents and their relevance grade (0
 * for judged not relevant; 1 and more for relevant, higher is better). Every query listed here
 * counts in an evaluation, even one whose judgments are all 0 (it then scores 0), as with {@code
 * trec_eval -c}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RelevanceJudgments qrels = RelevanceJudgments.read(Path.of("scifact/qrels/test.tsv"));
 * int relevant = qrels.relevantCount("1");
 * }</pre>
 */
public final class RelevanceJudgments {

  private final Map<String, Map<String, Integer>> byQuery;

  private RelevanceJudgments(Map<String, Map<String, Integer>> byQuery) {
    this.byQuery = byQuery;
  }

  /**
   * Judgments from a map of query id to (document id to grade); iteration order is kept.
   *
   * @throws InvalidInputException if an id is blank or a query has no judgments
   */
  public static RelevanceJudgments of(Map<String, Map<String, Integer>> judgments) {
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    judgments.forEach(
        (query, docs) -> {
          checkId("query id", query);
          if (docs.isEmpty()) {
            throw new InvalidInputException("query " + query + " has no judgments");
          }
          Map<String, Integer> d = new LinkedHashMap<>();
          docs.forEach(
              (doc, grade) -> {
                checkId("document id", doc);
                d.put(doc, Objects.requireNonNull(grade, "grade"));
              });
          copy.put(query, Collections.unmodifiableMap(d));
        });
    return new RelevanceJudgments(Collections.unmodifiableMap(copy));
  }

  /**
   * Reads a qrels file: BEIR's TSV ({@code query-id, corpus-id, score}, with or without its header
   * line) or TREC's four columns ({@code query-id iteration doc-id relevance}), separated by tabs
   * or spaces; lines may end in CRLF; a {@code .gz} file is decompressed.
   *
   * @throws InvalidInputException naming the file and line of a malformed or repeated judgment
   * @throws dev.solosuccess.sdk.StorageException if the file cannot be read
   */
  public static RelevanceJudgments read(Path file) {
    Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();
    try (BufferedReader in = BeirFiles.open(file)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        line = number == 1 ? BeirFiles.stripBom(line).strip() : line.strip();
        if (line.isEmpty()) {
          continue;
        }
        // BEIR separates by tabs; TREC qrels by any whitespace.
        String[] f = line.indexOf('\t') >= 0 ? line.split("\t") : line.split("\\s+");
        for (int i = 0; i < f.length; i++) {
          f[i] = f[i].strip();
        }
        if (number == 1 && f.length == 3 && !isInteger(f[2])) {
          continue; // BEIR's header: query-id corpus-id score
        }
        if (f.length != 3 && f.length != 4) {
          throw new InvalidInputException(
              file + " line " + number + ": expected 3 columns (query-id corpus-id score) or 4"
                  + " (query-id iteration doc-id relevance), got " + f.length,
              file.toString(), null);
        }
        String query = f[0];
        String doc = f[f.length - 2];
        String grade = f[f.length - 1];
        if (!isInteger(grade)) {
          throw new InvalidInputException(
              file + " line " + number + ": relevance must be an integer, got '" + grade + "'",
              file.toString(), null);
        }
        Integer previous =
            byQuery.computeIfAbsent(query, q -> new LinkedHashMap<>())
                .put(doc, Integer.parseInt(grade));
        if (previous != null) {
          throw new InvalidInputException(
              file + " line " + number + ": document " + doc + " is judged twice for query "
                  + query, file.toString(), null);
        }
      }
    } catch (IOException e) {
      throw BeirFiles.unreadable(file, e);
    }
    if (byQuery.isEmpty()) {
      throw new InvalidInputException(file + " holds no judgments", file.toString(), null);
    }
    return of(byQuery);
  }

  private static boolean isInteger(String s) {
    try {
      Integer.parseInt(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void checkId(String what, String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidInputException(what + " must not be blank");
    }
  }

  /** The judged queries, in the order they first appear. */
  public Set<String> queryIds() {
    return byQuery.keySet();
  }

  /** The judged documents of a query with their grades; empty for a query not judged here. */
  public Map<String, Integer> judgments(String queryId) {
    return byQuery.getOrDefault(queryId, Map.of());
  }

  /** How many documents of the query are relevant (grade 1 or more). */
  public int relevantCount(String queryId) {
    int n = 0;
    for (int grade : judgments(queryId).values()) {
      if (grade >= RetrievalMetrics.RELEVANCE_LEVEL) {
        n++;
      }
    }
    return n;
  }

  /** The number of judged queries. */
  public int queryCount() {
    return byQuery.size();
  }

  /** The number of (query, document) judgments. */
  public int judgmentCount() {
    return byQuery.values().stream().mapToInt(Map::size).sum();
  }

  @Override
  public String toString() {
    return "RelevanceJudgments[" + queryCount() + " queries, " + judgmentCount() + " judgments]";
  }
}
