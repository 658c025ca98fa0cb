package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.eval.BeirFiles;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.StorageException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * TREC run files: one line per retrieved document, {@code query-id Q0 doc-id rank score tag}, the
 * input of {@code trec_eval}, {@code pytrec_eval} and {@code ir_measures}.
 *
 * <p>Lines are written in {@link RetrievalMetrics#trecOrder trec_eval's order} with ranks 1, 2, ...
 * in that order, so a tool that trusts the rank column and one that re-sorts by score (as {@code
 * trec_eval} does) read the same ranking. Scores are written in full (the shortest decimal that
 * reads back as the same double), so {@code trec_eval}'s 32-bit reading of them sees the ties this
 * engine's metrics saw. Stateless and thread-safe.
 *
 * <pre>{@code
 * TrecRun.write(Path.of("run.hybrid.trec"), run, "solo-hybrid");
 * }</pre>
 */
public final class TrecRun {

  private static final Pattern TAG = Pattern.compile("\\S{1,64}");

  private TrecRun() {}

  /**
   * Writes a run file, queries in the map's order.
   *
   * @param tag the run's name in the last column: 1 to 64 characters, no whitespace
   * @throws InvalidInputException if the tag is not valid, an id holds whitespace, or a query
   *     lists a document twice
   * @throws dev.solosuccess.sdk.StorageException if the file cannot be written
   */
  public static void write(Path file, Map<String, List<RankedDocument>> run, String tag) {
    checkTag(tag);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(out, run, tag);
    } catch (IOException e) {
      throw new StorageException(
          "cannot write the run file " + file + ": " + e.getMessage(), file, e);
    } catch (UncheckedIOException e) {
      throw new StorageException(
          "cannot write the run file " + file + ": " + e.getCause().getMessage(), file, e);
    }
  }

  /** Writes a run to {@code out}, which is flushed but not closed. */
  public static void write(Writer out, Map<String, List<RankedDocument>> run, String tag) {
    checkTag(tag);
    try {
      for (Map.Entry<String, List<RankedDocument>> e : run.entrySet()) {
        String query = checkId("query id", e.getKey());
        int rank = 0;
        for (RankedDocument d : RetrievalMetrics.trecOrder(e.getValue())) {
          out.write(query);
          out.write(" Q0 ");
          out.write(checkId("document id", d.documentId()));
          out.write(' ');
          out.write(Integer.toString(++rank));
          out.write(' ');
          out.write(BigDecimal.valueOf(d.score()).stripTrailingZeros().toPlainString());
          out.write(' ');
          out.write(tag);
          out.write('\n');
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a run file: whitespace-separated {@code query-id iteration doc-id rank score tag}; the
   * iteration, rank and tag are ignored, as {@code trec_eval} ignores them. Queries keep the order
   * of their first line, documents the order of the file.
   *
   * @throws InvalidInputException naming the line of a malformed entry
   */
  public static Map<String, List<RankedDocument>> read(Path file) {
    Map<String, List<RankedDocument>> run = new LinkedHashMap<>();
    try (BufferedReader in = BeirFiles.open(file)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        line = line.strip();
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split("\\s+");
        if (f.length != 6) {
          throw new InvalidInputException(
              file + " line " + number + ": expected 6 columns (query-id Q0 doc-id rank score"
                  + " tag), got " + f.length, file.toString(), null);
        }
        double score;
        try {
          score = Double.parseDouble(f[4]);
        } catch (NumberFormatException e) {
          throw new InvalidInputException(
              file + " line " + number + ": score must be a number, got '" + f[4] + "'",
              file.toString(), e);
        }
        run.computeIfAbsent(f[0], q -> new ArrayList<>()).add(new RankedDocument(f[2], score));
      }
    } catch (IOException e) {
      throw BeirFiles.unreadable(file, e);
    }
    return run;
  }

  private static void checkTag(String tag) {
    if (tag == null || !TAG.matcher(tag).matches()) {
      throw new InvalidInputException(
          "run tag must be 1-64 characters without whitespace, got '" + tag + "'");
    }
  }

  private static String checkId(String what, String id) {
    for (int i = 0; i < id.length(); i++) {
      if (Character.isWhitespace(id.charAt(i))) {
        throw new InvalidInputException(what + " must not hold whitespace, got '" + id + "'");
      }
    }
    return id;
  }
}
