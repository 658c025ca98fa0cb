package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.Grouping;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.SearchFilter;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SearchResults;
import dev.solosuccess.sdk.SoloClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenancy: a corpus of tenant A's documents, tenant B's, documents shared by both, and unlabelled
 * ones. Tenant B's reader runs 10,000 randomized searches (lexical, semantic, hybrid; queries made
 * of both tenants' words, A-only words included; random metadata filters, limits and grouping):
 * not one hit is A's or unlabelled, no snippet holds a word only A's (or the unlabelled)
 * documents have, and B's counts are B's. Then the score check: for a sample of queries, B's
 * results on the mixed index equal, id for id and score for score, the results of an admin on an
 * index holding only the documents B sees (where Lucene's own statistics apply): A never shapes a
 * score. Replay with {@code -Dtenancy.seed=N}.
 */
class TenancyTest {

  static final int SEARCHES = 10_000;
  static final int SCORE_SAMPLES = 150;
  /** Float sums may be taken in another order on the other index: a rounding, not an IDF shift. */
  static final double SCORE_TOLERANCE = 1e-5;

  static final String[] COMMON = {
    "patient", "treatment", "follow", "visit", "blood", "pressure", "heart", "medication", "dose",
    "pain", "clinic", "report", "therapy", "symptoms", "review", "surgery", "recovery", "chest",
    "kidney", "infection", "fever", "scan", "imaging", "diet", "exercise", "sleep", "allergy",
    "insulin", "cholesterol", "referral"
  };

  @TempDir Path mixed;
  @TempDir Path onlyB;

  record Doc(String id, String text, Set<String> labels, String dept, int year) {}

  @Test
  void tenantBNeverSeesTenantA() {
    long seed = Long.getLong("tenancy.seed", System.nanoTime());
    System.out.println("TenancyTest seed " + seed + " (replay: -Dtenancy.seed=" + seed + ")");
    Random random = new Random(seed);
    List<String> aWords = words(random, "xa", 40);
    List<String> bWords = words(random, "xb", 40);
    List<String> sharedWords = words(random, "xs", 15);
    List<String> unlabelledWords = words(random, "xu", 15);

    List<Doc> docs = new ArrayList<>();
    addDocs(docs, random, "a", 60, Set.of("tenant:a"), aWords);
    addDocs(docs, random, "b", 60, Set.of("tenant:b"), bWords);
    addDocs(docs, random, "s", 20, Set.of("tenant:a", "tenant:b"), sharedWords);
    addDocs(docs, random, "u", 20, Set.of(), unlabelledWords);
    Set<String> hidden = new HashSet<>();
    List<Doc> visibleToB = new ArrayList<>();
    for (Doc d : docs) {
      if (d.labels().contains("tenant:b")) {
        visibleToB.add(d);
      } else {
        hidden.add(d.id());
      }
    }
    List<String> forbiddenWords = new ArrayList<>(aWords);
    forbiddenWords.addAll(unlabelledWords);

    List<String> queries = new ArrayList<>();
    List<String> vocabulary = new ArrayList<>(List.of(COMMON));
    vocabulary.addAll(aWords);
    vocabulary.addAll(bWords);
    vocabulary.addAll(sharedWords);
    vocabulary.addAll(unlabelledWords);
    for (int i = 0; i < 300; i++) {
      StringBuilder q = new StringBuilder();
      int n = 1 + random.nextInt(4);
      for (int w = 0; w < n; w++) {
        // One in three words is A-only: queries that would match A must find nothing of it.
        String word =
            random.nextInt(3) == 0
                ? aWords.get(random.nextInt(aWords.size()))
                : vocabulary.get(random.nextInt(vocabulary.size()));
        q.append(w == 0 ? "" : " ").append(word);
      }
      queries.add(q.toString());
    }

    Map<String, Map<String, Double>> mixedScores = new HashMap<>();
    List<SearchRequest> samples = new ArrayList<>();
    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(mixed).build())) {
      ingest(engine, docs);
      String rootKey =
          engine.users().add("root", Role.ADMIN, Set.of(), PrincipalKind.PERSON).apiKey();
      SoloClient root = engine.authenticate(rootKey);
      String bKey =
          root.users().add("b-reader", Role.READER, Set.of("tenant:b"), PrincipalKind.SERVICE)
              .apiKey();
      SoloClient b = engine.authenticate(bKey);

      assertThat(root.documents().count()).isEqualTo(docs.size());
      assertThat(b.documents().count()).as("B counts only what B sees").isEqualTo(visibleToB.size());
      assertThat(b.documents().list()).extracting(Document::id)
          .containsExactlyInAnyOrderElementsOf(visibleToB.stream().map(Doc::id).toList());
      for (String id : List.of("a-0", "u-0")) {
        assertThat(b.documents().get(id)).isEmpty();
        assertThatThrownBy(() -> b.documents().text(id))
            .isInstanceOf(NotFoundException.class)
            .hasMessage(new NotFoundException("document", id).getMessage());
        assertThatThrownBy(() -> b.documents().chunks(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.inference().summarize(id, 1))
            .isInstanceOf(NotFoundException.class)
            .hasMessage(new NotFoundException("document", id).getMessage());
      }
      assertThat(b.documents().text("b-0")).isNotEmpty();

      int[] perMode = new int[3];
      long hitsSeen = 0;
      long started = System.nanoTime();
      for (int i = 0; i < SEARCHES; i++) {
        SearchMode mode = SearchMode.values()[random.nextInt(3)];
        perMode[mode.ordinal()]++;
        SearchRequest request =
            SearchRequest.builder(queries.get(random.nextInt(queries.size())))
                .mode(mode)
                .limit(1 + random.nextInt(random.nextBoolean() ? 10 : 200))
                .grouping(random.nextBoolean() ? Grouping.DOCUMENT : Grouping.CHUNK)
                .filter(randomFilter(random))
                .build();
        SearchResults results = b.search().search(request);
        assertThat(results.hits().size())
            .as("search %d (%s) of seed %d", i, request, seed)
            .isLessThanOrEqualTo(request.grouping() == Grouping.DOCUMENT
                ? visibleToB.size() : Integer.MAX_VALUE);
        for (SearchHit hit : results.hits()) {
          hitsSeen++;
          assertThat(hidden)
              .as("search %d of seed %d returned a document B may not see", i, seed)
              .doesNotContain(hit.documentId());
          String snippet = hit.snippet().toLowerCase(Locale.ROOT);
          for (String w : forbiddenWords) {
            assertThat(snippet)
                .as("snippet of search %d of seed %d", i, seed)
                .doesNotContain(w);
          }
        }
      }
      System.out.printf(
          "TenancyTest: %d searches as tenant B (lexical %d, semantic %d, hybrid %d), %d hits,"
              + " 0 of tenant A; %.1f s%n",
          SEARCHES, perMode[0], perMode[1], perMode[2], hitsSeen,
          (System.nanoTime() - started) / 1e9);

      for (int i = 0; i < SCORE_SAMPLES; i++) {
        SearchRequest request =
            SearchRequest.builder(queries.get(random.nextInt(queries.size())))
                .mode(SearchMode.values()[i % 3])
                .limit(SearchRequest.MAX_LIMIT)
                .grouping(i % 2 == 0 ? Grouping.CHUNK : Grouping.DOCUMENT)
                .build();
        samples.add(request);
        mixedScores.put(i + "", scores(b.search().search(request)));
      }
    }

    try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(onlyB).build())) {
      ingest(engine, visibleToB);
      int nonEmpty = 0;
      for (int i = 0; i < samples.size(); i++) {
        // Unbound local admin: no label filter at all, so Lucene's own index statistics apply.
        Map<String, Double> expected = scores(engine.search().search(samples.get(i)));
        Map<String, Double> actual = mixedScores.get(i + "");
        assertThat(actual.keySet())
            .as("hits of %s (seed %d)", samples.get(i), seed)
            .isEqualTo(expected.keySet());
        for (Map.Entry<String, Double> e : expected.entrySet()) {
          double got = actual.get(e.getKey());
          assertThat(Math.abs(got - e.getValue()))
              .as("score of %s for %s (seed %d): %s on the mixed index, %s on B's alone",
                  e.getKey(), samples.get(i), seed, got, e.getValue())
              .isLessThanOrEqualTo(SCORE_TOLERANCE * Math.max(1, Math.abs(e.getValue())));
        }
        nonEmpty += expected.isEmpty() ? 0 : 1;
      }
      assertThat(nonEmpty).as("samples with hits").isGreaterThan(SCORE_SAMPLES / 2);
      System.out.printf(
          "TenancyTest: %d sampled searches score the same on the mixed index as on B's alone%n",
          samples.size());
    }
  }

  private static Map<String, Double> scores(SearchResults results) {
    Map<String, Double> out = new HashMap<>();
    for (SearchHit h : results.hits()) {
      out.put(h.chunkId(), h.score());
    }
    return out;
  }

  private static void ingest(SoloEngine engine, List<Doc> docs) {
    // One request per label set: labels are given per ingest call.
    Map<Set<String>, List<Doc>> byLabels = new HashMap<>();
    for (Doc d : docs) {
      byLabels.computeIfAbsent(d.labels(), k -> new ArrayList<>()).add(d);
    }
    for (Map.Entry<Set<String>, List<Doc>> e : byLabels.entrySet()) {
      IngestRequest.Builder request = IngestRequest.builder().labels(e.getKey());
      for (Doc d : e.getValue()) {
        request.source(
            DocumentSource.ofText(d.id() + ".txt", d.text())
                .withId(d.id())
                .withMetadata(
                    Metadata.parse(List.of("dept=" + d.dept(), "year=" + d.year()))));
      }
      assertThat(engine.documents().ingest(request.build()).ingested()).hasSize(e.getValue().size());
    }
  }

  private static SearchFilter randomFilter(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> SearchFilter.none();
      case 1 -> SearchFilter.builder().equalTo("dept", dept(random)).build();
      case 2 -> SearchFilter.builder().atLeast("year", 2018 + random.nextInt(7)).build();
      default ->
          SearchFilter.builder()
              .in("dept", dept(random), dept(random))
              .atMost("year", 2019 + random.nextInt(6))
              .build();
    };
  }

  private static String dept(Random random) {
    return List.of("cardio", "onco", "ortho").get(random.nextInt(3));
  }

  private static void addDocs(
      List<Doc> docs, Random random, String prefix, int n, Set<String> labels, List<String> own) {
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder();
      int sentences = 2 + random.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        int words = 5 + random.nextInt(8);
        for (int w = 0; w < words; w++) {
          String word =
              random.nextInt(3) == 0
                  ? own.get(random.nextInt(own.size()))
                  : COMMON[random.nextInt(COMMON.length)];
          text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
              .append(w == words - 1 ? ". " : " ");
        }
      }
      docs.add(
          new Doc(prefix + "-" + i, text.toString().strip(), labels, dept(random),
              2018 + random.nextInt(7)));
    }
  }

  /** Made-up words that occur nowhere else: {@code prefix} then six letters. */
  private static List<String> words(Random random, String prefix, int n) {
    Set<String> out = new java.util.LinkedHashSet<>();
    while (out.size() < n) {
      StringBuilder w = new StringBuilder(prefix);
      for (int i = 0; i < 6; i++) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      out.add(w.toString());
    }
    return new ArrayList<>(out);
  }
}
