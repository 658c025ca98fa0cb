package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.Answer;
import dev.solosuccess.sdk.AnswerOptions;
import dev.solosuccess.sdk.AuditEntry;
import dev.solosuccess.sdk.Citation;
import dev.solosuccess.sdk.Generation;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.SearchFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extractive answers on the example corpus, and the calibration of their confidence: the questions
 * of {@code corpus-questions.tsv} that the corpus answers against those of {@code
 * unanswerable-questions.txt} that it does not. No fallback is configured here, so nothing is
 * generated whatever the confidence.
 */
class AnswerTest {

  @TempDir static Path dataDir;
  static SoloEngine engine;

  @BeforeAll
  static void ingest() {
    engine = TestSupport.open(dataDir);
    engine.documents().ingest(IngestRequest.of(TestSupport.exampleData()));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  static List<String> unanswerable() throws IOException {
    return Files.readAllLines(
            TestSupport.repoRoot().resolve("examples/src/test/resources/unanswerable-questions.txt"))
        .stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .toList();
  }

  /** A part of each answerable question's expected answer (its note in corpus-questions.tsv). */
  static final java.util.Map<String, String> ANSWER_KEYS =
      java.util.Map.ofEntries(
          java.util.Map.entry("Nemba", "86.25"),
          java.util.Map.entry("Cafetal", "Quintero"),
          java.util.Map.entry("Bramble", "310 lb"),
          java.util.Map.entry("Northfield", "1 October"),
          java.util.Map.entry("brûlée", "7.50"),
          java.util.Map.entry("Hambela", "21.00"),
          java.util.Map.entry("Toddy", "2.3 kg"),
          java.util.Map.entry("Cropster", "205 °C"),
          java.util.Map.entry("Biddeford", "1,850"),
          java.util.Map.entry("KestrelGuest", "chalkboard"),
          java.util.Map.entry("vacation", "12"),
          java.util.Map.entry("unopened", "30 days"),
          java.util.Map.entry("Saturdays", "7:30"),
          java.util.Map.entry("first day", "I-9"),
          java.util.Map.entry("double shot", "18.5 g"),
          java.util.Map.entry("pause", "three"),
          java.util.Map.entry("pour-over", "96 °C"),
          java.util.Map.entry("chaff fire", "emptied"),
          java.util.Map.entry("lift", "23 kg"),
          java.util.Map.entry("roasted in 2025", "47,900"));

  static String answerKey(ExampleCorpusSearchTest.Question q) {
    return ANSWER_KEYS.entrySet().stream()
        .filter(e -> q.query().contains(e.getKey()))
        .map(java.util.Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no answer key for " + q.query()));
  }

  @Test
  void answersCiteTheSentencesTheyAreMadeOf() {
    Answer a = engine.inference().answer("How many vacation days do new hires get?");
    assertThat(a.generated()).isFalse();
    assertThat(a.model()).isNull();
    assertThat(a.text()).contains("12-day");
    assertThat(a.citations()).isNotEmpty().hasSizeLessThanOrEqualTo(AnswerOptions.DEFAULT_SENTENCES);
    for (Citation c : a.citations()) {
      String doc = engine.documents().text(c.documentId());
      assertThat(doc.substring(c.provenance().startOffset(), c.provenance().endOffset()))
          .isEqualTo(c.text());
      assertThat(a.text().replaceAll("\\s+", " ")).contains(c.text().replaceAll("\\s+", " "));
      assertThat(engine.documents().chunks(c.documentId()))
          .anySatisfy(
              ch -> {
                assertThat(ch.id()).isEqualTo(c.chunkId());
                assertThat(ch.provenance().startOffset()).isLessThanOrEqualTo(c.provenance().startOffset());
                assertThat(ch.provenance().endOffset()).isGreaterThanOrEqualTo(c.provenance().endOffset());
              });
    }
    assertThat(a.citations().get(0).source()).endsWith("policies/pto-and-leave.md");
    assertThat(a.citations()).extracting(Citation::marker).startsWith(1);
  }

  @Test
  void aPdfAnswerCarriesItsPage() {
    Answer a = engine.inference().answer("How many pounds of coffee were roasted in 2025?");
    assertThat(a.text()).contains("47,900 pounds");
    assertThat(a.citations().get(0).source()).endsWith("annual-review-2025.pdf");
    assertThat(a.citations().get(0).provenance().page()).isEqualTo(2);
  }

  @Test
  void theConfidenceThresholdSeparatesAnsweredFromUnansweredQuestions() throws IOException {
    AnswerOptions local = AnswerOptions.builder().generation(Generation.NEVER).build();
    double threshold = AnswerOptions.DEFAULT_THRESHOLD;
    List<String> table = new ArrayList<>();
    int answeredAbove = 0;
    int containsKey = 0;
    double minAnswered = 1;
    List<ExampleCorpusSearchTest.Question> answerable =
        ExampleCorpusSearchTest.answerableQuestions().toList();
    for (ExampleCorpusSearchTest.Question q : answerable) {
      Answer a = engine.inference().answer(q.query(), local);
      boolean hit = a.text().contains(answerKey(q));
      table.add(String.format(Locale.ROOT, "answerable   %.3f %s %s", a.confidence(),
          hit ? "key " : "miss", q.query()));
      answeredAbove += a.confidence() >= threshold ? 1 : 0;
      containsKey += hit ? 1 : 0;
      minAnswered = Math.min(minAnswered, a.confidence());
    }
    int unansweredBelow = 0;
    double maxUnanswered = 0;
    List<String> off = unanswerable();
    for (String q : off) {
      Answer a = engine.inference().answer(q, local);
      table.add(String.format(Locale.ROOT, "unanswerable %.3f %s", a.confidence(), q));
      unansweredBelow += a.confidence() < threshold ? 1 : 0;
      maxUnanswered = Math.max(maxUnanswered, a.confidence());
      assertThat(a.generated()).isFalse();
    }
    table.forEach(System.out::println);
    System.out.printf(Locale.ROOT,
        "threshold %.2f: %d/%d answerable at or above (min %.3f), %d/%d unanswerable below"
            + " (max %.3f); expected answer in the extractive text: %d/%d%n",
        threshold, answeredAbove, answerable.size(), minAnswered, unansweredBelow, off.size(),
        maxUnanswered, containsKey, answerable.size());
    // Measured: 20/20 and 14/15 (the one above asks how solar panels work, and the corpus has a
    // sentence on the roastery's solar panels); 12/20 answers hold the expected text.
    assertThat(answeredAbove).isEqualTo(answerable.size());
    assertThat(unansweredBelow).isGreaterThanOrEqualTo(off.size() - 1);
    assertThat(containsKey).isGreaterThanOrEqualTo(12);
  }

  @Test
  void withoutAFallbackALowConfidenceAnswerStaysLocal() {
    Answer a =
        engine.inference().answer(
            "What is the capital of Mongolia?",
            AnswerOptions.builder().generation(Generation.ALWAYS).build());
    assertThat(a.generated()).isFalse();
    assertThat(a.confidence()).isLessThan(AnswerOptions.DEFAULT_THRESHOLD);
  }

  @Test
  void aFilterThatMatchesNothingGivesAnEmptyAnswer() {
    Answer a =
        engine.inference().answer(
            "How many vacation days do new hires get?",
            AnswerOptions.builder().filter(SearchFilter.builder().equalTo("team", "nobody").build()).build());
    assertThat(a.text()).isEmpty();
    assertThat(a.citations()).isEmpty();
    assertThat(a.confidence()).isZero();
  }

  @Test
  void badQuestionsAreRefusedByName() {
    assertThatThrownBy(() -> engine.inference().answer("  "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("question must not be blank");
    assertThatThrownBy(() -> engine.inference().answer("x".repeat(5000)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("5000");
    assertThatThrownBy(() -> AnswerOptions.builder().threshold(1.5).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("threshold must be in 0..1, got 1.5");
    assertThatThrownBy(() -> AnswerOptions.builder().chunks(0).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("chunks");
  }

  @Test
  void theAuditRecordsTheDocumentsButNotTheQuestion() {
    long before = engine.audit().head().sequence();
    Answer a = engine.inference().answer("Where can I find the KestrelGuest Wi-Fi password?");
    List<AuditEntry> entries = engine.audit().entries(before, 100);
    AuditEntry e =
        entries.stream().filter(x -> x.action().equals("inference.answer")).findFirst().orElseThrow();
    assertThat(e.targets()).contains(a.citations().get(0).documentId());
    assertThat(e.detail()).doesNotContain("KestrelGuest").doesNotContain("password");
    assertThat(e.outcome()).isEqualTo("ok");
  }
}
