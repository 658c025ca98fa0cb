package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LabelScore;
import dev.solosuccess.sdk.NotFoundException;
import dev.solosuccess.sdk.Summary;
import dev.solosuccess.sdk.SummarySentence;
import dev.solosuccess.sdk.ZeroShotResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extractive summaries and zero-shot labels with the real model. */
class InferenceTasksTest {

  @TempDir static Path dataDir;
  static SoloEngine engine;

  @BeforeAll
  static void open() {
    engine = TestSupport.open(dataDir);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aSummaryIsTheMostCentralSentencesInDocumentOrderWithTheirOffsets() {
    Document d =
        engine.documents().ingest(DocumentSource.of(
            TestSupport.exampleData().resolve("onboarding-guide.md")));
    String text = engine.documents().text(d.id());
    Summary s = engine.inference().summarize(d.id(), 4);
    assertThat(s.documentId()).isEqualTo(d.id());
    assertThat(s.sentences()).hasSize(4);
    assertThat(s.candidates()).isGreaterThan(10);
    int previous = -1;
    for (SummarySentence sentence : s.sentences()) {
      assertThat(sentence.startOffset()).as("document order").isGreaterThan(previous);
      previous = sentence.startOffset();
      assertThat(text.substring(sentence.startOffset(), sentence.endOffset()))
          .isEqualTo(sentence.text());
      assertThat(sentence.text().split("\\s+").length).isGreaterThanOrEqualTo(5);
      assertThat(sentence.score()).isBetween(-1.0, 1.0);
    }
    // The picked sentences are more central than the average sentence of the document.
    Summary all = engine.inference().summarize(d.id(), 50);
    double mean =
        all.sentences().stream().mapToDouble(SummarySentence::score).average().orElseThrow();
    assertThat(s.sentences()).allSatisfy(x -> assertThat(x.score()).isGreaterThan(mean));
  }

  @Test
  void aShortDocumentGivesWhatItHasAndBadCallsAreRefused() {
    Document d =
        engine.documents().ingest(DocumentSource.ofText("memo",
            "The espresso machine is descaled every Friday evening. Nothing else changed."));
    Summary s = engine.inference().summarize(d.id(), 5);
    assertThat(s.sentences()).extracting(SummarySentence::text)
        .containsExactly("The espresso machine is descaled every Friday evening.");
    assertThatThrownBy(() -> engine.inference().summarize("no-such-doc", 3))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.inference().summarize(d.id(), 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sentences must be in 1..50, got 0");
  }

  @Test
  void zeroShotRanksLabelsByTheirDescriptions() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("refund", "a customer asking to get their money back for a purchase");
    labels.put("hours", "a question about when the shop or café is open");
    labels.put("coffee", "the taste, roast and origin of coffee beans");
    ZeroShotResult refund =
        engine.inference().classifyZeroShot(
            "I returned the unopened bag last week, when will I see the money on my card?",
            labels);
    assertThat(refund.best().label()).isEqualTo("refund");
    assertThat(refund.scores()).hasSize(3);
    assertThat(refund.margin())
        .isPositive()
        .isEqualTo(refund.scores().get(0).score() - refund.scores().get(1).score());
    assertThat(refund.scores()).extracting(LabelScore::score).isSortedAccordingTo(
        (a, b) -> Double.compare(b, a));
    assertThat(engine.inference().classifyZeroShot(
            "Are you open on Sunday mornings?", labels).best().label())
        .isEqualTo("hours");
    assertThat(engine.inference().classifyZeroShot(
            "This Ethiopian lot tastes of peach and jasmine, with a light roast.", labels)
            .best().label())
        .isEqualTo("coffee");

    assertThatThrownBy(() -> engine.inference().classifyZeroShot("x", Map.of("a", "b")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2..100 labels, got 1");
    assertThatThrownBy(() -> engine.inference().classifyZeroShot(" ", labels))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> engine.inference().classifyZeroShot("x", Map.of("a", "b", "c", " ")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("description of label 'c'");
  }
}
