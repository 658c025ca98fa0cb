package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Explanation;
import dev.solosuccess.sdk.Grouping;
import dev.solosuccess.sdk.SearchFilter;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SearchResults;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo search}: a ranked list of documents (or chunks) for a query. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the ingested documents. Words after the options form the query,",
      "so quotes are optional: solo search how many vacation days"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
public final class SearchCommand implements Callable<Integer> {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "What to search for.")
  private List<String> query;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "lexical (BM25), semantic (vectors) or hybrid (both, fused). Default: hybrid")
  private SearchMode mode = SearchMode.HYBRID;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Most hits to show, 1-1000. Default: 10")
  private int limit = SearchRequest.DEFAULT_LIMIT;

  @Option(
      names = "--filter",
      paramLabel = "EXPR",
      converter = Converters.FilterExpression.class,
      description = {
        "Only documents whose metadata matches; repeatable,",
        "all must hold:",
        "  KEY=VALUE     equal",
        "  KEY=A|B|C     any of",
        "  KEY=MIN..MAX  inclusive; MIN.. or ..MAX is open",
        "  KEY>=X  KEY<=X  KEY>X  KEY<X",
        "Values are typed like ingest --meta: 2024 is a",
        "number, 2024-03-01 a date; ranges need those.",
        "KEY:string=VALUE keeps a value as text."
      })
  private List<SearchFilter> filter = new ArrayList<>();

  @Option(names = "--chunks", description = "One hit per chunk instead of per document.")
  private boolean chunks;

  @Option(names = "--json", description = "Print one JSON object with a hits array.")
  private boolean json;

  @Option(
      names = "--explain",
      description = "Show why each hit ranked where it did: each retriever's rank and score, and"
          + " how they were fused.")
  private boolean explain;

  @Override
  public Integer call() {
    SearchRequest request =
        SearchRequest.builder(String.join(" ", query))
            .mode(mode)
            .limit(limit)
            .filter(filter.stream().reduce(SearchFilter.none(), SearchFilter::and))
            .grouping(chunks ? Grouping.CHUNK : Grouping.DOCUMENT)
            .build();
    SearchResults results;
    try (SoloEngine engine = solo.openExistingEngine()) {
      results = engine.search().search(request);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(toJson(results, explain)));
    } else {
      print(out, results, explain);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, SearchResults r, boolean explain) {
    if (r.hits().isEmpty()) {
      out.println("No hits for \"" + r.request().query() + "\".");
      return;
    }
    for (SearchHit h : r.hits()) {
      String page = h.provenance().hasPage() ? "  (page " + h.provenance().page() + ")" : "";
      if (!h.provenance().section().isEmpty()) {
        page += "  § " + h.provenance().sectionPath();
      }
      out.printf(Locale.ROOT, "%2d. %-8s %s%s%n", h.rank(), score(h.score()), Sources.display(h.source()), page);
      out.printf("    %s%n", h.snippet());
      if (explain) {
        out.printf("    why: %s%n", why(h.explanation()));
      }
    }
    out.printf(
        Locale.ROOT,
        "%d %s, %s, %d ms%n",
        r.hits().size(),
        r.hits().size() == 1 ? "hit" : "hits",
        r.request().mode().name().toLowerCase(Locale.ROOT),
        r.took().toMillis());
  }

  /**
   * One line: {@code lexical #3 (BM25 12.41 -> 0.830) + semantic #1 (cosine 0.712 -> 1.000);
   * convex, semantic weight 0.7}.
   */
  static String why(Explanation e) {
    StringBuilder b = new StringBuilder();
    for (Explanation.Retriever r : e.retrievers()) {
      if (b.length() > 0) {
        b.append(" + ");
      }
      String measure = r.name().equals("lexical") ? "BM25" : "cosine";
      if (!r.found()) {
        b.append(r.name()).append(" not in its candidates");
      } else if (e.retrievers().size() == 1) {
        b.append(String.format(Locale.ROOT, "%s #%d (%s %s)", r.name(), r.rank(), measure,
            score(r.score())));
      } else {
        b.append(String.format(Locale.ROOT, "%s #%d (%s %s -> %s)", r.name(), r.rank(), measure,
            score(r.score()), score(r.contribution())));
      }
    }
    switch (e.method()) {
      case "rrf" -> b.append(String.format(Locale.ROOT,
          "; reciprocal rank fusion, k %d: sum of 1/(k + rank)", (int) e.parameter()));
      case "convex" -> b.append(String.format(Locale.ROOT,
          "; convex fusion, semantic weight %s: %s x lexical + %s x semantic, each divided by its"
              + " list's best score", e.parameter(), fmt(1 - e.parameter()), fmt(e.parameter())));
      default -> {}
    }
    return b.toString();
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  private static String score(double s) {
    return String.format(Locale.ROOT, Math.abs(s) < 0.1 ? "%.4f" : "%.3f", s);
  }

  private static ObjectNode toJson(SearchResults r, boolean explain) {
    ObjectNode n = Json.object();
    n.put("query", r.request().query());
    n.put("mode", r.request().mode().name().toLowerCase(Locale.ROOT));
    n.put("limit", r.request().limit());
    n.put("grouping", r.request().grouping().name().toLowerCase(Locale.ROOT));
    n.set("filter", Json.filter(r.request().filter()));
    n.put("tookMs", r.took().toNanos() / 1e6);
    ArrayNode hits = n.putArray("hits");
    for (SearchHit h : r.hits()) {
      ObjectNode hit = Json.hit(h);
      if (explain) {
        hit.set("explanation", Json.explanation(h.explanation()));
      }
      hits.add(hit);
    }
    return n;
  }
}
