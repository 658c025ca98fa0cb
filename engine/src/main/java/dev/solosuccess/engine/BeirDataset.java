package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.eval.BeirFiles;
import dev.solosuccess.sdk.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A retrieval test collection in the BEIR layout (Thakur et al., 2021): a folder holding {@code
 * corpus.jsonl} ({@code {"_id", "title", "text"}} per line), {@code queries.jsonl} ({@code {"_id",
 * "text"}}) and {@code qrels/<split>.tsv}; any of them may be gzipped ({@code .gz}), and lines may
 * end in CRLF. Only the queries judged in the split are kept, in the order of {@code
 * queries.jsonl}; their {@code metadata} is ignored.
 *
 * <p>The whole corpus is read into memory (SciFact: 5,183 documents, 8 MB). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * BeirDataset scifact = BeirDataset.read(Path.of("beir/scifact"), "test");
 * scifact.corpus().size();    // 5,183
 * scifact.queries().size();   // 300
 * }</pre>
 */
public final class BeirDataset {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /**
   * A document of the corpus.
   *
   * @param id BEIR's {@code _id}
   * @param title the title, trimmed (some BEIR titles carry stray whitespace); may be empty
   * @param text the text, trimmed
   */
  public record Document(String id, String title, String text) {

    public Document {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(text, "text");
    }

    /**
     * What is indexed: the title, a blank line, and the text (BEIR's and Anserini's "title +
     * text"); the text alone when there is no title.
     */
    public String contents() {
      if (title.isEmpty()) {
        return text;
      }
      return text.isEmpty() ? title : title + "\n\n" + text;
    }
  }

  /**
   * A query.
   *
   * @param id BEIR's {@code _id}
   * @param text the query text
   */
  public record Query(String id, String text) {

    public Query {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(text, "text");
    }
  }

  private final Path folder;
  private final String split;
  private final List<Document> corpus;
  private final List<Query> queries;
  private final RelevanceJudgments judgments;

  private BeirDataset(
      Path folder,
      String split,
      List<Document> corpus,
      List<Query> queries,
      RelevanceJudgments judgments) {
    this.folder = folder;
    this.split = split;
    this.corpus = corpus;
    this.queries = queries;
    this.judgments = judgments;
  }

  /**
   * Reads a BEIR folder with the judgments of one split.
   *
   * @param split the qrels file's name without extension: {@code test}, {@code dev} or {@code
   *     train}
   * @throws InvalidInputException if a file is missing or malformed (naming file and line), or a
   *     judged query has no text
   * @throws dev.solosuccess.sdk.StorageException if a file cannot be read
   */
  public static BeirDataset read(Path folder, String split) {
    Objects.requireNonNull(folder, "folder");
    if (split == null || !split.matches("[A-Za-z0-9._-]+")) {
      throw new InvalidInputException(
          "split must be a qrels file name such as test, dev or train, got '" + split + "'");
    }
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException(
          "no BEIR folder at " + folder + " (expected corpus.jsonl, queries.jsonl and qrels/)",
          folder.toString(), null);
    }
    RelevanceJudgments judgments =
        RelevanceJudgments.read(BeirFiles.find(folder.resolve("qrels"), split + ".tsv"));
    List<Document> corpus = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    readJsonLines(
        BeirFiles.find(folder, "corpus.jsonl"),
        (n, file, line) -> {
          String id = id(n, file, line);
          if (!ids.add(id)) {
            throw new InvalidInputException(
                file + " line " + line + ": document " + id + " appears twice", file.toString(),
                null);
          }
          corpus.add(new Document(id, string(n, "title").strip(), string(n, "text").strip()));
        });
    Map<String, Query> byId = new HashMap<>();
    List<Query> queries = new ArrayList<>();
    readJsonLines(
        BeirFiles.find(folder, "queries.jsonl"),
        (n, file, line) -> {
          String id = id(n, file, line);
          if (!judgments.judgments(id).isEmpty() && !byId.containsKey(id)) {
            Query q = new Query(id, string(n, "text").strip());
            byId.put(id, q);
            queries.add(q);
          }
        });
    for (String id : judgments.queryIds()) {
      if (!byId.containsKey(id)) {
        throw new InvalidInputException(
            "query " + id + " of qrels/" + split + " is not in queries.jsonl of " + folder,
            folder.toString(), null);
      }
    }
    return new BeirDataset(folder, split, List.copyOf(corpus), List.copyOf(queries), judgments);
  }

  private interface LineHandler {
    void accept(JsonNode node, Path file, int line);
  }

  private static void readJsonLines(Path file, LineHandler handler) {
    try (BufferedReader in = BeirFiles.open(file)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (number == 1) {
          line = BeirFiles.stripBom(line);
        }
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (JacksonException e) {
          throw new InvalidInputException(
              file + " line " + number + ": not JSON: " + e.getOriginalMessage(),
              file.toString(), e);
        }
        if (!node.isObject()) {
          throw new InvalidInputException(
              file + " line " + number + ": expected a JSON object", file.toString(), null);
        }
        handler.accept(node, file, number);
      }
    } catch (IOException e) {
      throw BeirFiles.unreadable(file, e);
    }
  }

  private static String id(JsonNode n, Path file, int line) {
    JsonNode id = n.get("_id");
    if (id == null || !(id.isString() || id.isNumber()) || id.asString().isBlank()) {
      throw new InvalidInputException(
          file + " line " + line + ": \"_id\" is missing or blank", file.toString(), null);
    }
    return id.asString().strip();
  }

  private static String string(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asString();
  }

  /** The folder read. */
  public Path folder() {
    return folder;
  }

  /** The split whose judgments were read ({@code qrels/<split>.tsv}). */
  public String split() {
    return split;
  }

  /** Every document of the corpus, in file order. */
  public List<Document> corpus() {
    return corpus;
  }

  /** The queries judged in the split, in the order of {@code queries.jsonl}. */
  public List<Query> queries() {
    return queries;
  }

  /** The split's relevance judgments. */
  public RelevanceJudgments judgments() {
    return judgments;
  }

  @Override
  public String toString() {
    return "BeirDataset[" + folder + ", " + split + ": " + corpus.size() + " documents, "
        + queries.size() + " queries]";
  }
}
