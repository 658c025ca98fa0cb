package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.engine.internal.store.NewChunk;
import dev.solosuccess.engine.internal.store.NewDocument;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.MetadataValue;
import dev.solosuccess.sdk.Provenance;
import dev.solosuccess.sdk.SearchFilter;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed metadata and filters on a real engine: the values keep their types in the store and across
 * reopens, and every kind of filter selects exactly the right documents in every search mode.
 */
class MetadataFilterTest {

  @TempDir Path dataDir;

  /** Six short documents, each mentioning the query word "report". */
  static final Map<String, List<String>> DOCS =
      Map.of(
          "a",
          List.of(
              "team=support", "year=2021", "created=2021-03-01", "lang=en",
              "The support report covers refunds for damaged grinders."),
          "b",
          List.of(
              "team=sales", "year=2022", "created=2022-06-15", "lang=de",
              "The sales report lists espresso machine orders by region."),
          "c",
          List.of(
              "team=support", "year=2023", "created=2023-01-10T12:00:00Z", "lang=fr",
              "This report explains how support handles late coffee deliveries."),
          "d",
          List.of(
              "team=hr", "year=2024", "created=2024-02-29", "lang=en",
              "The hiring report counts new baristas for the spring season."),
          "e",
          List.of(
              "team=support", "year=2024.5", "created=2024-12-31T23:59:59.999+00:00", "lang=de",
              "A support report on warranty claims for milk frothers."),
          "f",
          List.of(
              "year:string=2024", "note=misc",
              "An untyped report whose year is text, not a number."));

  static final String QUERY = "report";

  private static void ingestAll(SoloEngine engine) {
    for (Map.Entry<String, List<String>> d : DOCS.entrySet()) {
      List<String> parts = d.getValue();
      engine
          .documents()
          .ingest(
              DocumentSource.ofText(d.getKey() + ".txt", parts.get(parts.size() - 1))
                  .withId(d.getKey())
                  .withMetadata(Metadata.parse(parts.subList(0, parts.size() - 1))));
    }
  }

  private static List<String> ids(SoloEngine engine, SearchMode mode, SearchFilter filter) {
    SearchRequest request = SearchRequest.builder(QUERY).mode(mode).limit(20).filter(filter).build();
    return engine.search().search(request).hits().stream().map(SearchHit::documentId).toList();
  }

  private static SearchFilter f(String... expressions) {
    return SearchFilter.parse(List.of(expressions));
  }

  /** Every filter of the table, in every mode, finds exactly its documents. */
  private static void assertFilters(SoloEngine engine, String when) {
    Map<SearchFilter, List<String>> cases =
        Map.ofEntries(
            Map.entry(f("team=support"), List.of("a", "c", "e")),
            Map.entry(f("lang=en|de"), List.of("a", "b", "d", "e")),
            Map.entry(
                SearchFilter.builder().in("team", "hr", "sales").build(), List.of("b", "d")),
            Map.entry(f("year=2022..2023"), List.of("b", "c")),
            Map.entry(
                SearchFilter.builder().range("year", 2021.5, 2023).build(), List.of("b", "c")),
            Map.entry(f("created=2022-01-01..2023-12-31"), List.of("b", "c")),
            Map.entry(
                SearchFilter.builder()
                    .between(
                        "created",
                        Instant.parse("2023-01-10T12:00:00Z"),
                        Instant.parse("2024-02-29T00:00:00Z"))
                    .build(),
                List.of("c", "d")),
            Map.entry(f("team=support", "year>=2023"), List.of("c", "e")),
            Map.entry(f("year>2023"), List.of("d", "e")),
            Map.entry(SearchFilter.builder().atMost("year", 2021).build(), List.of("a")),
            Map.entry(f("created>=2024-12-31T23:59:59.999Z"), List.of("e")),
            Map.entry(f("created>2024-12-31T23:59:59.999Z"), List.of()),
            Map.entry(f("year=2024"), List.of("d", "f")), // canonical strings: text "2024" too
            Map.entry(f("year=2024..2024"), List.of("d")), // ranges: numbers only
            Map.entry(f("created=2024-02-29"), List.of("d")),
            Map.entry(f("team=nobody"), List.of()),
            Map.entry(f("year>=3000"), List.of()),
            Map.entry(f("team=support", "lang=en", "year>=2022"), List.of()),
            Map.entry(SearchFilter.none(), List.of("a", "b", "c", "d", "e", "f")));
    for (SearchMode mode : SearchMode.values()) {
      cases.forEach(
          (filter, expected) ->
              assertThat(ids(engine, mode, filter))
                  .as("%s, %s, filter %s", when, mode, filter)
                  .containsExactlyInAnyOrderElementsOf(expected));
    }
  }

