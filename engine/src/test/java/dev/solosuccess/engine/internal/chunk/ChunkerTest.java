package dev.solosuccess.engine.internal.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.engine.internal.model.ModelTokenizer;
import dev.solosuccess.engine.internal.model.NativeRuntime;
import dev.solosuccess.engine.internal.parse.ExtractedText;
import dev.solosuccess.engine.internal.parse.Formats;
import dev.solosuccess.engine.internal.parse.ParseGuard;
import dev.solosuccess.engine.internal.parse.Parsers;
import dev.solosuccess.engine.internal.parse.TikaFormats;
import dev.solosuccess.engine.ChunkingStrategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chunker with the real all-MiniLM-L6-v2 tokenizer. */
class ChunkerTest {

  @TempDir static Path nativeDir;
  static ModelTokenizer tokenizer;

  @BeforeAll
  static void load() {
    NativeRuntime.prepare(nativeDir);
    tokenizer = ModelTokenizer.load(ModelSpec.ALL_MINILM_L6_V2);
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  @Test
  void randomTextIsCoveredByChunksThatFitTheBudgetAndEndOnSentences() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("SentenceChunkerTest seed: " + seed);
    Random random = new Random(seed);
    String[] vocabulary = {
      "coffee", "roaster", "batch", "the", "of", "espresso", "Margo", "temperature", "degrees",
      "refund", "unopened", "bags", "within", "thirty", "days", "supercalifragilistic", "naïve",
      "café", "12.5", "kg", "—", "Zoë", "internationalization"
    };
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < 120; s++) {
      int words = 1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 30);
      for (int w = 0; w < words; w++) {
        text.append(w == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
      }
      text.append(random.nextInt(8) == 0 ? ".\n\n" : ". ");
    }
    ExtractedText extracted = ExtractedText.plain(text.toString());
    int budget = 126;
    List<ChunkSpan> chunks = new Chunker(ChunkingStrategy.SENTENCE, tokenizer, budget, 16).chunk(extracted);
    String t = extracted.text();

