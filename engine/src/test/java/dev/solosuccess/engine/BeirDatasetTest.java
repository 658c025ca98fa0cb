package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solosuccess.sdk.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a BEIR folder: gzip, CRLF, headers, trimming, and the errors that name their line. */
class BeirDatasetTest {

  @TempDir Path folder;

  static final String CORPUS =
      """
      {"_id": "4983", "title": " Microstructural development \\u03b1 ", "text": "Alterations of white matter.", "metadata": {}}
      {"_id": "5836", "title": "", "text": " Only text here. ", "metadata": {}}
      {"_id": "7912", "title": "Title only", "text": "", "metadata": {}}
      """;

  static final String QUERIES =
      """
      {"_id": "0", "text": "not judged in test", "metadata": {}}
      {"_id": "3", "text": "third claim", "metadata": {"5836": [{"sentences": [0], "label": "SUPPORT"}]}}
      {"_id": "1", "text": "first claim", "metadata": {}}
      """;

  static final String TEST_QRELS = "query-id\tcorpus-id\tscore\r\n1\t4983\t1\r\n3\t5836\t2\r\n3\t7912\t0\r\n";

  private void write(String corpus, boolean gzip) throws IOException {
    Files.createDirectories(folder.resolve("qrels"));
    if (gzip) {
      try (OutputStream out =
          new GZIPOutputStream(Files.newOutputStream(folder.resolve("corpus.jsonl.gz")))) {
        out.write(corpus.getBytes(StandardCharsets.UTF_8));
      }
    } else {
      Files.writeString(folder.resolve("corpus.jsonl"), corpus);
    }
    Files.writeString(folder.resolve("queries.jsonl"), QUERIES);
    Files.writeString(folder.resolve("qrels/test.tsv"), TEST_QRELS);
    Files.writeString(folder.resolve("qrels/train.tsv"), "query-id\tcorpus-id\tscore\n0\t4983\t1\n");
  }

  @Test
  void readsAGzippedCorpusWithCrlfQrels() throws IOException {
    write(CORPUS, true);

    BeirDataset d = BeirDataset.read(folder, "test");

    assertThat(d.corpus()).extracting(BeirDataset.Document::id).containsExactly("4983", "5836", "7912");
    BeirDataset.Document first = d.corpus().get(0);
    assertThat(first.title()).isEqualTo("Microstructural development \u03b1");
    assertThat(first.contents()).isEqualTo("Microstructural development \u03b1\n\nAlterations of white matter.");
    assertThat(d.corpus().get(1).contents()).isEqualTo("Only text here.");
    assertThat(d.corpus().get(2).contents()).isEqualTo("Title only");
    // Only judged queries, in the order of queries.jsonl; metadata ignored.
    assertThat(d.queries()).containsExactly(
        new BeirDataset.Query("3", "third claim"), new BeirDataset.Query("1", "first claim"));
    assertThat(d.judgments().queryIds()).containsExactly("1", "3");
    assertThat(d.judgments().judgments("3")).isEqualTo(Map.of("5836", 2, "7912", 0));
    assertThat(d.judgments().relevantCount("3")).isEqualTo(1);
    assertThat(d.judgments().judgmentCount()).isEqualTo(3);
  }

  @Test
  void readsAPlainCorpusAndAnotherSplit() throws IOException {
    write(CORPUS, false);

    BeirDataset d = BeirDataset.read(folder, "train");

    assertThat(d.corpus()).hasSize(3);
    assertThat(d.split()).isEqualTo("train");
    assertThat(d.queries()).containsExactly(new BeirDataset.Query("0", "not judged in test"));
  }

  @Test
  void trecQrelsWithFourColumnsAndNoHeaderAreRead() throws IOException {
    Path qrels = folder.resolve("trec.qrels");
    Files.writeString(qrels, "1 0 4983 1\n1 0 5836 0\n2 0 7912 3\n");

    RelevanceJudgments j = RelevanceJudgments.read(qrels);

    assertThat(j.queryIds()).containsExactly("1", "2");
    assertThat(j.judgments("1")).isEqualTo(Map.of("4983", 1, "5836", 0));
    assertThat(j.judgments("2")).isEqualTo(Map.of("7912", 3));
    assertThat(j.judgments("9")).isEmpty();
  }

  @Test
  void aJudgedQueryWithoutTextIsRefused() throws IOException {
    write(CORPUS, true);
    Files.writeString(folder.resolve("qrels/test.tsv"), TEST_QRELS + "42\t4983\t1\r\n");

    assertThatThrownBy(() -> BeirDataset.read(folder, "test"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("query 42 of qrels/test is not in queries.jsonl");
  }

  @Test
  void malformedLinesAreNamed() throws IOException {
    write(CORPUS + "{\"_id\": \"1\", \"title\": \"broken\n", true);
    assertThatThrownBy(() -> BeirDataset.read(folder, "test"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("corpus.jsonl.gz line 4: not JSON");

    write(CORPUS + "{\"_id\": \"4983\", \"title\": \"again\", \"text\": \"\"}\n", false);
    Files.delete(folder.resolve("corpus.jsonl.gz"));
    assertThatThrownBy(() -> BeirDataset.read(folder, "test"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("corpus.jsonl line 4: document 4983 appears twice");

    Files.writeString(folder.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\r\n1\t4983\r\n");
    assertThatThrownBy(() -> BeirDataset.read(folder, "test"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("test.tsv line 2: expected 3 columns");

    Files.writeString(folder.resolve("qrels/test.tsv"), "1\t4983\t1\n1\t4983\t1\n");
    assertThatThrownBy(() -> BeirDataset.read(folder, "test"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("test.tsv line 2: document 4983 is judged twice for query 1");
  }

  @Test
  void missingFilesAndSplitsAreNamed() throws IOException {
    assertThatThrownBy(() -> BeirDataset.read(folder.resolve("nowhere"), "test"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("no BEIR folder at");
    write(CORPUS, true);
    assertThatThrownBy(() -> BeirDataset.read(folder, "dev"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("no dev.tsv (or dev.tsv.gz) in");
    assertThatThrownBy(() -> BeirDataset.read(folder, "../test"))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("split must be a qrels file name");
  }
}