  @Test
  void typedFiltersSelectTheRightDocumentsInEveryModeAndTypesSurviveAReopen() throws IOException {
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      ingestAll(engine);
      assertFilters(engine, "after ingest");
    }
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      Document e = engine.documents().get("e").orElseThrow();
      assertThat(e.metadata().entries())
          .containsExactly(
              Map.entry(
                  "created", MetadataValue.date(Instant.parse("2024-12-31T23:59:59.999Z"))),
              Map.entry("lang", MetadataValue.text("de")),
              Map.entry("team", MetadataValue.text("support")),
              Map.entry("year", MetadataValue.number(2024.5)));
      // A short text: its format is all the parser can tell.
      assertThat(e.extracted()).isEqualTo(Metadata.of("content_type", "text/plain"));
      assertThat(engine.documents().get("f").orElseThrow().metadata().get("year"))
          .contains(MetadataValue.text("2024"));
      SearchHit hit =
          engine.search().search(SearchRequest.builder(QUERY).filter(f("year>=2024.5")).build())
              .hits().get(0);
      assertThat(hit.metadata()).isEqualTo(e.metadata());
      assertFilters(engine, "after reopen");
    }
    deleteTree(dataDir.resolve("index"));
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      assertFilters(engine, "after a rebuild of the index from the store");
    }
  }

  @Test
  void reingestingWithOtherMetadataReindexesTheNewValues() {
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      ingestAll(engine);
      DocumentSource d =
          DocumentSource.ofText("d.txt", DOCS.get("d").get(4))
              .withId("d")
              .withMetadata(Metadata.parse(List.of("team=hr", "year=2019")));
      engine.documents().ingest(d);

      for (SearchMode mode : SearchMode.values()) {
        assertThat(ids(engine, mode, f("year<=2021"))).containsExactlyInAnyOrder("a", "d");
        assertThat(ids(engine, mode, f("created>=2024-01-01"))).containsExactly("e");
      }
    }
  }

  @Test
  void extractedMetadataIsFilterableAndTheCallersWinsOnEqualKeys() {
    // The parsers do not extract metadata yet: store a document with some as the ingestor will.
    float[] vector = new float[384];
    vector[0] = 1;
    try (MetadataStore store = MetadataStore.open(dataDir, "all-minilm-l6-v2", 384)) {
      String text = "Quarterly report of the roastery.";
      store.upsert(
          new NewDocument(
              "x",
              "x.txt",
              "text/plain",
              sha256(text),
              Metadata.parse(List.of("lang=en", "team=ops")),
              Metadata.parse(
                  List.of(
                      "author=Ada Lovelace", "created=2020-05-01", "lang=fr", "content_type=text/plain")),
              text,
              0,
              List.of(new NewChunk(text, 8, new Provenance(0, 0, text.length()), vector))));
    }
    try (SoloEngine engine = TestSupport.open(dataDir)) { // the index catches up with the store
      Document x = engine.documents().get("x").orElseThrow();
      assertThat(x.extracted().get("created"))
          .contains(MetadataValue.date(Instant.parse("2020-05-01T00:00:00Z")));
      assertThat(x.extracted().getString("author")).contains("Ada Lovelace");
      assertThat(x.metadata().getString("lang")).contains("en");

      for (SearchMode mode : SearchMode.values()) {
        assertThat(ids(engine, mode, f("author=Ada Lovelace"))).containsExactly("x");
        assertThat(ids(engine, mode, f("created<2021-01-01", "team=ops"))).containsExactly("x");
        assertThat(ids(engine, mode, f("lang=en"))).containsExactly("x");
        assertThat(ids(engine, mode, f("lang=fr"))).as("the caller's lang wins").isEmpty();
      }

      // New metadata from the caller for the same content keeps what was extracted.
      engine
          .documents()
          .ingest(
              DocumentSource.ofText("x.txt", "Quarterly report of the roastery.")
                  .withId("x")
                  .withMetadata(Metadata.of("team", "finance")));
      Document again = engine.documents().get("x").orElseThrow();
      assertThat(again.sequence()).isGreaterThan(x.sequence());
      assertThat(again.metadata()).isEqualTo(Metadata.of("team", "finance"));
      assertThat(again.extracted()).isEqualTo(x.extracted());
      for (SearchMode mode : SearchMode.values()) {
        assertThat(ids(engine, mode, f("lang=fr", "team=finance"))).containsExactly("x");
        assertThat(ids(engine, mode, f("team=ops"))).isEmpty();
      }
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aStoreOfAnEarlierEngineOpensAndItsMetadataReadsAsText() throws SQLException {
    try (SoloEngine engine = TestSupport.open(dataDir)) {
      ingestAll(engine);
    }
    // Put the store back to the layout of the engine before typed metadata.
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("meta").toAbsolutePath(), "solo", "");
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE document_metadata DROP COLUMN type");
      s.execute("DROP TABLE document_extracted");
    }

    try (SoloEngine engine = TestSupport.open(dataDir)) {
      Document a = engine.documents().get("a").orElseThrow();
      assertThat(a.metadata().get("year")).contains(MetadataValue.text("2021"));
      assertThat(a.metadata().get("created")).contains(MetadataValue.text("2021-03-01T00:00:00Z"));
      // The index is derived from the store: equality still matches, ranges need numbers.
      engine.documents().delete("f");
      engine.documents().ingest(DocumentSource.ofText("f.txt", "Another report.").withId("f"));
      for (SearchMode mode : SearchMode.values()) {
        assertThat(ids(engine, mode, f("team=support"))).containsExactlyInAnyOrder("a", "c", "e");
        assertThat(ids(engine, mode, f("year=2021"))).containsExactly("a");
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
