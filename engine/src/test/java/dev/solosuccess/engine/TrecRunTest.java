package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.InvalidInputException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrecRunTest {

  @TempDir Path dir;

  static Map<String, List<RankedDocument>> run() {
    Map<String, List<RankedDocument>> run = new LinkedHashMap<>();
    run.put(
        "7",
        List.of(
            new RankedDocument("a", 0.5),
            new RankedDocument("b", 0.5),
            new RankedDocument("c", 12.25),
            new RankedDocument("d", 1e-7)));
    run.put("1", List.of(new RankedDocument("x", 0.016393442622950821)));
    run.put("2", List.of());
    return run;
  }

  @Test
  void linesAreInTrecEvalOrderWithRanksAndFullScores() {
    StringWriter out = new StringWriter();
    TrecRun.write(out, run(), "solo-hybrid");

    assertThat(out.toString())
        .isEqualTo(
            """
            7 Q0 c 1 12.25 solo-hybrid
            7 Q0 b 2 0.5 solo-hybrid
            7 Q0 a 3 0.5 solo-hybrid
            7 Q0 d 4 0.0000001 solo-hybrid
            1 Q0 x 1 0.01639344262295082 solo-hybrid
            """);
  }

  @Test
  void aWrittenRunReadsBackWithTheSameScores() throws IOException {
    Path file = dir.resolve("run.trec");
    TrecRun.write(file, run(), "t");

    Map<String, List<RankedDocument>> back = TrecRun.read(file);

    assertThat(back.keySet()).containsExactly("7", "1");
    assertThat(back.get("7"))
        .extracting(RankedDocument::documentId)
        .containsExactly("c", "b", "a", "d");
    assertThat(back.get("1").get(0).score()).isEqualTo(0.016393442622950821);
    RelevanceJudgments qrels = RelevanceJudgments.of(Map.of("7", Map.of("a", 1), "1", Map.of("x", 1)));
    assertThat(RetrievalMetrics.evaluate(qrels, back)).isEqualTo(RetrievalMetrics.evaluate(qrels, run()));
  }

  @Test
  void badTagsIdsAndLinesAreRefused() throws IOException {
    assertThatThrownBy(() -> TrecRun.write(new StringWriter(), run(), "two words"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("run tag must be");
    Map<String, List<RankedDocument>> spaced = Map.of("q", List.of(new RankedDocument("a b", 1)));
    assertThatThrownBy(() -> TrecRun.write(new StringWriter(), spaced, "t"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("document id must not hold whitespace, got 'a b'");
    Path bad = dir.resolve("bad.trec");
    Files.writeString(bad, "1 Q0 a 1 0.5 t\n1 Q0 b 2 high t\n");
    assertThatThrownBy(() -> TrecRun.read(bad))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.trec line 2: score must be a number, got 'high'");
  }
}
