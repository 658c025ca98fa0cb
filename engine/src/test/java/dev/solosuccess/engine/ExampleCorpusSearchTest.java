package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.sdk.Chunk;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.SearchHit;
import dev.solosuccess.sdk.SearchMode;
import dev.solosuccess.sdk.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Search quality on the example corpus ({@code examples/data}), with the questions of {@code
 * examples/src/test/resources/corpus-questions.tsv}: each mode is held to the kind of question it
 * exists for.
 */
class ExampleCorpusSearchTest {

  record Question(String kind, String query, String expectedFile, String note) {
    @Override
    public String toString() {
      return kind + ": " + query;
    }
  }

  @TempDir static Path dataDir;
  static SoloEngine engine;
  static IngestSummary summary;

  @BeforeAll
  static void ingest() {
    engine = TestSupport.open(dataDir);
    summary = engine.documents().ingest(IngestRequest.of(TestSupport.exampleData()));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  static List<Question> questions() throws IOException {
    Path tsv = TestSupport.repoRoot().resolve("examples/src/test/resources/corpus-questions.tsv");
    return Files.readAllLines(tsv).stream()
        .skip(1)
        .filter(l -> !l.isBlank())
        .map(l -> l.split("\t", -1))
        .map(f -> new Question(f[0], f[1], f[2], f[3]))
        .toList();
  }

  static Stream<Question> ofKind(String... kinds) throws IOException {
    Set<String> wanted = Set.of(kinds);
    return questions().stream().filter(q -> wanted.contains(q.kind()));
  }

  static Stream<Question> lexicalQuestions() throws IOException {
    return ofKind("lexical");
  }

  static Stream<Question> naturalQuestions() throws IOException {
    return ofKind("natural");
  }

  static Stream<Question> answerableQuestions() throws IOException {
    return ofKind("lexical", "natural", "pdfpage");
  }

  static Stream<Question> paraphrases() throws IOException {
    return ofKind("semantic");
  }

  static Stream<Question> pageQuestions() throws IOException {
    return ofKind("pdfpage");
  }

  @Test
  void theWholeCorpusIsIngested() throws IOException {
    long files;
    try (Stream<Path> walk = Files.walk(TestSupport.exampleData())) {
      files = walk.filter(Files::isRegularFile).count();
    }
    assertThat(summary.skipped()).isEmpty();
    assertThat(summary.ingested()).hasSize((int) files);
    assertThat(files).isBetween(15L, 30L);
    assertThat(summary.ingested().stream().map(Document::mediaType).distinct())
        .containsExactlyInAnyOrder("text/plain", "text/markdown", "text/html", "application/pdf");
  }

  @ParameterizedTest
  @MethodSource("lexicalQuestions")
  void lexicalRanksTheRightDocumentFirst(Question q) {
    assertThat(top(q.query(), SearchMode.LEXICAL, 1)).first().satisfies(h -> isExpected(h, q));
  }

  @ParameterizedTest
  @MethodSource("naturalQuestions")
  void semanticRanksTheRightDocumentFirst(Question q) {
    assertThat(top(q.query(), SearchMode.SEMANTIC, 1)).first().satisfies(h -> isExpected(h, q));
  }

  @ParameterizedTest
  @MethodSource("answerableQuestions")
  void hybridRanksTheRightDocumentFirst(Question q) {
    assertThat(top(q.query(), SearchMode.HYBRID, 1)).first().satisfies(h -> isExpected(h, q));
  }

  @ParameterizedTest
  @MethodSource("paraphrases")
  void semanticFindsAParaphraseThatSharesNoWordWithItsDocument(Question q) {
    Document target =
        engine.documents().list().stream()
            .filter(d -> d.source().endsWith("/" + q.expectedFile()))
            .findFirst()
            .orElseThrow();
    Set<String> documentWords = new HashSet<>();
    for (Chunk c : engine.documents().chunks(target.id())) {
      documentWords.addAll(words(c.text()));
    }
    assertThat(words(q.query())).as("query words in the document").doesNotContainAnyElementsOf(
        documentWords);
    assertThat(top(q.query(), SearchMode.LEXICAL, 3))
        .as("BM25 cannot find it: no shared word")
        .noneMatch(h -> h.documentId().equals(target.id()));
    assertThat(top(q.query(), SearchMode.SEMANTIC, 3))
        .extracting(SearchHit::documentId)
        .contains(target.id());
  }

  @ParameterizedTest
  @MethodSource("pageQuestions")
  void pdfHitsCarryThePageOfTheAnswer(Question q) {
    int page = Integer.parseInt(q.note().replaceAll("^page=(\\d+).*", "$1"));
    SearchHit hit = top(q.query(), SearchMode.HYBRID, 1).get(0);
    assertThat(hit.source()).endsWith(q.expectedFile());
    assertThat(hit.provenance().page()).isEqualTo(page);
    Chunk chunk =
        engine.documents().chunks(hit.documentId()).stream()
            .filter(c -> c.id().equals(hit.chunkId()))
            .findFirst()
            .orElseThrow();
    assertThat(chunk.provenance()).isEqualTo(hit.provenance());
  }

  @Test
  void hitsCarrySnippetsAndOffsetsIntoTheExtractedText() {
    for (SearchMode mode : SearchMode.values()) {
      List<SearchHit> hits = top("How long do customers have to return an unopened bag?", mode, 5);
      assertThat(hits).hasSize(5);
      for (SearchHit h : hits) {
        assertThat(h.snippet()).isNotBlank().hasSizeLessThanOrEqualTo(242);
        Chunk c =
            engine.documents().chunks(h.documentId()).stream()
                .filter(x -> x.id().equals(h.chunkId()))
                .findFirst()
                .orElseThrow();
        assertThat(c.text()).hasSize(h.provenance().length());
        String plain = h.snippet().replace("…", "").strip();
        String head = plain.substring(0, Math.min(20, plain.length()));
        assertThat(c.text().replaceAll("\\s+", " ")).contains(head);
      }
      assertThat(hits).extracting(SearchHit::rank).containsExactly(1, 2, 3, 4, 5);
      assertThat(hits).extracting(SearchHit::documentId).doesNotHaveDuplicates();
    }
  }

  private static List<SearchHit> top(String query, SearchMode mode, int limit) {
    return engine.search()
        .search(SearchRequest.builder(query).mode(mode).limit(limit).build())
        .hits();
  }

  private static void isExpected(SearchHit hit, Question q) {
    assertThat(hit.source()).as("top hit for '%s'", q.query()).endsWith("/" + q.expectedFile());
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }
}