    assertThat(chunks).isNotEmpty();
    int covered = 0;
    for (int i = 0; i < chunks.size(); i++) {
      ChunkSpan c = chunks.get(i);
      String chunk = t.substring(c.start(), c.end());
      assertThat(tokenizer.countTokens(chunk)).as("tokens of chunk %d", i).isEqualTo(c.tokens());
      assertThat(c.tokens()).as("chunk %d within budget", i).isLessThanOrEqualTo(budget);
      assertThat(chunk).isEqualTo(chunk.strip());
      assertThat(c.page()).isZero();
      if (i > 0) {
        assertThat(c.start()).as("chunks move forward").isGreaterThan(chunks.get(i - 1).start());
        assertThat(c.start()).as("no gap before chunk %d", i).isLessThanOrEqualTo(covered + 2);
      }
      covered = Math.max(covered, c.end());
    }
    assertThat(covered).as("the last chunk ends the text").isEqualTo(t.length());
  }

  @Test
  void consecutiveChunksShareTheirBoundarySentence() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("Sentence number ").append(i).append(" talks about the espresso grinder. ");
    }
    ExtractedText extracted = ExtractedText.plain(text.toString());
    List<ChunkSpan> chunks = new Chunker(ChunkingStrategy.SENTENCE, tokenizer, 62, 12).chunk(extracted);
    assertThat(chunks.size()).isGreaterThan(3);
    for (int i = 1; i < chunks.size(); i++) {
      assertThat(chunks.get(i).start()).as("overlap of chunk %d", i).isLessThan(chunks.get(i - 1).end());
    }
    String first = extracted.text().substring(chunks.get(0).start(), chunks.get(0).end());
    assertThat(first).startsWith("Sentence number 0").endsWith("grinder.");
  }

  @Test
  void aSentenceLongerThanTheBudgetIsCutAtWordBoundaries() {
    String longSentence = "word ".repeat(300).strip() + ".";
    ExtractedText extracted = ExtractedText.plain(longSentence);
    List<ChunkSpan> chunks = new Chunker(ChunkingStrategy.SENTENCE, tokenizer, 100, 0).chunk(extracted);
    assertThat(chunks).hasSize(4);
    for (ChunkSpan c : chunks) {
      String piece = extracted.text().substring(c.start(), c.end());
      assertThat(piece).doesNotStartWith(" ").matches("(word ?)+\\.?");
      assertThat(c.tokens()).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void chunksNeverCrossPagesAndCarryTheirPage() {
    List<String> pages = new ArrayList<>();
    for (int p = 1; p <= 3; p++) {
      pages.add(("Page " + p + " says something about roasting. ").repeat(10));
    }
    pages.add("   "); // a blank page keeps the numbering of the others
    pages.add("The last page has its own sentence.");
    ExtractedText extracted = ExtractedText.paged(pages);
    assertThat(extracted.pageCount()).isEqualTo(5);
    List<ChunkSpan> chunks = new Chunker(ChunkingStrategy.SENTENCE, tokenizer, 40, 8).chunk(extracted);
    for (ChunkSpan c : chunks) {
      ExtractedText.Span page =
          extracted.pages().stream().filter(s -> s.page() == c.page()).findFirst().orElseThrow();
      assertThat(c.start()).isGreaterThanOrEqualTo(page.start());
      assertThat(c.end()).isLessThanOrEqualTo(page.end());
      String text = extracted.text().substring(c.start(), c.end());
      if (c.page() <= 3) {
        assertThat(text).contains("Page " + c.page()).doesNotContain("Page " + (c.page() + 1));
      }
    }
    assertThat(chunks).extracting(ChunkSpan::page).contains(1, 2, 3, 5).doesNotContain(4);
  }

  @Test
  void listItemsAndHeadingsAreSentencesOfTheirOwn() {
    String text = "Returns\n\n- Unopened bags: 30 days\n- Equipment: 14 days\nNew hires get twelve days";
    List<int[]> s = Sentences.split(text, 0, text.length());
    List<String> parts = s.stream().map(r -> text.substring(r[0], r[1])).toList();
    assertThat(parts)
        .containsExactly(
            "Returns", "- Unopened bags: 30 days", "- Equipment: 14 days", "New hires get twelve days");
  }

  @Test
  void hardWrappedLinesOfOneSentenceStayTogether() {
    String text =
        "The chaff collector is emptied after every fourth batch, and the operator records\n"
            + "the time in the roast log before the next charge. Then the drum is preheated.";
    List<int[]> s = Sentences.split(text, 0, text.length());
    assertThat(s).hasSize(2);
    assertThat(text.substring(s.get(0)[0], s.get(0)[1])).endsWith("next charge.");
  }

  private static ExtractedText markdown(String md) {
    return new Parsers(new TikaFormats())
        .parse(
            new Formats.Format("text/markdown", Formats.Reader.MARKDOWN),
            md.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            ParseGuard.unlimited("doc.md"));
  }

  private static String manual() {
    StringBuilder md = new StringBuilder("# Roastery manual\n\nThis manual covers the roastery.\n\n");
    String[] sections = {"Safety", "Cleaning", "Green coffee"};
    for (String section : sections) {
      md.append("## ").append(section).append("\n\n");
      for (int p = 0; p < 3; p++) {
        md.append("### Part ").append(p).append("\n\n");
        for (int s = 0; s < 4 + p * 3; s++) {
          md.append(section).append(" rule ").append(p).append('.').append(s)
              .append(" says the crew checks the burner and the drum before each batch. ");
        }
        md.append("\n\n");
      }
    }
    return md.toString();
  }

  @Test
  void everyChunkCarriesTheSectionPathItStartsIn() {
    ExtractedText t = markdown(manual());
    List<ChunkSpan> chunks = new Chunker(ChunkingStrategy.SENTENCE, tokenizer, 100, 12).chunk(t);
    for (ChunkSpan c : chunks) {
      String text = t.text().substring(c.start(), c.end());
      assertThat(c.section()).isEqualTo(t.sectionAt(c.start()));
      assertThat(c.section()).first().isEqualTo("Roastery manual");
      if (text.startsWith("Cleaning rule 1.")) {
        assertThat(c.section()).containsExactly("Roastery manual", "Cleaning", "Part 1");
      }
    }
    assertThat(chunks).extracting(ChunkSpan::section)
        .contains(List.of("Roastery manual", "Green coffee", "Part 2"));
  }

  @Test
  void sectionChunksNeverCrossAHeading() {
    ExtractedText t = markdown(manual());
    List<ChunkSpan> chunks = new Chunker(ChunkingStrategy.SECTION, tokenizer, 100, 12).chunk(t);
    for (ChunkSpan c : chunks) {
      ExtractedText.Section home =
          t.sections().stream()
              .filter(s -> s.start() <= c.start() && c.start() < s.end())
              .findFirst()
              .orElseThrow();
      assertThat(c.end()).as("chunk %s stays in %s", c, home.path()).isLessThanOrEqualTo(home.end());
      assertThat(c.section()).isEqualTo(home.path());
      assertThat(c.tokens()).isLessThanOrEqualTo(100);
    }
    // Every section with text has a chunk that starts at its heading.
    for (ExtractedText.Section s : t.sections()) {
      assertThat(chunks).anyMatch(c -> c.start() == s.start());
    }
    // Sentence chunks, which may cross headings, are fewer.
    assertThat(new Chunker(ChunkingStrategy.SENTENCE, tokenizer, 100, 12).chunk(t).size())
        .isLessThan(chunks.size());
  }

  @Test
  void fixedChunksAreTokenWindowsThatOverlap() {
    ExtractedText t = markdown(manual());
    int budget = 64;
    int overlap = 16;
    List<ChunkSpan> chunks =
        new Chunker(ChunkingStrategy.FIXED, tokenizer, budget, overlap).chunk(t);
    assertThat(chunks).hasSizeGreaterThan(5);
    for (int i = 0; i < chunks.size(); i++) {
      ChunkSpan c = chunks.get(i);
      assertThat(c.tokens()).isLessThanOrEqualTo(budget);
      assertThat(tokenizer.countTokens(t.text().substring(c.start(), c.end())))
          .isEqualTo(c.tokens());
      if (i + 1 < chunks.size()) {
        ChunkSpan next = chunks.get(i + 1);
        assertThat(next.start()).as("windows overlap").isLessThan(c.end());
        assertThat(next.start()).isGreaterThan(c.start());
      }
    }
    // All but the last window are full, give or take a word piece split at the cut.
    for (ChunkSpan c : chunks.subList(0, chunks.size() - 1)) {
      assertThat(c.tokens()).isGreaterThanOrEqualTo(budget - 4);
    }
    assertThat(chunks.get(chunks.size() - 1).end()).isEqualTo(t.text().length());
  }
}
