package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.ingest.DocumentIds;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.IngestListener;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SoloClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a {@link BeirDataset} through a {@link SoloClient}: ingests its corpus (each document's
 * {@link BeirDataset.Document#contents() title and text} as plain text, under an id derived from
 * its BEIR id) and searches its queries, giving runs to score with {@link RetrievalMetrics} or to
 * write with {@link TrecRun}. Uses only the public API, so it measures what applications get.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * BeirDataset scifact = BeirDataset.read(Path.of("beir/scifact"), "test");
 * try (SoloEngine solo = SoloEngine.open(EngineConfig.builder(dataDir).build())) {
 *   BeirEvaluation.ingest(solo, scifact, IngestListener.NONE);
 *   Map<String, List<RankedDocument>> run = BeirEvaluation.search(solo, scifact, SearchMode.HYBRID, 1000);
 *   RetrievalMetrics.Scores s = RetrievalMetrics.evaluate(scifact.judgments(), run);
 * }
 * }</pre>
 */
public final class BeirEvaluation {

  /** Results per query of a TREC run, and the most a search returns. */
  public static final int RUN_DEPTH = SearchRequest.MAX_LIMIT;

  private static final Pattern ENGINE_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  private BeirEvaluation() {}

  /**
   * The engine's document id for a BEIR id: the id itself when the engine accepts it (letters,
   * digits, {@code . _ : @ -}, at most 128), else {@code beir-} and 32 hex digits of its SHA-256.
   */
  public static String documentId(String beirId) {
    if (ENGINE_ID.matcher(beirId).matches()) {
      return beirId;
    }
    return "beir-" + DocumentIds.sha256(beirId.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .substring(0, 32);
  }

  /**
   * Ingests the corpus as one batch. Documents already stored with the same text are skipped, so
   * a data folder ingested before is reused as it is.
   *
   * @throws InvalidInputException if a document could not be ingested, or the data folder holds
   *     documents that are not in the corpus (they would take places in the rankings)
   */
  public static IngestSummary ingest(
      SoloClient client, BeirDataset dataset, IngestListener listener) {
    List<DocumentSource> sources = new ArrayList<>(dataset.corpus().size());
    for (BeirDataset.Document d : dataset.corpus()) {
      String name = dataset.folder().getFileName() + "/corpus/" + d.id();
      sources.add(DocumentSource.ofText(name, d.contents()).withId(documentId(d.id())));
    }
    IngestSummary summary =
        client.documents().ingest(
            IngestRequest.builder().sources(sources).listener(listener).build());
    if (!summary.skipped().isEmpty()) {
      throw new InvalidInputException(
          summary.skipped().size() + " documents of " + dataset.folder()
              + " could not be ingested, the first: " + summary.skipped().get(0).reason());
    }
    long stored = client.documents().count();
    if (stored != dataset.corpus().size()) {
      throw new InvalidInputException(
          "the data folder holds " + stored + " documents, the corpus "
              + dataset.corpus().size() + ": evaluate in a data folder of its own");
    }
    return summary;
  }

  /**
   * Searches every query of the dataset, one document per hit (its best chunk's score), and maps
   * the hits back to BEIR ids.
   *
   * @param depth results per query, 1 to {@value #RUN_DEPTH}
   * @return each query's results by query id, in the order of {@link BeirDataset#queries()}
   */
  public static Map<String, List<RankedDocument>> search(
      SoloClient client, BeirDataset dataset, SearchMode mode, int depth) {
    if (depth < 1 || depth > RUN_DEPTH) {
      throw new InvalidInputException("depth must be in 1.." + RUN_DEPTH + ", got " + depth);
    }
    Map<String, String> beirIds = new HashMap<>();
    for (BeirDataset.Document d : dataset.corpus()) {
      beirIds.put(documentId(d.id()), d.id());
    }
    Map<String, List<RankedDocument>> run = new LinkedHashMap<>();
    for (BeirDataset.Query q : dataset.queries()) {
      List<RankedDocument> ranked = new ArrayList<>();
      String text = q.text();
      if (!text.isBlank()) {
        if (text.length() > SearchRequest.MAX_QUERY_LENGTH) {
          text = text.substring(0, SearchRequest.MAX_QUERY_LENGTH);
        }
        SearchRequest request = SearchRequest.builder(text).mode(mode).limit(depth).build();
        for (SearchHit hit : client.search().search(request).hits()) {
          String id = beirIds.get(hit.documentId());
          if (id != null) {
            ranked.add(new RankedDocument(id, hit.score()));
          }
        }
      }
      run.put(q.id(), ranked);
    }
    return run;
  }
}
